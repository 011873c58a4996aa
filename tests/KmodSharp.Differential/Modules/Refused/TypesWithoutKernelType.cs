using System;
using System.Runtime.InteropServices;
using KmodSharp;

// C rounds a struct's size up to its alignment: Size = 6 with an int field has no C layout.
[StructLayout(LayoutKind.Sequential, Size = 6)]
public struct OddSize
{
    public int A;
}

public struct Stamp
{
    public DateTime When;
    public int Count;
}

public struct Box<T>
    where T : unmanaged
{
    public T Value;
}

// KMS0900 at each local, the parameter 'when' and 'DateTime.MinValue': library structs, a struct
// holding one, a generic struct and an odd layout have no kernel type.
[KernelModule("nokerneltype")]
public static class TypesWithoutKernelType
{
    [Syscall]
    public static long Use(long x)
    {
        DateTime date = default;
        TimeSpan span = default;
        Guid id = default;
        Stamp stamp = default;
        Box<long> box = default;
        OddSize odd = default;
        UserPtr<Box<int>> pointer = default;
        _ = DateTime.MinValue;
        return x + Days(date) + (span == default ? 0 : 1) + (id == default ? 0 : 1) + stamp.Count + box.Value + odd.A + (pointer.IsNull ? 0 : 1);
    }

    private static long Days(DateTime when) => 0;
}
