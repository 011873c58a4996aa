using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): returning a SyscallResult kept in a variable; lowering alone used to find it.</summary>
[KernelModule("refusedstoredresult")]
public static class StoredSyscallResult
{
    [Syscall]
    public static SyscallResult<int> Twice(int value)
    {
        SyscallResult<int> result = Half(value);
        return result;
    }

    private static SyscallResult<int> Half(int value) => value % 2 == 0 ? value / 2 : Errno.EINVAL;
}
