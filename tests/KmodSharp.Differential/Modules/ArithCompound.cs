using KmodSharp;

namespace Differential;

/// <summary>Differential module: compound assignment, ++/--. At most 10 syscalls, the dynamic slots a kernel offers (210-219).</summary>
[KernelModule("arithcompound")]
public static class ArithCompound
{
    [Syscall]
    public static int CompoundInt(int a, int b)
    {
        int x = a;
        x += b;
        x -= 3;
        x *= b;
        x ^= a;
        x |= 0x100;
        x &= ~b;
        x <<= b;
        x >>= 3;
        x >>>= 1;
        return x;
    }

    [Syscall]
    public static int CompoundByte(byte a, int b)
    {
        byte x = a;
        x += (byte)b;
        x *= 3;
        x <<= b;
        x -= 200;
        x >>= 1;
        short s = (short)b;
        s *= s;
        s -= (short)a;
        return x + s;
    }

    [Syscall]
    public static int CheckedCompound(int a, byte b)
    {
        checked
        {
            byte x = b;
            x += 100;
            int y = a;
            y *= 3;
            y -= b;
            ++y;
            --x;
            return y + x;
        }
    }

    [Syscall]
    public static long IncDec(long a)
    {
        long x = a;
        long y = x++;
        long z = ++x;
        long w = x--;
        --x;
        return x ^ y ^ (z << 1) ^ (w << 2);
    }
}
