using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a 'when' guard on a switch expression arm; lowering alone used to find it.</summary>
[KernelModule("refusedwhenarm")]
public static class WhenGuardArm
{
    [Syscall]
    public static int Classify(int value, int limit)
    {
        int kind = value switch
        {
            > 0 when value > limit => 2,
            > 0 => 1,
            _ => 0,
        };
        return kind;
    }
}
