using System;
using KmodSharp;

// KMS0900 at '^1' and at 's[^2]': a span is indexed with an integer, s[s.Length - 1].
[KernelModule("indexfromend")]
public static class IndexFromEndModule
{
    [Syscall]
    public static int Use(int x)
    {
        Span<int> s = stackalloc int[4];
        Index last = ^1;
        return s[^2] + x;
    }
}
