using System.Runtime.CompilerServices;
using KmodSharp;

namespace Refused;

[InlineArray(4)]
public struct Quad { private int element0; }

/// <summary>Refused (KMS0900): foreach over an inline array a call returns (not a variable); lowering alone used to find it.</summary>
[KernelModule("refusedforeachcall")]
public static class ForeachOverReturnedInlineArray
{
    [Syscall]
    public static int Sum(int x)
    {
        int total = 0;
        foreach (int value in Make(x))
        {
            total += value;
        }

        return total;
    }

    private static Quad Make(int x)
    {
        var quad = new Quad();
        quad[0] = x;
        return quad;
    }
}
