using KmodSharp;

// KMS0900 at '5': a SyscallResult is made only where it is returned.
[KernelModule("resultawayfromreturn")]
public static class SyscallResultMadeAwayFromReturn
{
    [Syscall]
    public static SyscallResult<int> Use(int x)
    {
        SyscallResult<int> r = 5;
        if (x > 0)
        {
            return x;
        }

        return r;
    }
}
