using KmodSharp;

namespace Differential;

/// <summary>Naming policy: a module named like a kernel malloc type or flag (M_DEVBUF; the tests also name it nowait and zero) that allocates.</summary>
[KernelModule("devbuf")]
public static class KernelNamedMallocType
{
    [Syscall]
    public static SyscallResult<int> Fill(int n)
    {
        if (n < 1 || n > 32)
        {
            return Errno.EINVAL;
        }

        using KernelBuffer<int> buffer = Kernel.Allocate<int>(n, MallocFlags.NoWait | MallocFlags.Zero);
        if (buffer.IsNull)
        {
            return Errno.ENOMEM;
        }

        int sum = 0;
        for (int i = 0; i < n; i++)
        {
            buffer.Span[i] = i * n;
            sum += buffer.Span[i];
        }

        return sum;
    }
}
