using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (generator seed 1562, fixed): a local or parameter spelled in capitals (<c>NULL</c>,
/// <c>MAX</c>) is renamed <c>NULL_</c> in C, and the lowering took that spelling for a constant
/// macro: an <c>in</c> argument aliasing a <c>ref</c> one was copied to a temporary, so the
/// callee read the value from before its own write through the <c>ref</c>.
/// </summary>
[KernelModule("capslocals")]
public static class CapitalisedLocals
{
    private static long Drain(ref long target, out long before, in long seen)
    {
        before = target;
        target -= target;
        return seen;
    }

    private static long Bump(ref int counter, in int observed)
    {
        counter += 5;
        return observed;
    }

    [Syscall]
    public static long AliasedParameter(long NULL, int unused)
    {
        long drained = Drain(ref NULL, out long before, in NULL);
        return drained * 1000 + before + unused;
    }

    [Syscall]
    public static long AliasedLocal(int value)
    {
        int MAX = value;
        long seen = Bump(counter: ref MAX, observed: in MAX);
        return seen * 7 + MAX;
    }
}
