using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The kernel <c>printf(9)</c> format subset KmodSharp accepts, checked like <c>-Wformat</c>:
/// flags <c>-0+ #</c>, a decimal width and precision, length modifiers <c>hh h l ll q j z t</c>,
/// conversions <c>d i u x X o c s %</c>. <c>%p</c> is refused (kernel code has no pointers to print),
/// <c>*</c> widths and other conversions are refused.
/// </summary>
public static class PrintfFormat
{
    /// <summary>One problem: its message and the index of the argument it concerns (-1: the format itself).</summary>
    public readonly struct Problem
    {
        public Problem(string message, int argument)
        {
            Message = message;
            Argument = argument;
        }

        public string Message { get; }

        public int Argument { get; }
    }

    /// <summary>One conversion of a format.</summary>
    public readonly struct Conversion
    {
        public Conversion(char kind, bool wide, string text, int start)
        {
            Kind = kind;
            Wide = wide;
            Text = text;
            Start = start;
        }

        /// <summary>The conversion character (<c>d</c>, <c>u</c>, <c>s</c>, …).</summary>
        public char Kind { get; }

        /// <summary>Whether a 64-bit length modifier (<c>l ll q j z t</c>) is present.</summary>
        public bool Wide { get; }

        /// <summary>The conversion as written, e.g. <c>%08lx</c>.</summary>
        public string Text { get; }

        /// <summary>Where its <c>%</c> is in the format.</summary>
        public int Start { get; }

        /// <summary>What lies between the <c>%</c> and the conversion character: flags, width, precision, length (<c>08l</c>).</summary>
        public string Spec => Text.Substring(1, Text.Length - 2);
    }

    /// <summary>Parses the conversions of <paramref name="format"/> (<c>%%</c> excluded); problems go to <paramref name="problems"/>.</summary>
    public static List<Conversion> Parse(string format, List<Problem> problems)
    {
        var conversions = new List<Conversion>();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                continue;
            }

            int start = i++;
            while (i < format.Length && "-0+ #".IndexOf(format[i]) >= 0)
            {
                i++;
            }

            if (i < format.Length && format[i] == '*')
            {
                problems.Add(new Problem("'*' widths are not supported; write the width in the format", -1));
                return conversions;
            }

            while (i < format.Length && char.IsDigit(format[i]))
            {
                i++;
            }

            if (i < format.Length && format[i] == '.')
            {
                i++;
                while (i < format.Length && char.IsDigit(format[i]))
                {
                    i++;
                }
            }

            bool wide = false;
            while (i < format.Length && "hlqjzt".IndexOf(format[i]) >= 0)
            {
                wide |= format[i] != 'h';
                i++;
            }

            if (i >= format.Length)
            {
                problems.Add(new Problem("the format ends inside the conversion '" + format.Substring(start) + "'", -1));
                return conversions;
            }

            char kind = format[i];
            string text = format.Substring(start, i - start + 1);
            if (kind == '%')
            {
                if (text != "%%")
                {
                    problems.Add(new Problem("'" + text + "' is not a valid conversion; write '%%' for a percent sign", -1));
                }

                continue;
            }

            if (kind == 'p')
            {
                problems.Add(new Problem("'%p' is not allowed: kernel code has no pointers, and printing kernel addresses leaks KASLR; print an integer with %lx", -1));
                conversions.Add(new Conversion(kind, true, text, start));
                continue;
            }

            if ("diuxXocs".IndexOf(kind) < 0)
            {
                problems.Add(new Problem("'" + text + "' is not a supported conversion (use d i u x X o c s %%)", -1));
                conversions.Add(new Conversion(kind, wide, text, start));
                continue;
            }

