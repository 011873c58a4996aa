using KmodSharp;

namespace Differential;

public enum Shape
{
    Square,
    Cube,
    Negated,
}

/// <summary>ProvedChecks continued (a module has ten dynamic slots): ranges from earlier checks, and switches.</summary>
[KernelModule("provedflow")]
public static class ProvedChecksFlow
{
    [Syscall(Name = "provedflow_alloc")]
    public static SyscallResult<int> Allocate(int length)
    {
        if (length <= 0 || length > 256)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(length, MallocFlags.WaitOk | MallocFlags.Zero);
        buffer.Span.Fill(3);
        return buffer.Span[length - 1] + length;
    }

    // The twin: the range checked lets a few negative lengths through.
    [Syscall(Name = "provedflow_alloc_any")]
    public static SyscallResult<int> AllocateAny(int length)
    {
        if (length < -5 || length > 256)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(length, MallocFlags.WaitOk | MallocFlags.Zero);
        return buffer.Span.Length;
    }

    [Syscall(Name = "provedflow_divide")]
    public static SyscallResult<int> Divide(int dividend, int divisor)
    {
        int quotient = dividend / divisor;
        int remainder = dividend % divisor;
        return quotient * 10 + remainder;
    }

    // The twin: the divisor changes between the two divisions, so it can be zero at the second.
    [Syscall(Name = "provedflow_divide_shifted")]
    public static SyscallResult<int> DivideShifted(int dividend, int divisor)
    {
        int quotient = dividend / divisor;
        divisor -= 1;
        int remainder = dividend % divisor;
        return quotient * 10 + remainder;
    }

    [Syscall(Name = "provedflow_shape")]
    public static SyscallResult<int> Apply(Shape shape, int value)
    {
        switch (shape)
        {
            case Shape.Square:
                return value * value;
            case Shape.Cube:
                return value * value * value;
            case Shape.Negated:
                return -value;
            default:
                return Errno.EINVAL;
        }
    }

    // The twin: one case leaves the switch, so the return after it runs.
    [Syscall(Name = "provedflow_shape_or")]
    public static SyscallResult<int> ApplyOr(Shape shape, int value)
    {
        switch (shape)
        {
            case Shape.Square:
                return value * value;
            case Shape.Cube:
                break;
            default:
                return Errno.EINVAL;
        }

        return value;
    }
}
