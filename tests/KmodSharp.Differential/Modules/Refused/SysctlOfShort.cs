using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a [Sysctl] field of a type no sysctl(9) macro takes; lowering alone used to find it.</summary>
[KernelModule("refusedsysctlshort")]
public static class SysctlOfShort
{
    [Sysctl("small")]
    private static short small;

    [Syscall]
    public static int Get() => small;
}
