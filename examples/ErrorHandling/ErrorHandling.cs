using KmodSharp;

namespace Examples;

/// <summary>
/// How a syscall fails: an errno instead of a value. EINVAL for a bad argument, EPERM from
/// priv_check(9) (PRIV_MODULE0, the range reserved for third-party modules — there is no
/// PRIV_ROOT), ENOMEM when an M_NOWAIT allocation fails, EDOM for a division by zero.
/// </summary>
[KernelModule("errors")]
public static class ErrorHandling
{
    /// <summary>Returns 100 / <paramref name="divisor"/>; EINVAL for a negative divisor, EDOM (from the division) for 0.</summary>
    [Syscall(Name = "errors_divide")]
    public static SyscallResult<int> Divide(int divisor)
    {
        if (divisor < 0)
        {
            return Errno.EINVAL;
        }

        return 100 / divisor;
    }

    /// <summary>Succeeds only for a privileged caller.</summary>
    [Syscall(Name = "errors_privileged")]
    public static Errno Privileged()
    {
        return Kernel.PrivCheck(Privilege.Module0);
    }

    /// <summary>Allocates <paramref name="count"/> bytes without sleeping; ENOMEM when that fails.</summary>
    [Syscall(Name = "errors_allocate")]
    public static SyscallResult<int> Allocate(int count)
    {
        if (count <= 0 || count > 4096)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<byte> buffer = Kernel.Allocate<byte>(count, MallocFlags.NoWait | MallocFlags.Zero);
        if (buffer.IsNull)
        {
            return Errno.ENOMEM;
        }

        buffer.Span.Fill(7);
        int sum = 0;
        foreach (byte b in buffer.Span)
        {
            sum += b;
        }

        return sum;
    }
}
