using System;
using KmodSharp;

// The out-of-range slice bounds are the point of this module (both worlds must fail the same way), so the
// user-controlled-size rule is off for it: KMS0205 follows syscall arguments into helpers and wants both ends bounded.
#pragma warning disable KMS0205

namespace Differential;

/// <summary>
/// Differential module: spans over stackalloc — indexing, Slice (one and two bounds), Fill, Clear,
/// CopyTo (overlapping too), foreach, Length/IsEmpty, span parameters; every out-of-range index or
/// bound is EINVAL in both worlds. Bounds come through helpers, unchecked on purpose (KMS0205 is off above).
/// </summary>
[KernelModule("spans")]
public static class Spans
{
    [Syscall]
    public static SyscallResult<int> SliceSum(int start, int length) => SumOfSlice(start, length);

    [Syscall]
    public static SyscallResult<int> Tail(int start) => TailOf(start);

    [Syscall]
    public static SyscallResult<int> FillCopy(int fill, int from, int count) => FillAndCopy(fill, from, count);

    [Syscall]
    public static SyscallResult<int> Element(int index, int value) => WriteElement(index, value);

    [Syscall]
    public static SyscallResult<long> Shift(int by, int count) => Overlap(by, count);

    [Syscall]
    public static int Clear(int fill, bool clear)
    {
        Span<short> values = stackalloc short[5];
        values.Fill((short)fill);
        if (clear)
        {
            values.Clear();
        }

        int sum = values.IsEmpty ? -1 : 0;
        foreach (short v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static int SumOfSlice(int start, int length)
    {
        Span<int> values = stackalloc int[16];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i * i) - 7;
        }

        return Sum(values.Slice(start, length)) + values.Slice(start, length).Length;
    }

    private static int TailOf(int start)
    {
        Span<byte> bytes = stackalloc byte[12];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(200 + i);
        }

        Span<byte> tail = bytes.Slice(start);
        return tail.IsEmpty ? -1 : tail[0] + (tail.Length * 1000);
    }

    private static int FillAndCopy(int fill, int from, int count)
    {
        Span<byte> source = stackalloc byte[32];
        source.Fill((byte)fill);
        source[3] = 7;
        Span<byte> destination = stackalloc byte[8];
        source.Slice(from, count).CopyTo(destination);
        return destination[0] + (destination[1] << 8) + (destination[7] << 16);
    }

    private static int WriteElement(int index, int value)
    {
        Span<long> values = stackalloc long[10];
        values[index] = value;
        values[index] += 3;
        values[index] <<= 2;
        values[9 - (index % 10)] ^= 1;
        return (int)(values[index] + values[9]);
    }

    // CopyTo allows overlap (memmove), in both directions.
    private static long Overlap(int by, int count)
    {
        Span<int> values = stackalloc int[12];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i + 1;
        }

        values.Slice(0, count).CopyTo(values.Slice(by));
        values.Slice(by, count).CopyTo(values);
        long result = 0;
        foreach (int v in values)
        {
            result = (result * 13) + v;
        }

        return result;
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        int total = 0;
        foreach (int v in values)
        {
            total += v;
        }

        return total;
    }
}
