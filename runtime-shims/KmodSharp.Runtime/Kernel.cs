using System;

namespace KmodSharp;

/// <summary>
/// The FreeBSD kernel API available to handlers. Each member translates 1:1 to its C twin
/// (named by <see cref="CNameAttribute"/>); in .NET it runs against
/// <see cref="Simulation.SimulatedKernel.Current"/> so handlers can be unit-tested.
/// </summary>
public static partial class Kernel
{
    /// <summary>
    /// <c>printf(9)</c>: appends to the kernel message buffer (dmesg). The format must be a string
    /// literal; arguments are integers, enums, <c>bool</c>, or a byte span holding a NUL-terminated
    /// string for <c>%s</c> (the analyzer checks each against its conversion), up to eight of them
    /// (FreeBSD's printf is variadic; eight covers a log line without a <c>params</c> array, which would allocate).
    /// </summary>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf(string format) => Log(format, []);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0>(string format, T0 a0)
        where T0 : allows ref struct => Log(format, [PrintfArgument.From(a0)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1>(string format, T0 a0, T1 a1)
        where T0 : allows ref struct
        where T1 : allows ref struct => Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2>(string format, T0 a0, T1 a1, T2 a2)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct => Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2, T3>(string format, T0 a0, T1 a1, T2 a2, T3 a3)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct
        where T3 : allows ref struct =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2, T3, T4>(string format, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct
        where T3 : allows ref struct
        where T4 : allows ref struct =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3), PrintfArgument.From(a4)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2, T3, T4, T5>(string format, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct
        where T3 : allows ref struct
        where T4 : allows ref struct
        where T5 : allows ref struct =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3), PrintfArgument.From(a4), PrintfArgument.From(a5)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2, T3, T4, T5, T6>(string format, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct
        where T3 : allows ref struct
        where T4 : allows ref struct
        where T5 : allows ref struct
        where T6 : allows ref struct =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3), PrintfArgument.From(a4), PrintfArgument.From(a5), PrintfArgument.From(a6)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    [PrintfFormat(nameof(format))]
    public static void Printf<T0, T1, T2, T3, T4, T5, T6, T7>(string format, T0 a0, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
        where T0 : allows ref struct
        where T1 : allows ref struct
        where T2 : allows ref struct
        where T3 : allows ref struct
        where T4 : allows ref struct
        where T5 : allows ref struct
        where T6 : allows ref struct
        where T7 : allows ref struct =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3), PrintfArgument.From(a4), PrintfArgument.From(a5), PrintfArgument.From(a6), PrintfArgument.From(a7)]);

