using KmodSharp;

namespace Examples;

/// <summary>Two results in one call, as pipe(2) returns two descriptors: td_retval[0] and td_retval[1].</summary>
[KernelModule("twovalues")]
public static class TwoValues
{
    /// <summary>Computes two values from one argument, returned in both result registers.</summary>
    /// <param name="base">The number both results are offsets from.</param>
    /// <returns>base + 100 as the first result and base + 200 as the second.</returns>
    [Syscall(Name = "two_values")]
    public static (long, long) Pair(long @base) => (@base + 100, @base + 200);
}
