using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Failures inside helpers in the shapes a stranger writes: under a lock and kernel memory, in a
/// condition, as an argument, in switch and conditional returns, from a local function, from a
/// handler another handler calls, and in an unload hook.
/// </summary>
[KernelModule("failshapes")]
public static class HelperFailureShapes
{
    private static readonly KernelMutex s_lock = new();
    private static int s_trace;

    private static Errno Probe(int i)
    {
        Span<byte> bits = stackalloc byte[8];
        bits[i] = 1;
        return (i & 1) == 0 ? Errno.None : Errno.EBUSY;
    }

    private static int Weigh(Errno e, int scale) => (int)e * scale;

    private static SyscallResult<int> Halve(int a) => a < 0 ? Errno.ERANGE : checked(a * 2) / 4;

    [ModuleUnload]
    public static Errno Unload() => Probe(s_trace & 7) == Errno.EBUSY ? Errno.None : Errno.None;

    [Syscall(Name = "failshapes_locked")]
    public static int Locked(int i)
    {
        using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(16, MallocFlags.WaitOk | MallocFlags.Zero);
        using (s_lock.Lock())
        {
            s_trace++;
            if (Probe(i) != Errno.None)
            {
                s_trace += 100;
            }

            return Weigh(Probe(i + 1), 3) + buffer.Span.Length;
        }
    }

    [Syscall(Name = "failshapes_switch")]
    public static Errno Switch(int i) => i switch
    {
        < 0 => Errno.EINVAL,
        0 => Errno.None,
        _ => Probe(i - 1),
    };

    [Syscall(Name = "failshapes_cond")]
    public static SyscallResult<int> Conditional(int a) => a > 100 ? Halve(a) : a == 7 ? Errno.ENOENT : Halve(-a);

    [Syscall(Name = "failshapes_local")]
    public static int Local(int i)
    {
        static Errno Twice(int j) => Probe(j) == Errno.None ? Probe(j * 2) : Errno.EAGAIN;

        Errno first = Twice(i);
        s_trace += 1000;
        return (int)first + (int)Twice(i & 1);
    }

    [Syscall(Name = "failshapes_outer")]
    public static int Outer(int a)
    {
        s_trace += 10000;
        return (int)Switch(a) + Locked(a & 3);
    }

    [Syscall(Name = "failshapes_trace")]
    public static int Trace() => s_trace;
}
