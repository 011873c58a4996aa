using KmodSharp;

namespace Examples;

/// <summary>Two results in one call, as pipe(2) returns two descriptors: td_retval[0] and td_retval[1].</summary>
[KernelModule("twovalues")]
public static class TwoValues
{
    /// <summary>Returns <paramref name="base"/> + 100 and <paramref name="base"/> + 200.</summary>
    [Syscall(Name = "two_values")]
    public static (long, long) Pair(long @base) => (@base + 100, @base + 200);
}
