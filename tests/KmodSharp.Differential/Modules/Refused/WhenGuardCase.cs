using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a 'when' guard on a case of a switch statement; lowering alone used to find it.</summary>
[KernelModule("refusedwhencase")]
public static class WhenGuardCase
{
    [Syscall]
    public static int Classify(int value, int limit)
    {
        switch (value)
        {
            case > 0 when value > limit:
                return 2;
            case > 0:
                return 1;
            default:
                return 0;
        }
    }
}
