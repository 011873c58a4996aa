using System.Runtime.CompilerServices;
using KmodSharp;

namespace Refused;

[InlineArray(4)]
public struct Four { private int element0; }

/// <summary>Refused (KMS0900): an inline array indexed from the end ('^1'); lowering alone used to find it.</summary>
[KernelModule("refusedfromend")]
public static class InlineArrayFromEnd
{
    [Syscall]
    public static int Last(int x)
    {
        var four = new Four();
        four[0] = x;
        return four[^1];
    }
}
