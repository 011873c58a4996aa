using System;
using KmodSharp;

namespace Refused;

/// <summary>
/// Refused (KMS0900): a collection expression that is no constant table — a writable span, and a
/// read-only one with a computed element (a table is a ReadOnlySpan of constants: Modules/ConstantTables.cs;
/// computed elements go in a stackalloc T[] { … }).
/// </summary>
[KernelModule("refusedtable")]
public static class ComputedTable
{
    [Syscall]
    public static int First(int i)
    {
        Span<byte> writable = [1, 2, 3];
        ReadOnlySpan<int> computed = [i, 2];
        return writable[0] + computed[1];
    }
}
