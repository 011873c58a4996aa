using System;

namespace KmodSharp;

/// <summary>
/// The FreeBSD kernel API available to handlers. Each member translates 1:1 to its C twin
/// (named by <see cref="CNameAttribute"/>); in .NET it runs against
/// <see cref="Simulation.SimulatedKernel.Current"/> so handlers can be unit-tested.
/// </summary>
public static class Kernel
{
    /// <summary><c>printf(9)</c>: appends to the kernel message buffer (dmesg).</summary>
    [CName("printf")]
    public static void Printf(string format) => Log(format, []);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    public static void Printf<T0>(string format, T0 a0)
        where T0 : unmanaged => Log(format, [PrintfArgument.From(a0)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    public static void Printf<T0, T1>(string format, T0 a0, T1 a1)
        where T0 : unmanaged
        where T1 : unmanaged => Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    public static void Printf<T0, T1, T2>(string format, T0 a0, T1 a1, T2 a2)
        where T0 : unmanaged
        where T1 : unmanaged
        where T2 : unmanaged => Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2)]);

    /// <inheritdoc cref="Printf(string)"/>
    [CName("printf")]
    public static void Printf<T0, T1, T2, T3>(string format, T0 a0, T1 a1, T2 a2, T3 a3)
        where T0 : unmanaged
        where T1 : unmanaged
        where T2 : unmanaged
        where T3 : unmanaged =>
        Log(format, [PrintfArgument.From(a0), PrintfArgument.From(a1), PrintfArgument.From(a2), PrintfArgument.From(a3)]);

    /// <summary><c>copyin(9)</c>: copies a <typeparamref name="T"/> from user memory. <see cref="Errno.EFAULT"/> on a bad address.</summary>
    [CName("copyin")]
    public static Errno CopyIn<T>(UserPtr<T> source, out T value)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyIn(source, out value);

    /// <summary><c>copyout(9)</c>: copies a <typeparamref name="T"/> to user memory. <see cref="Errno.EFAULT"/> on a bad address.</summary>
    [CName("copyout")]
    public static Errno CopyOut<T>(in T value, UserPtr<T> destination)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyOut(in value, destination);

    /// <summary>
    /// <c>copyinstr(9)</c>: copies a NUL-terminated string of at most <c>destination.Length</c> bytes
    /// (NUL included). <paramref name="copied"/> counts the bytes copied, NUL included.
    /// <see cref="Errno.ENAMETOOLONG"/> when no NUL fits, <see cref="Errno.EFAULT"/> on a bad address.
    /// </summary>
    [CName("copyinstr")]
    public static Errno CopyInString(UserString source, Span<byte> destination, out nuint copied) =>
        Simulation.SimulatedKernel.Current.User.CopyInString(source, destination, out copied);

    /// <summary><c>fubyte(9)</c>: the byte at a user address, or -1 on a fault.</summary>
    [CName("fubyte")]
    public static int FetchByte(UserPtr<byte> address) => Simulation.SimulatedKernel.Current.User.FetchByte(address);

    /// <summary><c>subyte(9)</c>: stores a byte at a user address; 0, or -1 on a fault.</summary>
    [CName("subyte")]
    public static int StoreByte(UserPtr<byte> address, byte value) =>
        Simulation.SimulatedKernel.Current.User.StoreByte(address, value);

    /// <summary><c>priv_check(9)</c>: <see cref="Errno.None"/> when the calling thread holds <paramref name="privilege"/>, else <see cref="Errno.EPERM"/>.</summary>
    [CName("priv_check")]
    public static Errno PrivCheck(Privilege privilege) => Simulation.SimulatedKernel.Current.Credential.Check(privilege);

    private static void Log(string format, PrintfArgument[] arguments) =>
        Simulation.SimulatedKernel.Current.Printf(format, arguments);
}
