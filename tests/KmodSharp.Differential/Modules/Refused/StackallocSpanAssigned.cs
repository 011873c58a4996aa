using System;
using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a span declared over a stackalloc is that array and cannot be assigned; lowering alone used to find it.</summary>
[KernelModule("refusedspanassign")]
public static class StackallocSpanAssigned
{
    [Syscall]
    public static int Get(int v)
    {
        Span<int> s = stackalloc int[4];
        Span<int> t = stackalloc int[2];
        s = t;
        return s.Length + v;
    }
}
