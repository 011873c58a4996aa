using System;

namespace KmodSharp;

// Bulk user memory: a span of elements with a length known only at run time, as FreeBSD's own
// syscalls move arrays (getgroups(2) copies out ngroups gid_t's with one copyout).
public static partial class Kernel
{
    /// <summary>
    /// <c>copyin(9)</c> of <c>destination.Length * sizeof(T)</c> bytes: fills <paramref name="destination"/>
    /// from the array of <typeparamref name="T"/> at <paramref name="source"/>. <see cref="Errno.EFAULT"/>
    /// when any byte of the range is not readable; then the simulation copies nothing, while FreeBSD may have
    /// copied the bytes before the fault (sys/amd64/amd64/support.S), so do not use <paramref name="destination"/>.
    /// An empty span touches no user memory.
    /// </summary>
    [CName("copyin")]
    [ReadsUserMemory(nameof(source))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static Errno CopyIn<T>(UserPtr<T> source, Span<T> destination)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyIn(source, destination);

    /// <summary>
    /// <c>copyout(9)</c> of <c>source.Length * sizeof(T)</c> bytes: writes the elements of
    /// <paramref name="source"/> to the array of <typeparamref name="T"/> at <paramref name="destination"/>.
    /// <see cref="Errno.EFAULT"/> when any byte of the range is not writable; then the simulation copies nothing,
    /// while FreeBSD may have written the bytes before the fault (sys/amd64/amd64/support.S);
    /// an empty span touches no user memory.
    /// </summary>
    [CName("copyout")]
    [WritesUserMemory(nameof(destination))]
    [MayFailWith(Errno.EFAULT)]
    [MaySleep]
    public static Errno CopyOut<T>(ReadOnlySpan<T> source, UserPtr<T> destination)
        where T : unmanaged => Simulation.SimulatedKernel.Current.User.CopyOut(source, destination);
}
