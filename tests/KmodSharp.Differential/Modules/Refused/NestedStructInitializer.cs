using KmodSharp;

namespace Refused;

public struct Point { public int X; public int Y; }

public struct Segment { public Point Start; public Point End; }

/// <summary>Refused (KMS0900): a nested member initializer is not a field store; lowering alone used to find it.</summary>
[KernelModule("refusednestedinit")]
public static class NestedStructInitializer
{
    [Syscall]
    public static int Length(int x)
    {
        var segment = new Segment { Start = { X = x }, End = new Point { X = x + 3 } };
        return segment.End.X - segment.Start.X;
    }
}
