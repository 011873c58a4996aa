using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed) (kernel stack leak): "return Errno.None;" from a SyscallResult&lt;int&gt; handler returns
/// 0 without storing *resultp, and the entry copies the uninitialised "value" local into
/// td_retval[0]: user space receives stale kernel stack (0xa5a5a5a5 under the harness's poison).
/// .NET returns the default value 0.
/// </summary>
[KernelModule("resultnone")]
public static class ResultNone
{
    [Syscall(Name = "result_none")] public static SyscallResult<int> Result(int a)
    {
        if (a == 0)
        {
            return Errno.None;
        }

        return a;
    }
}
