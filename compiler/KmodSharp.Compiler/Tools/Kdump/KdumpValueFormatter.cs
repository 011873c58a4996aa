using System.Globalization;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Tools.Kdump;

/// <summary>
/// A register's value as the C# type declares it: integers in decimal at their width and sign,
/// <c>bool</c> as <c>true</c>/<c>false</c>, enums by member name (a value with no member as a cast),
/// user addresses in hexadecimal.
/// </summary>
public static class KdumpValueFormatter
{
    public static string Format(KType type, ulong register) => type switch
    {
        KInteger integer => Integer(integer, register),
        KBool => register switch
        {
            0 => "false",
            1 => "true",
            _ => $"(bool){Hex(register)}",
        },
        KEnum { IsErrno: true } => ErrnoName(unchecked((int)register)),
        KEnum enumeration => Enum(enumeration, register),

        // UserPtr<T> and UserString: an address in the caller's memory.
        _ => Hex(register),
    };

    /// <summary>FreeBSD's name for an errno (sys/sys/errno.h), or the number when it has none.</summary>
    public static string ErrnoName(int errno) =>
        System.Enum.IsDefined(typeof(Errno), errno) && errno != 0 ? ((Errno)errno).ToString() : errno.ToString(CultureInfo.InvariantCulture);

    private static string Enum(KEnum enumeration, ulong register)
    {
        long value = Truncate(enumeration.Underlying, register);
        return enumeration.Members.FirstOrDefault(m => m.Value == value) is { } member
            ? member.Name
            : $"({enumeration.Name}){value.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Integer(KInteger integer, ulong register) =>
        integer.IsSigned || integer.Bits < 64
            ? Truncate(integer, register).ToString(CultureInfo.InvariantCulture)
            : register.ToString(CultureInfo.InvariantCulture);

    // The register holds the value as the C ABI passed it: only the type's low bits mean anything
    // (a caller may leave the rest unextended), so cut to the width, then extend by the sign.
    private static long Truncate(KInteger integer, ulong register)
    {
        if (integer.Bits >= 64)
        {
            return unchecked((long)register);
        }

        int shift = 64 - integer.Bits;
        return integer.IsSigned ? unchecked((long)(register << shift) >> shift) : (long)((register << shift) >> shift);
    }

    private static string Hex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);
}
