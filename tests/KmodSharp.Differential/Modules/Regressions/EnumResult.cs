using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): SyscallResult of an enum was refused by the declaration rules (KMS0408) and
/// accepted by the module binder; the backend translates it (the value in td_retval[0], as a plain
/// enum return), so both now accept it. Negative, wide and error results travel as they do for an int.
/// </summary>
[KernelModule("enumresult")]
public static class EnumResultModule
{
    public enum Level : long { Low = -3, Mid = 7, High = 5000000000 }

    public enum Small : byte { Zero, One, Max = 255 }

    [Syscall]
    public static SyscallResult<Level> Classify(int x) => x switch
    {
        < 0 => Level.Low,
        0 => Errno.EINVAL,
        < 100 => Level.Mid,
        _ => (Level)((long)x * 3),
    };

    [Syscall]
    public static SyscallResult<Small> Narrow(int x) => x < 0 ? Errno.ERANGE : (Small)(x & 0xff);
}
