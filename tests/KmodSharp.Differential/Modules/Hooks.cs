using KmodSharp;

namespace Differential;

/// <summary>Differential module: load/unload hooks that log and set up module state used by the syscalls.</summary>
[KernelModule("hooks")]
public static class Hooks
{
    private static int counter;
    private static long sum;

    [ModuleLoad]
    private static Errno OnLoad()
    {
        counter = 100;
        Kernel.Printf("hooks: loaded, counter=%d\n", counter);
        return Errno.None;
    }

    [ModuleUnload]
    private static Errno OnUnload()
    {
        Kernel.Printf("hooks: unloading, counter=%d sum=%ld\n", counter, sum);
        return Errno.None;
    }

    [Syscall]
    public static int Next(int step)
    {
        counter += step;
        sum += counter;
        if ((counter & 255) == 0)
        {
            Kernel.Printf("hooks: counter %d\n", counter);
        }

        return counter;
    }
}
