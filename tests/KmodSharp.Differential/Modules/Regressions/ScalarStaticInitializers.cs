using KmodSharp;

namespace Differential;

public enum Tiny : byte { Low = 1, High = 255 }

public enum Signed8 : sbyte { Negative = -128, Positive = 100 }

public enum Wide16 : short { Negative = -30000 }

public enum Unsigned16 : ushort { Top = 65535 }

public enum Plain { Minus = -7, Big = int.MaxValue }

public enum Unsigned32 : uint { Top = 0xFFFF_FFF0 }

public enum Wide64 : long { Negative = long.MinValue, Far = 1L << 50 }

public enum Unsigned64 : ulong { Top = ulong.MaxValue - 3 }

/// <summary>
/// Regression (fixed): a static of a scalar type other than the integers with an initializer
/// crashed the lowering ("static char s_c = (char)65;": InvalidCastException from Char to Decimal).
/// Every scalar static with every kind of constant initializer — casts, char literals, consts,
/// default, enums of every underlying type — must start with its C# value.
/// </summary>
[KernelModule("scalarinit")]
public static class ScalarStaticInitializers
{
    private const int Base = 40;

    private static char s_cast = (char)65;
    private static char s_literal = 'z';
    private static char s_top = '\uFFFF';
    private static char s_charDefault = default;
    private static char s_fromConst = (char)(Base + 2);
    private static bool s_on = true;
    private static bool s_off = false;
    private static bool s_boolDefault = default;
    private static nint s_native = -5;
    private static nint s_nativeCast = (nint)int.MinValue;
    private static nuint s_unsignedNative = 7;
    private static nuint s_unsignedNativeCast = (nuint)uint.MaxValue;
    private static sbyte s_sbyte = -128;
    private static byte s_byte = (byte)200;
    private static short s_short = (short)-2;
    private static ushort s_ushort = (ushort)0xFFFE;
    private static int s_int = Base * 3;
    private static uint s_uint = unchecked((uint)-1);
    private static long s_long = long.MinValue;
    private static ulong s_ulong = ulong.MaxValue;
    private static long s_longDefault = default;
    private static Tiny s_tiny = Tiny.High;
    private static Signed8 s_signed8 = Signed8.Negative;
    private static Wide16 s_wide16 = Wide16.Negative;
    private static Unsigned16 s_unsigned16 = Unsigned16.Top;
    private static Plain s_plain = Plain.Minus;
    private static Plain s_plainCast = (Plain)12;
    private static Unsigned32 s_unsigned32 = Unsigned32.Top;
    private static Wide64 s_wide64 = Wide64.Negative;
    private static Unsigned64 s_unsigned64 = Unsigned64.Top;
    private static Unsigned64 s_enumDefault = default;

    [Syscall(Name = "scalarinit_get")]
    public static long Get(int which) => (which & 31) switch
    {
        0 => s_cast,
        1 => s_literal,
        2 => s_top,
        3 => s_charDefault,
        4 => s_fromConst,
        5 => (s_on ? 1 : 0) + (s_off ? 2 : 0) + (s_boolDefault ? 4 : 0),
        6 => s_native,
        7 => s_nativeCast,
        8 => (long)s_unsignedNative,
        9 => (long)s_unsignedNativeCast,
        10 => s_sbyte,
        11 => s_byte,
        12 => s_short,
        13 => s_ushort,
        14 => s_int,
        15 => s_uint,
        16 => s_long,
        17 => (long)s_ulong,
        18 => s_longDefault,
        19 => (long)s_tiny,
        20 => (long)s_signed8,
        21 => (long)s_wide16,
        22 => (long)s_unsigned16,
        23 => (long)s_plain,
        24 => (long)s_plainCast,
        25 => (long)s_unsigned32,
        26 => (long)s_wide64,
        27 => (long)s_unsigned64,
        28 => (long)s_enumDefault,
        _ => -1,
    };

    /// <summary>Each static changes by one, wrapping as its type does: the C types must be C#'s too.</summary>
    [Syscall(Name = "scalarinit_step")]
    public static long Step(int which)
    {
        s_cast++;
        s_top++;
        s_on = !s_on;
        s_native--;
        s_sbyte--;
        s_byte += 100;
        s_ushort += 3;
        s_uint++;
        s_long--;
        s_ulong++;
        s_tiny = (Tiny)((byte)s_tiny + 1);
        s_unsigned64 = (Unsigned64)((ulong)s_unsigned64 + 5);
        return Get(which);
    }
}
