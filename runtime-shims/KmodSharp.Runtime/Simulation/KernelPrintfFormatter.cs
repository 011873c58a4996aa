using System;
using System.Globalization;
using System.Text;

namespace KmodSharp.Simulation;

/// <summary>
/// The integer subset of the kernel's <c>printf(9)</c> (<c>kvprintf</c> in subr_prf.c): flags
/// <c>-0+ #</c>, width, precision, length modifiers <c>hh h l ll q j z t</c> and conversions
/// <c>d i u x X o c s p %</c>. Arguments are read as the C varargs ABI would read them.
/// </summary>
internal static class KernelPrintfFormatter
{
    public static string Format(string format, PrintfArgument[] arguments)
    {
        var output = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%')
            {
                output.Append(format[i]);
                continue;
            }

            var spec = Specification.Parse(format, ref i);
            if (spec.Conversion == '%')
            {
                output.Append('%');
                continue;
            }

            PrintfArgument argument = next < arguments.Length ? arguments[next++] : default;
            output.Append(spec.Render(argument));
        }

        return output.ToString();
    }

    private readonly record struct Specification(string Flags, int Width, int Precision, int Bits, char Conversion)
    {
        public static Specification Parse(string format, ref int i)
        {
            int start = ++i;
            while (i < format.Length && "-0+ #".Contains(format[i], StringComparison.Ordinal))
            {
                i++;
            }

            string flags = format[start..i];
            int width = ReadNumber(format, ref i);
            int precision = -1;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadNumber(format, ref i);
            }

            int bits = 32;
            while (i < format.Length && "hlqjzt".Contains(format[i], StringComparison.Ordinal))
            {
                bits = format[i] switch
                {
                    'h' => bits == 16 ? 8 : 16,
                    _ => 64,
                };
                i++;
            }

            return new Specification(flags, width, precision, bits, i < format.Length ? format[i] : '%');
        }

        public string Render(PrintfArgument argument)
        {
            int bits = Conversion == 'p' ? 64 : Conversion == 'c' ? 8 : Bits;
            ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            ulong raw = argument.Bits & mask;
            bool negative = false;
            string digits;
            switch (Conversion)
            {
                case 'd' or 'i':
                    long signed = bits == 64 ? (long)raw : (long)(raw << (64 - bits)) >> (64 - bits);
                    negative = signed < 0;
                    digits = negative ? ((ulong)-(signed + 1) + 1).ToString(CultureInfo.InvariantCulture) : signed.ToString(CultureInfo.InvariantCulture);
                    break;
                case 'u':
                    digits = raw.ToString(CultureInfo.InvariantCulture);
                    break;
                case 'x' or 'p':
                    digits = raw.ToString("x", CultureInfo.InvariantCulture);
                    break;
                case 'X':
                    digits = raw.ToString("X", CultureInfo.InvariantCulture);
                    break;
                case 'o':
                    digits = Convert.ToString((long)raw, 8);
                    break;
                case 'c':
                    return Pad(((char)(byte)raw).ToString());
                case 's':
                    string text = argument.Text ?? "(null)";
                    return Pad(Precision >= 0 && text.Length > Precision ? text[..Precision] : text);
                default:
                    return "%" + Conversion;
            }

            if (Precision >= 0 && digits.Length < Precision)
            {
                digits = new string('0', Precision - digits.Length) + digits;
            }

            string prefix = negative ? "-"
                : Conversion is 'd' or 'i' && Flags.Contains('+', StringComparison.Ordinal) ? "+"
                : Conversion is 'd' or 'i' && Flags.Contains(' ', StringComparison.Ordinal) ? " "
                : "";
            if (Conversion == 'p' || (Flags.Contains('#', StringComparison.Ordinal) && raw != 0 && Conversion is 'x' or 'X'))
            {
                prefix += Conversion == 'X' ? "0X" : "0x";
            }
            else if (Flags.Contains('#', StringComparison.Ordinal) && raw != 0 && Conversion == 'o' && !digits.StartsWith('0'))
            {
                // The alternate form of octal starts with a 0.
                prefix += "0";
            }

            bool zeroPad = Flags.Contains('0', StringComparison.Ordinal) && !Flags.Contains('-', StringComparison.Ordinal) && Precision < 0;
            if (zeroPad && prefix.Length + digits.Length < Width)
            {
                digits = new string('0', Width - prefix.Length - digits.Length) + digits;
            }

            return Pad(prefix + digits);
        }

        private string Pad(string text) => text.Length >= Width
            ? text
            : Flags.Contains('-', StringComparison.Ordinal) ? text.PadRight(Width) : text.PadLeft(Width);

        private static int ReadNumber(string format, ref int i)
        {
            int value = 0;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                value = (value * 10) + (format[i++] - '0');
            }

            return value;
        }
    }
}
