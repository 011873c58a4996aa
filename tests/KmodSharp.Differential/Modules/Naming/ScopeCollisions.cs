using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Naming policy, one scope: parameters max, max_ and max__1 (max becomes max_); a span parameter x
/// beside a parameter x_len (the span's length); locals and parameters named like the module's
/// own functions and statics (shadow_twice, shadow_count), which would hide them; struct fields
/// max and max_.
/// </summary>
[KernelModule("shadow")]
public static class ScopeCollisions
{
    private static int s_count = 5;

    public struct Pair
    {
        public int max;
        public int max_;
    }

    private static int Twice(int value) => value * 2;

    private static int Sum(Span<int> x, int x_len)
    {
        int total = x_len;
        for (int i = 0; i < x.Length; i++)
        {
            total += x[i];
        }

        return total;
    }

    [Syscall]
    public static int Compute(int max, int max_, int max__1)
    {
        int shadow_twice = Twice(max);
        int shadow_count = s_count + max_;
        s_count = shadow_count - max_ + 1;
        var pair = new Pair { max = shadow_twice, max_ = max__1 };
        Span<int> values = stackalloc int[] { pair.max, pair.max_, shadow_count };
        return Sum(values, 1000) + Twice(shadow_twice);
    }

    [Syscall]
    public static int Shadowed(int shadow_twice, int shadow_sum) => Twice(shadow_twice) - shadow_sum + s_count;
}
