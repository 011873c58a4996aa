using KmodSharp;

namespace Refused;

/// <summary>Refused (KMS0900): a KernelBuffer in a 'using' that does not come from Kernel.Allocate; lowering alone used to find it.</summary>
[KernelModule("refusedbufferdefault")]
public static class BufferNotAllocated
{
    [Syscall]
    public static int Size(int count)
    {
        using KernelBuffer<int> buffer = default;
        return count;
    }
}
