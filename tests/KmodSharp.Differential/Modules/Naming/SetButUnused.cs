using KmodSharp;

namespace Differential;

/// <summary>Harness flags: a local that is set but never read compiles, as under kern.mk (a warning, not an error).</summary>
[KernelModule("setunused")]
public static class SetButUnused
{
    [Syscall]
    public static int Twice(int a)
    {
        int scratch;
        scratch = a * 3;
        return a * 2;
    }
}
