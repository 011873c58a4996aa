using KmodSharp;

namespace Differential;

/// <summary>An enum with a byte underlying type for the differential module below.</summary>
public enum Color : byte { Red = 1, Green = 2, Blue = 200 }

/// <summary>Differential module: bool, enum, char and native-integer parameters and results, SyscallResult, checked native conversions.</summary>
[KernelModule("types")]
public static class Types
{
    [Syscall] public static int TakesBool(bool b) => b ? 1 : 0;
    [Syscall] public static Color EnumRoundTrip(Color c, int add) => (Color)((byte)c + add);
    [Syscall] public static int CharParam(ushort c) { char ch = (char)c; return ch + 1; }
    [Syscall] public static int CheckedNative(nint a, nuint b) => checked((int)a + (int)b);
    [Syscall] public static long CheckedNegLong(long a) => checked(-a);
    [Syscall] public static uint NotUInt(uint a, byte s) => ~a >> s;

    [Syscall] public static bool ReturnsBool(long a) => a != 0;
}
