using System.Runtime.InteropServices;
using KmodSharp;

namespace Refused;

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct PackedHeader { public byte Kind; public int Length; }

/// <summary>Refused (KMS0900): Pack = 1 puts Length at offset 1, where C's int is 4-aligned; the binder used to give it C's natural layout.</summary>
[KernelModule("refusedpacked")]
public static class PackedStruct
{
    [Syscall]
    public static SyscallResult<int> Length(UserPtr<PackedHeader> header)
    {
        Errno error = Kernel.CopyIn(header, out PackedHeader value);
        if (error != Errno.None)
        {
            return error;
        }

        return value.Length;
    }
}
