using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Differential module: malloc(9) through KernelBuffer — M_NOWAIT failure (fault injection fails a
/// different allocation site per batch), M_ZERO, and `using` releasing every buffer on every path:
/// early returns, guard failures (EINVAL, EDOM), break and continue. Both worlds check for leaks.
/// </summary>
[KernelModule("mallocmod")]
public static class Malloc
{
    [Syscall]
    public static SyscallResult<int> TwoBuffers(int n, int seed)
    {
        if (n < 1 || n > 64)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<int> first = Kernel.Allocate<int>(n, MallocFlags.NoWait | MallocFlags.Zero);
        if (first.IsNull)
        {
            return Errno.ENOMEM;
        }

        using KernelBuffer<long> second = Kernel.Allocate<long>(n, MallocFlags.NoWait);
        if (second.IsNull)
        {
            return Errno.ENOMEM;
        }

        Span<int> a = first.Span;
        Span<long> b = second.Span;
        for (int i = 0; i < n; i++)
        {
            a[i] = seed ^ i;
            b[i] = (long)a[i] * seed;
        }

        if ((seed & 3) == 0)
        {
            return Errno.EAGAIN;
        }

        long total = 0;
        foreach (long v in b)
        {
            total += v;
        }

        return (int)total ^ b.Length ^ first.Length;
    }

    [Syscall]
    public static SyscallResult<int> Rounds(int rounds, int size)
    {
        if (rounds < 0 || rounds > 8 || size < 0 || size > 32)
        {
            return Errno.EINVAL;
        }

        int acc = 0;
        for (int r = 0; r < rounds; r++)
        {
            using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(size, MallocFlags.NoWait | MallocFlags.Zero);
            if (buffer.IsNull)
            {
                return Errno.ENOMEM;
            }

            if (r == 5)
            {
                break;
            }

            if ((r & 1) == 1)
            {
                continue;
            }

            buffer.Span.Fill((byte)(r + 1));
            foreach (byte x in buffer.Span)
            {
                acc += x;
            }
        }

        return acc;
    }

    [Syscall]
    public static SyscallResult<int> Guarded(int index, int divisor)
    {
        using KernelBuffer<short> buffer = Kernel.Allocate<short>(8, MallocFlags.WaitOk | MallocFlags.Zero);
        return At(buffer.Span, index, divisor);
    }

    [Syscall]
    public static SyscallResult<int> Sized(int count)
    {
        if (count > 4096)
        {
            return Errno.EINVAL;
        }

        // A negative count is EOVERFLOW (OverflowException in .NET) before anything is allocated: under
        // test here, so KMS0205 (which wants the lower end bounded too) is off for this line.
#pragma warning disable KMS0205
        using KernelBuffer<int> buffer = Kernel.Allocate<int>(count, MallocFlags.NoWait | MallocFlags.Zero);
#pragma warning restore KMS0205
        if (buffer.IsNull)
        {
            return Errno.ENOMEM;
        }

        return buffer.Length;
    }

    // A failed M_NOWAIT allocation is an empty buffer: Length 0, an empty Span, and free(NULL) is harmless.
    [Syscall]
    public static int EmptyOnFailure(int n)
    {
        if (n < 0 || n > 16)
        {
            return -1;
        }

        using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(n, MallocFlags.NoWait | MallocFlags.Zero);
        int sum = buffer.Length * 100;
        foreach (byte b in buffer.Span)
        {
            sum += b + 1;
        }

        return buffer.IsNull ? -sum - 2 : sum;
    }

    // A bounds check and a division inside the caller's using scope: the caller's buffer is freed on EINVAL/EDOM.
    private static int At(Span<short> values, int index, int divisor)
    {
        values[index] = (short)(index * 7);
        return values[index] / divisor;
    }
}
