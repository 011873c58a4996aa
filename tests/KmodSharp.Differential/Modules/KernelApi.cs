using KmodSharp;

namespace Differential;

/// <summary>Differential module: user memory (copyin/copyout, fubyte/subyte, fueword/suword), priv_check and printf formatting.</summary>
[KernelModule("kernelapi")]
public static class KernelApi
{
    [Syscall]
    public static SyscallResult<int> CopyInOut(UserPtr<long> source, UserPtr<long> destination)
    {
        Errno e = Kernel.CopyIn(source, out long value);
        if (e != Errno.None)
        {
            return e;
        }

        value = value * 3 + 1;
        e = Kernel.CopyOut(in value, destination);
        if (e != Errno.None)
        {
            return e;
        }

        return (int)value;
    }

    [Syscall]
    public static SyscallResult<int> ReadInt(UserPtr<int> source)
    {
        Errno e = Kernel.CopyIn(source, out int value);
        if (e != Errno.None)
        {
            return e;
        }

        return value ^ 0x5a5a;
    }

    [Syscall]
    public static int Bytes(UserPtr<byte> p, int n)
    {
        int b = Kernel.FetchByte(p);
        if (b < 0)
        {
            return -1000;
        }

        return Kernel.StoreByte(p, (byte)(b + n)) * 1000 + b;
    }

    [Syscall]
    public static int Words32(UserPtr<int> p, int add)
    {
        if (Kernel.FetchWord32(p, out int value) != 0)
        {
            return -1;
        }

        return Kernel.StoreWord32(p, value + add) == 0 ? value : -2;
    }

    [Syscall]
    public static long Words64(UserPtr<long> p, long xor)
    {
        if (Kernel.FetchWord64(p, out long value) != 0)
        {
            return -1;
        }

        return Kernel.StoreWord64(p, value ^ xor) == 0 ? value : -2;
    }

    [Syscall]
    public static SyscallResult<int> Priv(int which)
    {
        if (which == 0)
        {
            if (Kernel.PrivCheck(Privilege.Module0) == Errno.None)
            {
                return 100;
            }

            return Errno.EACCES;
        }

        Errno e = which == 1 ? Kernel.PrivCheck(Privilege.KldLoad) : Kernel.PrivCheck(Privilege.Io);
        if (e != Errno.None)
        {
            return e;
        }

        return which;
    }

    [Syscall]
    public static int PrintInts(int a, uint b, long c)
    {
        Kernel.Printf("d=%d i=%i u=%u x=%x", a, a, b, b);
        Kernel.Printf(" X=%X o=%o\n", b, b);
        Kernel.Printf("w=[%8d] l=[%-8d] z=[%08x] h=[%#x]\n", a, a, b, b);
        Kernel.Printf("p=[%+d] .5d=[%.5d] 12.4x=[%12.4x]\n", a, a, b);
        Kernel.Printf("ld=%ld lu=%lu lx=%lx jd=%jd\n", c, c, c, c);
        Kernel.Printf("zd=%zd\n", c);
        return a;
    }

    [Syscall]
    public static int PrintSmall(byte a, short b, bool c)
    {
        // %c of 0 is left out: the harness log ends a line at a NUL byte, the simulation keeps it.
        Kernel.Printf("c=%c hhd=%hhd hd=%hd b=%d\n", (byte)(a | 1), a, b, c);
        return b;
    }

    [Syscall]
    public static int PrintErrno(int e)
    {
        Kernel.Printf("errno, partial line ");
        Kernel.Printf("%d\n", (Errno)e);
        return e;
    }
}
