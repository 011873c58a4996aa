using System;
using System.Runtime.InteropServices;
using KmodSharp;

[StructLayout(LayoutKind.Sequential, Size = 6)]
public struct SixBytes
{
    public int A;
}

// KMS0407 at 'when' and 'odd': a UserPtr<T> carries a T the kernel copies in, so T needs a C layout.
[KernelModule("nokernelpointee")]
public static class UserPointerWithoutKernelType
{
    [Syscall]
    public static int Read(UserPtr<DateTime> when, UserPtr<SixBytes> odd) => when.IsNull || odd.IsNull ? 1 : 0;
}
