using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): an in parameter given a computed value (an expression, a call's result, a
/// literal) took the address of an rvalue, which C rejects; it goes through a temporary.
/// </summary>
[KernelModule("addressof")]
public static class AddressOfValue
{
    private static int s_calls;

    private static int Twice(int v)
    {
        s_calls++;
        return v * 2;
    }

    private static int Read(in int value) => value + 1;

    private static int ReadBoth(in int a, ref readonly int b) => a * 100 + b;

    [Syscall]
    public static SyscallResult<int> CopyOutComputed(UserPtr<int> destination, int value)
    {
        Errno e = Kernel.CopyOut(value * 2, destination);
        return e != Errno.None ? e : value;
    }

    [Syscall]
    public static SyscallResult<int> CopyOutCallResult(UserPtr<int> destination, int value)
    {
        Errno e = Kernel.CopyOut(Twice(value & 0xfff), destination);
        return e != Errno.None ? e : s_calls & 0xff;
    }

    [Syscall]
    public static int InFromCall(int value) => Read(Twice(value & 0xfff)) + Read(7) + Read(value & 3);

    [Syscall]
    public static int RefReadonly(int value)
    {
        int b = value & 31;
        return ReadBoth(Twice(b), in b) + ReadBoth(in b, 5);
    }
}
