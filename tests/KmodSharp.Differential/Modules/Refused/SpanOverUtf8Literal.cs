using System;
using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a span over a UTF-8 literal (read-only data the backend has no array for); lowering alone used to find it.</summary>
[KernelModule("refusedu8span")]
public static class SpanOverUtf8Literal
{
    [Syscall]
    public static int First(int i)
    {
        ReadOnlySpan<byte> greeting = "hello"u8;
        return greeting.Length + i;
    }
}