    /// <summary><c>copyin(9)</c>: copies a <typeparamref name="T"/> from user memory. <see cref="Errno.EFAULT"/> on a bad address.</summary>
    [CName("copyin")]
    [ReadsUserMemory(nameof(source))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static Errno CopyIn<T>(UserPtr<T> source, out T value)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyIn(source, out value);

    /// <summary><c>copyout(9)</c>: copies a <typeparamref name="T"/> to user memory. <see cref="Errno.EFAULT"/> on a bad address.</summary>
    [CName("copyout")]
    [WritesUserMemory(nameof(destination))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static Errno CopyOut<T>(in T value, UserPtr<T> destination)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyOut(in value, destination);

    /// <summary>
    /// <c>copyinstr(9)</c>: copies a NUL-terminated string of at most <c>destination.Length</c> bytes
    /// (NUL included). <paramref name="copied"/> counts the bytes copied, NUL included.
    /// <see cref="Errno.ENAMETOOLONG"/> when no NUL fits, <see cref="Errno.EFAULT"/> on a bad address.
    /// </summary>
    [CName("copyinstr")]
    [NulTerminates(nameof(destination))]
    [ReadsUserMemory(nameof(source))]
    [MayFailWith(Errno.EFAULT, Errno.ENAMETOOLONG)]
    [MaySleep]
    public static Errno CopyInString(UserString source, Span<byte> destination, out nuint copied) =>
        Simulation.SimulatedKernel.Current.User.CopyInString(source, destination, out copied);

    /// <summary><c>fubyte(9)</c>: the byte at a user address, or -1 on a fault.</summary>
    [CName("fubyte")]
    [ReadsUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int FetchByte(UserPtr<byte> address) => Simulation.SimulatedKernel.Current.User.FetchByte(address);

    /// <summary><c>subyte(9)</c>: stores a byte at a user address; 0, or -1 on a fault.</summary>
    [CName("subyte")]
    [WritesUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int StoreByte(UserPtr<byte> address, byte value) =>
        Simulation.SimulatedKernel.Current.User.StoreByte(address, value);

    /// <summary><c>fueword32(9)</c>: reads a 32-bit word from user memory; 0, or -1 on a fault.</summary>
    [CName("fueword32")]
    [ReadsUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int FetchWord32(UserPtr<int> address, out int value) =>
        Simulation.SimulatedKernel.Current.User.CopyIn(new UserPtr<int>(address.Address), out value) == Errno.None ? 0 : -1;

    /// <summary><c>fueword64(9)</c>: reads a 64-bit word from user memory; 0, or -1 on a fault.</summary>
    [CName("fueword64")]
    [ReadsUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int FetchWord64(UserPtr<long> address, out long value) =>
        Simulation.SimulatedKernel.Current.User.CopyIn(address, out value) == Errno.None ? 0 : -1;

    /// <summary><c>suword32(9)</c>: stores a 32-bit word in user memory; 0, or -1 on a fault.</summary>
    [CName("suword32")]
    [WritesUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int StoreWord32(UserPtr<int> address, int value) =>
        Simulation.SimulatedKernel.Current.User.CopyOut(in value, address) == Errno.None ? 0 : -1;

    /// <summary><c>suword64(9)</c>: stores a 64-bit word in user memory; 0, or -1 on a fault.</summary>
    [CName("suword64")]
    [WritesUserMemory(nameof(address))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static int StoreWord64(UserPtr<long> address, long value) =>
        Simulation.SimulatedKernel.Current.User.CopyOut(in value, address) == Errno.None ? 0 : -1;

    /// <summary>
    /// <c>malloc(9)</c> of <paramref name="count"/> elements from the module's malloc type. With
    /// <see cref="MallocFlags.WaitOk"/> it never fails (it may sleep); with <see cref="MallocFlags.NoWait"/>
    /// check <see cref="KernelBuffer{T}.IsNull"/>. Dispose it (<c>using</c>) to <c>free(9)</c> it on every path.
    /// </summary>
    [Translated]
    public static KernelBuffer<T> Allocate<T>(int count, MallocFlags flags)
        where T : unmanaged => Simulation.SimulatedKernel.Current.Memory.Allocate<T>(count, flags);

    /// <summary><c>priv_check(9)</c>: <see cref="Errno.None"/> when the calling thread holds <paramref name="privilege"/>, else <see cref="Errno.EPERM"/>.</summary>
    [CName("priv_check")]
    [TakesCallingThread]
    [MayFailWith(Errno.EPERM)]
    public static Errno PrivCheck(Privilege privilege) => Simulation.SimulatedKernel.Current.Credential.Check(privilege);

    /// <summary>
    /// <c>priv_check(td, PRIV_MODULE0)</c>: when a handler names no privilege, the first of the
    /// <c>PRIV_MODULE0</c>..<c>PRIV_MODULE15</c> range FreeBSD reserves for third-party modules
    /// (there is no <c>PRIV_ROOT</c>; root holds it, a jailed root does not).
    /// </summary>
    [CName("priv_check")]
    [TakesCallingThread]
    [MayFailWith(Errno.EPERM)]
    public static Errno PrivCheck() => PrivCheck(Privilege.Module0);

    private static void Log(string format, PrintfArgument[] arguments) =>
        Simulation.SimulatedKernel.Current.Printf(format, arguments);
}
