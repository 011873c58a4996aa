using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a label, which only a goto could use; lowering alone used to find it.</summary>
[KernelModule("refusedlabel")]
public static class LabeledStatement
{
    [Syscall]
    public static int Count(int n)
    {
        int total = 0;
    again:
        total += n;
        return total;
    }
}
