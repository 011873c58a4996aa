using System;
using System.Runtime.CompilerServices;
using KmodSharp;

namespace Differential;

/// <summary>Seven bytes of padding after Kind.</summary>
public struct Sample
{
    public byte Kind;
    public long Size;
}

/// <summary>Padding inside (after Tag, inside Inner) and at the end (after Tail).</summary>
public struct Envelope
{
    public short Tag;
    public Sample Inner;
    public int Tail;
}

/// <summary>Two padded elements in a row.</summary>
[InlineArray(2)]
public struct SamplePair
{
    private Sample element;
}

/// <summary>An array of padded structs inside a struct with a padded tail.</summary>
public struct Batch
{
    public SamplePair Items;
    public bool Done;
}

/// <summary>
/// Differential module: structs with padding copied out. .NET's padding bytes are zero; the
/// C goes through a zeroed buffer filled field by field, so the user bytes (padding included)
/// match .NET's on a poisoned kernel stack, wherever the struct came from: field stores, a
/// helper's return value, a <c>with</c> copy, nested structs, inline arrays of them, kernel
/// memory from malloc(9) without M_ZERO, and spans of them copied out whole.
/// </summary>
[KernelModule("paddedcopies")]
public static class PaddedCopies
{
    [Syscall]
    public static Errno FieldByField(UserPtr<Sample> destination, byte kind, long size)
    {
        Sample s = default;
        s.Kind = kind;
        s.Size = size;
        return Kernel.CopyOut(in s, destination);
    }

    private static Sample Made(byte kind, long size) => new Sample { Kind = kind, Size = size * 3 };

    [Syscall]
    public static Errno FromHelper(UserPtr<Sample> destination, byte kind, long size)
    {
        Sample made = Made(kind, size);
        Errno failed = Kernel.CopyOut(made, destination);
        return failed;
    }

    [Syscall]
    public static Errno CopiedWith(UserPtr<Sample> destination, long size)
    {
        Sample first = new Sample { Kind = 9 };
        Sample second = first with { Size = size };
        return Kernel.CopyOut(second, destination);
    }

    // gcc -O1 scalarises the with copy and stores only the fields of 'chosen' on one path: without
    // the zeroed buffer, its padding is whatever the stack held (the harness's poison).
    [Syscall]
    public static Errno Chosen(UserPtr<Sample> destination, long size, bool second)
    {
        Sample a = new Sample { Kind = 9 };
        Sample b = default;
        b.Size = size;
        Sample t = a with { Size = size };
        Sample chosen = second ? t : b;
        return Kernel.CopyOut(in chosen, destination);
    }

    // malloc(9) without M_ZERO: the harness fills the memory with its poison, so the element's padding
    // holds it (.NET zeroes every allocation); only the fields go out.
    [Syscall]
    public static Errno FromKernelMemory(UserPtr<Sample> destination, byte kind)
    {
        using KernelBuffer<Sample> heap = Kernel.Allocate<Sample>(2, MallocFlags.WaitOk);
        heap.Span[1].Kind = kind;
        heap.Span[1].Size = -kind;
        return Kernel.CopyOut(in heap.Span[1], destination);
    }

    [Syscall]
    public static Errno Nested(UserPtr<Envelope> destination, int tag)
    {
        var envelope = new Envelope { Tag = (short)tag, Inner = new Sample { Kind = (byte)tag, Size = -tag }, Tail = tag ^ 0x55 };
        return Kernel.CopyOut(in envelope, destination);
    }

    [Syscall]
    public static Errno Array(UserPtr<Batch> destination, byte kind)
    {
        Batch batch = default;
        batch.Items[0].Kind = kind;
        batch.Items[1].Size = kind * 1000L;
        batch.Done = kind > 100;
        return Kernel.CopyOut(in batch, destination);
    }

    // A span of padded structs in one copyout: every element's padding zero, the whole span or nothing.
    [Syscall]
    public static SyscallResult<int> Span(UserPtr<Sample> destination, int count)
    {
        if (count < 0 || count > 3)
        {
            return Errno.EINVAL;
        }

        Span<Sample> items = stackalloc Sample[3];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = new Sample { Kind = (byte)(count + i), Size = i - count };
        }

        Errno failed = Kernel.CopyOut(items.Slice(0, count), destination);
        return failed != Errno.None ? failed : count;
    }

    // From malloc(9) without M_ZERO, nested padding, a slice that starts past the first element.
    [Syscall]
    public static Errno SpanFromKernelMemory(UserPtr<Envelope> destination, int tag)
    {
        using KernelBuffer<Envelope> heap = Kernel.Allocate<Envelope>(3, MallocFlags.WaitOk);
        for (int i = 0; i < heap.Length; i++)
        {
            heap.Span[i].Tag = (short)(tag + i);
            heap.Span[i].Inner.Kind = (byte)i;
            heap.Span[i].Inner.Size = tag;
            heap.Span[i].Tail = -i;
        }

        ReadOnlySpan<Envelope> last = heap.Span.Slice(1);
        return Kernel.CopyOut(last, destination);
    }

    // Element by element: each copy out zeroes that element's padding.
    [Syscall]
    public static SyscallResult<int> Each(UserPtr<Sample> destination, int count)
    {
        if (count < 0 || count > 3)
        {
            return Errno.EINVAL;
        }

        Span<Sample> items = stackalloc Sample[3];
        for (int i = 0; i < count; i++)
        {
            items[i].Kind = (byte)(i + 1);
            Errno failed = Kernel.CopyOut(in items[i], destination.Add((nuint)i));
            if (failed != Errno.None)
            {
                return failed;
            }
        }

        return count;
    }
}
