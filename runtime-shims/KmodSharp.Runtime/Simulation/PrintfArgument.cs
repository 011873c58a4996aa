using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace KmodSharp;

/// <summary>
/// One printf argument as the C varargs ABI sees it: the integer bits widened and their
/// signedness, or the text of a NUL-terminated byte string for <c>%s</c>.
/// </summary>
internal readonly record struct PrintfArgument(ulong Bits, bool IsSigned, string? Text = null)
{
    public static PrintfArgument From<T>(T value)
        where T : allows ref struct
    {
        Type type = typeof(T);
        if (type == typeof(ReadOnlySpan<byte>))
        {
            return FromCString(Unsafe.As<T, ReadOnlySpan<byte>>(ref value));
        }

        if (type == typeof(Span<byte>))
        {
            return FromCString(Unsafe.As<T, Span<byte>>(ref value));
        }

        if (type == typeof(bool))
        {
            return new(Unsafe.As<T, bool>(ref value) ? 1UL : 0UL, false);
        }

        if (type == typeof(char))
        {
            return new(Unsafe.As<T, char>(ref value), false);
        }

        Type integral = type.IsEnum ? Enum.GetUnderlyingType(type) : type;
        bool signed = integral == typeof(sbyte) || integral == typeof(short) || integral == typeof(int)
            || integral == typeof(long) || integral == typeof(nint);
        bool unsigned = integral == typeof(byte) || integral == typeof(ushort) || integral == typeof(uint)
            || integral == typeof(ulong) || integral == typeof(nuint);
        if (!signed && !unsigned)
        {
            throw new NotSupportedException($"printf cannot format a {type.Name}");
        }

        ulong bits = Unsafe.SizeOf<T>() switch
        {
            1 => signed ? (ulong)Unsafe.As<T, sbyte>(ref value) : Unsafe.As<T, byte>(ref value),
            2 => signed ? (ulong)Unsafe.As<T, short>(ref value) : Unsafe.As<T, ushort>(ref value),
            4 => signed ? (ulong)Unsafe.As<T, int>(ref value) : Unsafe.As<T, uint>(ref value),
            _ => Unsafe.As<T, ulong>(ref value),
        };
        return new(bits, signed);
    }

    private static PrintfArgument FromCString(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return new(0, false, Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]));
    }
}
