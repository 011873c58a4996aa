using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): the arguments of a runtime call (printf, suword, copyout) went to the
/// kernel call in parameter order and left their evaluation order to the C compiler; C# evaluates
/// them as written, named ones included.
/// </summary>
[KernelModule("intrinsicargs")]
public static class IntrinsicArguments
{
    private static int s_state;

    private static int Next()
    {
        s_state = s_state * 3 + 1;
        return s_state;
    }

    private static UserPtr<int> Choose(UserPtr<int> first, UserPtr<int> second)
    {
        if ((s_state & 1) == 0)
        {
            return first;
        }

        return second;
    }

    [Syscall]
    public static int PrintTwoCalls(int seed)
    {
        s_state = seed & 15;
        Kernel.Printf("order %d %d\n", Next(), Next());
        return s_state;
    }

    [Syscall]
    public static int PrintStateThenCall(int seed)
    {
        s_state = seed & 15;
        Kernel.Printf("order %d %d\n", s_state, Next());
        return s_state;
    }

    [Syscall]
    public static SyscallResult<int> StoreNamedOutOfOrder(UserPtr<int> first, UserPtr<int> second, int seed)
    {
        s_state = seed & 7;
        int error = Kernel.StoreWord32(value: Next(), address: Choose(first, second));
        return error != 0 ? Errno.EFAULT : s_state;
    }
}
