using System;

namespace KmodSharp;

/// <summary>One printf argument as the C varargs ABI sees it: the integer bits widened, and its signedness.</summary>
internal readonly record struct PrintfArgument(ulong Bits, bool IsSigned)
{
    public static PrintfArgument From<T>(T value)
        where T : unmanaged => value switch
        {
            sbyte v => new((ulong)v, true),
            short v => new((ulong)v, true),
            int v => new((ulong)v, true),
            long v => new((ulong)v, true),
            nint v => new((ulong)v, true),
            byte v => new(v, false),
            ushort v => new(v, false),
            uint v => new(v, false),
            ulong v => new(v, false),
            nuint v => new(v, false),
            char v => new(v, false),
            bool v => new(v ? 1UL : 0UL, false),
            Errno v => new((ulong)(int)v, true),
            _ when typeof(T).IsEnum => new(Convert.ToUInt64(Convert.ToInt64(value, null)), true),
            _ => throw new NotSupportedException($"printf cannot format a {typeof(T).Name}"),
        };
}
