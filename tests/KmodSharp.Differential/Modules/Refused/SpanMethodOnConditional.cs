using System;
using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a span method on a span that is no span source (a conditional); lowering alone used to find it.</summary>
[KernelModule("refusedspanconditional")]
public static class SpanMethodOnConditional
{
    [Syscall]
    public static int Clear(int value)
    {
        Span<byte> a = stackalloc byte[8];
        Span<byte> b = stackalloc byte[8];
        (value > 0 ? a : b).Clear();
        return a[0] + b[0];
    }
}
