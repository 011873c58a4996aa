using KmodSharp;

namespace KmodTemplate;

/// <summary>The kmodtemplate kernel module: one system call in a slot the kernel hands out at load time.</summary>
[KernelModule("kmodtemplate")]
public static class KmodTemplateModule
{
    /// <summary>Logs <paramref name="value"/> to the kernel message buffer and returns it doubled.</summary>
    /// <param name="value">Any integer; the result wraps as C# <c>int</c> arithmetic does.</param>
    [Syscall(Name = "kmodtemplate_double")]
    public static int Double(int value)
    {
        Kernel.Printf("kmodtemplate: value=%d\n", value);
        return value * 2;
    }
}
