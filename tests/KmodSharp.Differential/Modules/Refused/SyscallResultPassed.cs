using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a SyscallResult local passed to a helper, which would need a C struct; pass its Value and Error.</summary>
[KernelModule("refusedresultpassed")]
public static class SyscallResultPassed
{
    [Syscall]
    public static int Use(int x)
    {
        SyscallResult<int> result = x;
        return Unwrap(result);
    }

    private static int Unwrap(SyscallResult<int> result) => result.Value;
}
