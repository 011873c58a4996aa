using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

/// <summary>Six longs in a row, cut from the end.</summary>
[InlineArray(6)]
public struct Longs6
{
    private long element0;
}

/// <summary>A record with an inline-array field, read from its end.</summary>
public struct Window
{
    public short Head;
    public Longs6 Cells;
}

/// <summary>
/// Differential module: indices from the end and ranges — <c>s[^k]</c> read, written and compound-assigned,
/// <c>s[a..b]</c>, <c>s[..^b]</c>, <c>s[a..]</c>, <c>s[^a..^b]</c>, a range of a range, on <c>Span</c>,
/// <c>ReadOnlySpan</c>, a <c>KernelBuffer</c>'s span and <c>[InlineArray]</c> values; every bound out of
/// range (negative, <c>^0</c> as an element, past the end, start after end) is EINVAL in both worlds.
/// Bounds come through helpers, folded into a small range so both in- and out-of-range cases are common.
/// </summary>
[KernelModule("fromend")]
public static class IndicesFromEnd
{
    [Syscall]
    public static SyscallResult<int> Last(int k, int value) => WriteFromEnd(k % 12, value);

    [Syscall]
    public static SyscallResult<long> Cut(int from, int to) => SumBetween(from % 14, to % 14);

    [Syscall]
    public static SyscallResult<int> Buffer(int count, int drop) => BufferTail(count & 31, drop % 9);

    [Syscall]
    public static SyscallResult<long> InArray(int back, int skip) => InlineFromEnd(back % 8, skip % 8);

    [Syscall]
    public static SyscallResult<int> Nested(int a, int b) => RangeOfRange(a % 6, b % 6);

    private static int WriteFromEnd(int k, int value)
    {
        Span<int> cells = stackalloc int[10];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = (i * 7) + 1;
        }

        cells[^1] = value;
        cells[^k] += 3;
        cells[^(k + 1)] <<= 1;
        ReadOnlySpan<int> view = cells;
        return view[^k] ^ view[^10] ^ (cells[^2] * 31);
    }

    private static long SumBetween(int from, int to)
    {
        Span<byte> bytes = stackalloc byte[12];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(250 - (i * 9));
        }

        long total = Sum(bytes[from..to]) * 3;
        total += Sum(bytes[..^to]);
        total = (total * 5) + Sum(bytes[from..]);
        total = (total * 7) + Sum(bytes[^to..^from]);
        total += Sum(bytes[(int)(from + 0x100000000L)..(sbyte)to]);
        Span<byte> middle = bytes[1..^1];
        middle[^from..].Fill(9);
        return (total * 11) + Sum(bytes) + middle.Length;
    }

    private static int BufferTail(int count, int drop)
    {
        using KernelBuffer<short> buffer = Kernel.Allocate<short>(count, MallocFlags.WaitOk | MallocFlags.Zero);
        Span<short> all = buffer.Span;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = (short)(i - 5);
        }

        int result = 0;
        foreach (short s in buffer.Span[drop..^drop])
        {
            result = (result * 3) + s;
        }

        return result + buffer.Span[^(drop + 1)];
    }

    private static long InlineFromEnd(int back, int skip)
    {
        var window = new Window { Head = 2 };
        for (int i = 0; i < 6; i++)
        {
            window.Cells[i] = (i + 1) * 1000L;
        }

        window.Cells[^back] = -1;
        window.Cells[^1] += window.Head;
        Span<long> rest = window.Cells[skip..];
        long sum = rest.Length;
        foreach (long v in window.Cells[..^skip])
        {
            sum = (sum * 3) + v;
        }

        return sum + rest[^1];
    }

    private static int RangeOfRange(int a, int b)
    {
        Span<int> values = stackalloc int[] { 4, 8, 15, 16, 23, 42, 7, 9 };
        Span<int> inner = values[a..][..^b];
        return inner.IsEmpty ? -1 : inner[0] + (inner[^1] * 100) + (inner.Length * 10000);
    }

    private static long Sum(ReadOnlySpan<byte> values)
    {
        long total = 0;
        foreach (byte v in values)
        {
            total = (total * 3) + v;
        }

        return total;
    }
}