            conversions.Add(new Conversion(kind, wide, text, start));
        }

        return conversions;
    }

    /// <summary>Checks <paramref name="format"/> against the argument types.</summary>
    public static List<Problem> Check(string format, ImmutableArray<ITypeSymbol> arguments)
    {
        var problems = new List<Problem>();
        List<Conversion> conversions = Parse(format, problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        if (conversions.Count != arguments.Length)
        {
            problems.Add(new Problem(
                "the format has " + conversions.Count + " conversion" + (conversions.Count == 1 ? "" : "s") + " but " + arguments.Length + " argument" + (arguments.Length == 1 ? " is" : "s are") + " given",
                conversions.Count < arguments.Length ? conversions.Count : -1));
            return problems;
        }

        for (int i = 0; i < conversions.Count; i++)
        {
            if (Mismatch(conversions[i], arguments[i]) is { } message)
            {
                problems.Add(new Problem(message, i));
            }
        }

        return problems;
    }

    /// <summary>The conversion a value of <paramref name="type"/> prints with, or null when printf cannot print it.</summary>
    public static string? ConversionFor(ITypeSymbol type, char preferred = 'd')
    {
        if (IsByteSpan(type))
        {
            return "%s";
        }

        (int bits, bool signed) = Integer(type);
        if (bits == 0)
        {
            return null;
        }

        char kind = preferred is 'x' or 'X' or 'o' ? preferred : signed ? 'd' : 'u';
        return bits > 32 ? "%l" + kind : "%" + kind;
    }

    private static string? Mismatch(Conversion conversion, ITypeSymbol type)
    {
        string display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (conversion.Kind == 's')
        {
            return IsByteSpan(type) ? null : "'" + conversion.Text + "' expects a Span<byte> or ReadOnlySpan<byte> holding a NUL-terminated string, but the argument is '" + display + "'";
        }

        (int bits, bool signed) = Integer(type);
        if (bits == 0)
        {
            return "'" + conversion.Text + "' cannot print a '" + display + "' (only integers, enums, bool and byte spans can be printed)";
        }

        if (conversion.Kind == 'c')
        {
            return bits <= 32 ? null : "'%c' expects a character (at most 32 bits) but the argument is '" + display + "'";
        }

        if (conversion.Wide)
        {
            return bits == 64 ? null : "'" + conversion.Text + "' expects a 64-bit integer but the argument is '" + display + "'; use '" + Replace(conversion, false) + "'";
        }

        if (bits == 64)
        {
            return "'" + conversion.Text + "' expects a 32-bit integer but the argument is the 64-bit '" + display + "'; use '" + Replace(conversion, true) + "'";
        }

        if (conversion.Kind is 'd' or 'i' && !signed && bits == 32)
        {
            return "'" + conversion.Text + "' expects a signed integer but the argument is the unsigned '" + display + "'; use '%u'";
        }

        return null;
    }

    private static string Replace(Conversion conversion, bool wide)
    {
        string text = conversion.Text;
        int end = text.Length - 1;
        int start = end;
        while (start > 1 && "hlqjzt".IndexOf(text[start - 1]) >= 0)
        {
            start--;
        }

        return text.Substring(0, start) + (wide ? "l" : "") + text[end];
    }

    private static bool IsByteSpan(ITypeSymbol type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", TypeArguments: { Length: 1 } arguments } named
        && arguments[0].SpecialType == SpecialType.System_Byte
        && named.ContainingNamespace?.Name == "System";

    /// <summary>The width in bits and the signedness after C's default promotions are ignored; (0, false) for non-integers.</summary>
    private static (int Bits, bool Signed) Integer(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        return type.SpecialType switch
        {
            SpecialType.System_Boolean => (8, false),
            SpecialType.System_SByte => (8, true),
            SpecialType.System_Byte => (8, false),
            SpecialType.System_Int16 => (16, true),
            SpecialType.System_UInt16 or SpecialType.System_Char => (16, false),
            SpecialType.System_Int32 => (32, true),
            SpecialType.System_UInt32 => (32, false),
            SpecialType.System_Int64 or SpecialType.System_IntPtr => (64, true),
            SpecialType.System_UInt64 or SpecialType.System_UIntPtr => (64, false),
            _ => (0, false),
        };
    }
}
