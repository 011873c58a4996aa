using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy: a module named like a kernel malloc type (M_TEMP), syscalls named like FreeBSD's
/// own (sys/sysproto.h declares read_args, sys_read, getpid_args, open_args, ioctl_args),
/// parameters, locals, statics, helpers and structs named like kernel macros, functions, types
/// and host-compiler predefinitions. Everything must be renamed in C, never fail to compile.
/// </summary>
[KernelModule("temp")]
public static class KernelNamedTemp
{
    private static int hz = 100;
    private static long curthread;

    [Syscall]
    public static SyscallResult<int> Read(int unix, int linux, int i386, int errno)
    {
        if (unix < 0 || unix > 64)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<int> M_WAITOK = Kernel.Allocate<int>(unix + 1, MallocFlags.NoWait | MallocFlags.Zero);
        if (M_WAITOK.IsNull)
        {
            return Errno.ENOMEM;
        }

        Span<int> bcopy = M_WAITOK.Span;
        for (int printf = 0; printf < bcopy.Length; printf++)
        {
            bcopy[printf] = linux ^ printf;
        }

        int NULL = 0;
        foreach (int TRUE in bcopy)
        {
            NULL += TRUE;
        }

        return NULL + Min(i386, errno) + hz;
    }

    [Syscall]
    public static int Getpid(int min, int max)
    {
        sbyte int8_t = (sbyte)min;
        int PAGE_SIZE = max & 0xfff;
        bool @bool = int8_t < 0;
        curthread += PAGE_SIZE;
        return @bool ? PAGE_SIZE : int8_t + (int)(curthread & 0xffff);
    }

    [Syscall]
    public static int Open(int td, int uap, int error)
    {
        thread t = new thread { td_tid = td, td_flags = uap };
        timespec ts = new timespec { tv_sec = error, tv_nsec = td ^ uap };
        return Printf(t) + Copyout(ts);
    }

    [Syscall]
    public static long Ioctl(long value, long first, long second)
    {
        long kms_t = value;
        long @unsigned = first;
        return kms_t * 3 + @unsigned - second;
    }

    private static int Min(int a, int b) => a < b ? a : b;

    private static int Printf(thread t) => t.td_tid * 7 + t.td_flags;

    private static int Copyout(timespec ts) => (int)(ts.tv_sec ^ ts.tv_nsec);
}

public struct thread
{
    public int td_tid;
    public int td_flags;
}

public struct timespec
{
    public long tv_sec;
    public long tv_nsec;
}
