using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: helpers that return a span — a slice or range of a span parameter, a span
/// parameter itself, a constant table, a span returned by another such helper — used as a local,
/// indexed and sliced at the call, passed on, walked, and dropped. A helper that fails (a bound out of
/// range) fails its caller with EINVAL in both worlds, releasing the caller's buffer.
/// </summary>
[KernelModule("spanhelpers")]
public static class SpanHelpers
{
    private static ReadOnlySpan<short> Steps => [1, -2, 3, -5, 8, -13, 21];

    [Syscall]
    public static SyscallResult<int> Packet(int offset, int width) => FieldSum(offset % 12, width % 12);

    [Syscall]
    public static SyscallResult<long> Chain(int skip, int keep) => Chained(skip % 9, keep % 9);

    [Syscall]
    public static SyscallResult<int> Owned(int count, int skip) => FromBuffer(count & 15, skip % 18);

    private static int FieldSum(int offset, int width)
    {
        Span<byte> packet = stackalloc byte[10];
        for (int i = 0; i < packet.Length; i++)
        {
            packet[i] = (byte)((i * 37) + 5);
        }

        Span<byte> field = Field(packet, offset, width);
        field.Fill(0xff);
        Span<byte> again = Field(packet, width: 2, offset: 1);
        int total = again[0] + Field(packet, 0, 3)[^1];
        foreach (byte b in Trailer(packet))
        {
            total = (total * 7) + b;
        }

        return total + (field.Length << 16);
    }

    private static long Chained(int skip, int keep)
    {
        ReadOnlySpan<short> steps = Window(Steps, skip, keep);
        long product = 1;
        foreach (short s in steps)
        {
            product = (product * 3) + s;
        }

        Window(Steps, keep, skip);
        return product + Same(steps).Length;
    }

    private static int FromBuffer(int count, int skip)
    {
        using KernelBuffer<int> buffer = Kernel.Allocate<int>(count, MallocFlags.WaitOk | MallocFlags.Zero);
        Span<int> all = buffer.Span;
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = 100 - i;
        }

        Span<int> rest = After(buffer.Span, skip);
        return rest.IsEmpty ? -1 : rest[0] + rest[^1] + rest.Length;
    }

    // The helpers: each returns a slice of what it was given.
    private static Span<byte> Field(Span<byte> packet, int offset, int width) => packet.Slice(offset, width);

    private static Span<byte> Trailer(Span<byte> packet) => packet[^2..];

    private static Span<int> After(Span<int> values, int skip) => values[skip..];

    private static ReadOnlySpan<short> Window(ReadOnlySpan<short> values, int skip, int keep)
    {
        if (keep == 0)
        {
            return Steps[..1];
        }

        ReadOnlySpan<short> tail = values.Slice(skip);
        return tail[..keep];
    }

    private static ReadOnlySpan<short> Same(ReadOnlySpan<short> values) => values;
}
