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
    /// <summary>Divides 100 by <paramref name="divisor"/>.</summary>
    /// <param name="divisor">The divisor; negative values are refused.</param>
    /// <returns>100 / divisor.</returns>
    /// <remarks>EINVAL for a negative divisor; EDOM, from the division guard, for 0.</remarks>
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

    /// <summary>Allocates <paramref name="count"/> bytes without sleeping and fills them with 7.</summary>
    /// <param name="count">How many bytes, 1 to 4096.</param>
    /// <returns>The sum of the bytes, 7 * count.</returns>
    /// <remarks>An M_NOWAIT allocation can fail under memory pressure: the call then returns ENOMEM.</remarks>
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
