using KmodSharp;

namespace Examples;

/// <summary>
/// The smallest useful module: one syscall in a dynamically allocated slot that logs its
/// argument and returns it doubled.
/// </summary>
[KernelModule("mysyscall")]
public static class MySyscall
{
    /// <summary>Returns <paramref name="value"/> times two (wrapping like C# on overflow).</summary>
    [Syscall(Name = "mysyscall")]
    public static int Double(int value)
    {
        Kernel.Printf("mysyscall called with value=%d\n", value);
        return value * 2;
    }
}
