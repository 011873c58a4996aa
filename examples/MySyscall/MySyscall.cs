using KmodSharp;

namespace Examples;

/// <summary>
/// The smallest useful module: one syscall in a dynamically allocated slot that logs its
/// argument and returns it doubled.
/// </summary>
[KernelModule("mysyscall")]
public static class MySyscall
{
    /// <summary>Logs <paramref name="value"/> to the kernel message buffer and doubles it.</summary>
    /// <param name="value">The number to double.</param>
    /// <returns>Twice the value, wrapping like C# on overflow.</returns>
    [Syscall(Name = "mysyscall")]
    public static int Double(int value)
    {
        Kernel.Printf("mysyscall called with value=%d\n", value);
        return value * 2;
    }
}
