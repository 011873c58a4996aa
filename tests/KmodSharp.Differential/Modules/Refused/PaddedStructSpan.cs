using System;
using KmodSharp;

namespace Refused;

public struct Entry { public byte Kind; public long Size; }

/// <summary>
/// Refused (KMS0204): a span of structs with padding copied out would send each element's padding as it
/// is in kernel memory; one element at a time (Kernel.CopyOut(in entries[i], list.Add((nuint)i))) translates.
/// </summary>
[KernelModule("refusedpaddedspan")]
public static class PaddedStructSpan
{
    [Syscall]
    public static Errno List(UserPtr<Entry> list)
    {
        Span<Entry> entries = stackalloc Entry[2];
        entries[1].Kind = 1;
        return Kernel.CopyOut(entries, list);
    }
}
