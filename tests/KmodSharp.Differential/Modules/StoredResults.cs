using KmodSharp;

namespace Differential;

/// <summary>A state an enum-valued result carries.</summary>
public enum Phase : byte { Idle = 1, Busy = 7, Done = 200 }

/// <summary>
/// Differential module: SyscallResult&lt;T&gt; kept in locals and composed from helpers — IsError, Error,
/// Value (default(T), so 0, for an error result, as .NET gives), reassigned, copied, returned, read off a
/// call directly, from helpers that can themselves fail where .NET throws (their errno passes through).
/// </summary>
[KernelModule("storedresults")]
public static class StoredResults
{
    [Syscall]
    public static SyscallResult<int> HalfThenDouble(int value)
    {
        SyscallResult<int> half = Half(value);
        if (half.IsError)
        {
            return half.Error;
        }

        return half.Value * 2;
    }

    // An error result's Value is 0 (default), its Error the errno; a value's Error is None.
    [Syscall]
    public static long Inspect(int value)
    {
        SyscallResult<int> half = Half(value);
        return half.Value * 1000L + (long)half.Error + (half.IsError ? 500_000L : 0L);
    }

    [Syscall]
    public static SyscallResult<int> Forwarded(int value)
    {
        SyscallResult<int> first = Half(value);
        SyscallResult<int> copy = first;
        first = Errno.EPERM;
        return copy;
    }

    // The first error wins, as helpers propagate it.
    [Syscall]
    public static SyscallResult<long> Chain(int a, int b)
    {
        SyscallResult<long> total = default;
        SyscallResult<int> step = Half(a);
        if (!step.IsError)
        {
            step = Divide(step.Value, b);
        }

        if (step.IsError)
        {
            total = step.Error;
        }
        else
        {
            total = step.Value + 1L;
        }

        return total;
    }

    // Divide fails (EDOM) where .NET throws DivideByZeroException: that is no SyscallResult error, it ends the syscall.
    [Syscall]
    public static int ThrowingHelper(int a, int b)
    {
        SyscallResult<int> quotient = Divide(a, b);
        return quotient.IsError ? -(int)quotient.Error : quotient.Value;
    }

    [Syscall]
    public static SyscallResult<int> ReadOffTheCall(int a) => Half(a).IsError ? Half(a + 1).Value : Half(a).Value + (int)Half(a).Error;

    [Syscall]
    public static SyscallResult<int> Loop(int count)
    {
        SyscallResult<int> last = 0;
        for (int i = 0; i < (count & 31); i++)
        {
            last = Half(i + count);
            if (last.IsError && i > 3)
            {
                return last;
            }
        }

        return last;
    }

    [Syscall]
    public static int EnumAndBool(int value)
    {
        SyscallResult<Phase> phase = PhaseOf(value);
        SyscallResult<bool> even = IsEven(value);
        int score = phase.IsError ? (int)phase.Error : (int)phase.Value;
        return score * 10 + (even.Value ? 1 : 0) + (even.IsError ? 100_000 : 0);
    }

    [Syscall]
    public static SyscallResult<int> NoneIsSuccess(int value)
    {
        SyscallResult<int> result = Errno.None;
        if (value > 100)
        {
            result = value;
        }

        return result;
    }

    private static SyscallResult<int> Half(int value) => value % 2 == 0 ? value / 2 : Errno.EINVAL;

    private static SyscallResult<int> Divide(int a, int b)
    {
        if (a < 0)
        {
            return Errno.ERANGE;
        }

        int quotient = a / b;
        SyscallResult<int> result = quotient;
        return result;
    }

    private static SyscallResult<Phase> PhaseOf(int value) => (value & 3) switch
    {
        0 => Phase.Idle,
        1 => Phase.Busy,
        2 => Phase.Done,
        _ => Errno.ENOENT,
    };

    private static SyscallResult<bool> IsEven(int value) => value < 0 ? Errno.EDOM : value % 2 == 0;
}
