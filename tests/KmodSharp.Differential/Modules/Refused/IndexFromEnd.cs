using System;
using KmodSharp;

// KMS0900 at '^1' and at '1..^1': an Index or Range kept in a variable has no C twin; write it
// inside the brackets, s[^1] and s[1..^1] (those translate: Modules/IndicesFromEnd.cs).
[KernelModule("indexfromend")]
public static class IndexFromEndModule
{
    [Syscall]
    public static int Use(int x)
    {
        Span<int> s = stackalloc int[4];
        Index last = ^1;
        Range middle = 1..^1;
        return s[^2] + x;
    }
}
