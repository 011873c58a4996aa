using System;
using System.Runtime.CompilerServices;
using KmodSharp;

// The out-of-range slice bounds are the point of this module (both worlds must fail the same way), so the
// user-controlled-size rule is off for it: KMS0205 follows syscall arguments into helpers and wants both ends bounded.
#pragma warning disable KMS0205

namespace Differential;

/// <summary>Eight ints in a row.</summary>
[InlineArray(8)]
public struct Ints8
{
    private int element0;
}

/// <summary>Four bytes in a row.</summary>
[InlineArray(4)]
public struct Bytes4
{
    private byte element0;
}

/// <summary>A record with inline-array fields, as an ABI struct would carry them.</summary>
public struct Sample
{
    public int Count;
    public Ints8 Values;
    public Bytes4 Tag;
}

/// <summary>Differential module: [InlineArray] fields and locals — index, write, compound assignment, spans over them, foreach, copyout.</summary>
[KernelModule("inlinearrays")]
public static class InlineArrays
{
    [Syscall]
    public static int ReadWrite(int i, int v)
    {
        var s = new Sample { Count = 1 };
        s.Values[3] = v;
        s.Values[i] = v * 2;
        s.Values[i] += 5;
        s.Values[i] <<= 1;
        return s.Values[3] + s.Values[7] + s.Count;
    }

    [Syscall]
    public static int Local(int i, byte b)
    {
        Bytes4 tag = default;
        tag[0] = b;
        tag[i & 3] ^= 0x5a;
        tag[i] = (byte)(tag[i] + 1);
        return tag[0] | (tag[1] << 8) | (tag[2] << 16) | (tag[3] << 24);
    }

    // Out-of-range bounds are the point here: they must give EINVAL in both worlds (KMS0205 is off above).
    [Syscall]
    public static SyscallResult<int> AsSpan(int start, int length, int fill) => FillPart(start, length, fill);

    [Syscall]
    public static SyscallResult<int> CopyBetween(int n, int seed) => CopyPart(n, seed);

    private static int FillPart(int start, int length, int fill)
    {
        var s = new Sample();
        Span<int> all = s.Values;
        all.Slice(start, length).Fill(fill);
        int sum = 0;
        foreach (int value in (ReadOnlySpan<int>)s.Values)
        {
            sum = sum * 3 + value;
        }

        return sum + all.Length;
    }

    private static int CopyPart(int n, int seed)
    {
        Ints8 a = default;
        for (int k = 0; k < 8; k++)
        {
            a[k] = seed + k;
        }

        Ints8 b = default;
        ((ReadOnlySpan<int>)a).Slice(0, n).CopyTo(b);
        return b[0] + b[n - 1] + Sum(a);
    }

    [Syscall]
    public static SyscallResult<int> CopyOut(UserPtr<Sample> destination, int v)
    {
        var s = new Sample { Count = v };
        for (int k = 0; k < 8; k++)
        {
            s.Values[k] = v + k;
        }

        s.Tag[2] = (byte)v;
        Errno e = Kernel.CopyOut(in s, destination);
        if (e != Errno.None)
        {
            return e;
        }

        return s.Values[7];
    }

    private static int Sum(in Ints8 values)
    {
        int total = 0;
        foreach (int value in values)
        {
            total += value;
        }

        return total;
    }
}
