using KmodSharp;

// KMS0411 at 'Spread': a two-value syscall's userland call passes six arguments in registers and
// has no stack frame for a seventh.
[KernelModule("sevenpair")]
public static class TwoValuesWithSevenArguments
{
    [Syscall]
    public static (long, long) Spread(long a, long b, long c, long d, long e, long f, long g) => (a + b + c, d + e + f + g);
}
