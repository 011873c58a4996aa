using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): named arguments were passed in the order written, not by parameter, and
/// default arguments were lost; the arguments still run in the order written.
/// </summary>
[KernelModule("namedargs")]
public static class NamedArguments
{
    private static int s_trace;

    private static int Encode(int major, int minor = 9, int patch = 4) => major * 10000 + minor * 100 + patch;

    private static int Trace(int digit)
    {
        s_trace = s_trace * 10 + digit;
        return digit;
    }

    [Syscall]
    public static int Swapped(int a, int b) => Encode(minor: a & 63, major: b & 63);

    [Syscall]
    public static int Defaults(int a) => Encode(a & 63) + Encode(patch: 1, major: a & 7) * 3;

    [Syscall]
    public static int NamedInWrittenOrder(int a)
    {
        s_trace = a & 7;
        int r = Encode(patch: Trace(3), minor: Trace(2), major: Trace(1));
        return r + s_trace * 1000000;
    }

    [Syscall]
    public static int LocalFunction(int a)
    {
        return Scale(by: 3, value: a & 255) + Scale(a & 15);

        static int Scale(int value, int by = 2, int offset = 1) => value * by + offset;
    }

    [Syscall]
    public static SyscallResult<int> SliceByName(int a)
    {
        System.Span<int> values = stackalloc int[8];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i * 10 + (a & 3);
        }

        System.Span<int> part = values.Slice(length: 2, start: 1);
        System.Span<int> tail = values.Slice(length: 3, start: 4);
        s_trace = 0;
        System.Span<int> traced = values.Slice(length: Trace(2), start: Trace(5));
        return part[0] * 1000 + part[1] + part.Length * 1000000 + tail[2] * 100000 + tail.Length * 10000000 + traced[1] * 3 + s_trace * 7;
    }

    [Syscall]
    public static SyscallResult<int> CopyOutByName(UserPtr<int> destination, int v)
    {
        int value = v & 0xffff;
        Errno e = Kernel.CopyOut(destination: destination, value: value);
        return e != Errno.None ? e : value;
    }

    [Syscall]
    public static SyscallResult<int> AllocateByName(int n)
    {
        if (n < 1 || n > 64)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<int> buffer = Kernel.Allocate<int>(flags: MallocFlags.NoWait | MallocFlags.Zero, count: n);
        if (buffer.IsNull)
        {
            return Errno.ENOMEM;
        }

        System.Span<int> values = buffer.Span;
        values[n - 1] = n;
        return values.Length * 1000 + values[0] + values[n - 1];
    }
}
