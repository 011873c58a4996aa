using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>printf(9) formatting in the simulation (kvprintf): flags, widths, precision, length modifiers, %s of a byte span, lines.</summary>
public sealed class PrintfTests
{
    [Theory]
    [InlineData("%d", -5, "-5")]
    [InlineData("%i", 42, "42")]
    [InlineData("%5d|", 42, "   42|")]
    [InlineData("%-5d|", 42, "42   |")]
    [InlineData("%05d", -42, "-0042")]
    [InlineData("%+d", 5, "+5")]
    [InlineData("%.5d", -42, "-00042")]
    [InlineData("%u", -1, "4294967295")]
    [InlineData("%x", 255, "ff")]
    [InlineData("%X", 255, "FF")]
    [InlineData("%#x", 255, "0xff")]
    [InlineData("%#x", 0, "0")]
    [InlineData("%08x", 0xbeef, "0000beef")]
    [InlineData("%o", 8, "10")]
    [InlineData("%#o", 8, "010")]
    [InlineData("%#o", 0, "0")]
    [InlineData("% d", 5, " 5")]
    [InlineData("% d", -5, "-5")]
    [InlineData("%+ d", 5, "+5")]
    [InlineData("%c", 65, "A")]
    [InlineData("%hd", 70000, "4464")]
    [InlineData("%hhd", 200, "-56")]
    [InlineData("%hhu", 300, "44")]
    [InlineData("100%%", 0, "100%")]
    public void Formats_an_int(string format, int value, string expected) => Assert.Equal(expected, Print(format, value));

    [Theory]
    [InlineData("%ld", long.MinValue, "-9223372036854775808")]
    [InlineData("%lld", long.MinValue, "-9223372036854775808")]
    [InlineData("%jd", -1L, "-1")]
    [InlineData("%lu", -1L, "18446744073709551615")]
    [InlineData("%lx", -1L, "ffffffffffffffff")]
    [InlineData("%qd", 1L << 40, "1099511627776")]
    [InlineData("%d", 1L << 32 | 7, "7")]
    public void Formats_a_long(string format, long value, string expected) => Assert.Equal(expected, Print(format, value));

    [Fact]
    public void Formats_native_integers_with_z()
    {
        Assert.Equal("-3", Print("%zd", (nint)(-3)));
        Assert.Equal("18446744073709551615", Print("%zu", nuint.MaxValue));
    }

    [Fact]
    public void Formats_unsigned_values_by_their_width()
    {
        Assert.Equal("4294967295", Print("%u", uint.MaxValue));
        Assert.Equal("255", Print("%d", (byte)255));
        Assert.Equal("-1", Print("%d", (sbyte)-1));
        Assert.Equal("65535", Print("%d", ushort.MaxValue));
    }

    [Fact]
    public void Formats_bools_and_enums_as_integers()
    {
        Assert.Equal("1 0", Print2("%d %d", true, false));
        Assert.Equal("22", Print("%d", Errno.EINVAL));
    }

    [Fact]
    public void Formats_a_byte_span_up_to_its_NUL()
    {
        using var scope = SimulatedKernel.Enter();
        ReadOnlySpan<byte> text = "hi\0junk"u8;
        Span<byte> unterminated = [(byte)'a', (byte)'b'];

        Kernel.Printf("[%s] [%5s] [%-4s] [%.1s] [%s]\n", text, text, text, text);
        Kernel.Printf("%s\n", unterminated);

        Assert.Equal(["[hi] [   hi] [hi  ] [h] [(null)]", "ab"], scope.Kernel.Log);
    }

    [Fact]
    public void Takes_up_to_eight_arguments_each_formatted_by_its_own_conversion()
    {
        using var scope = SimulatedKernel.Enter();
        ReadOnlySpan<byte> name = "kmod\0"u8;

        Kernel.Printf("%d %d %d %d %d\n", 1, 2, 3, 4, 5);
        Kernel.Printf("%d|%ld|%u|%hd|%hhu|%zd|%x|%s\n", -1, long.MinValue, uint.MaxValue, (short)-2, (byte)255, (nint)(-3), 0xbeefu, name);

        Assert.Equal(["1 2 3 4 5", "-1|-9223372036854775808|4294967295|-2|255|-3|beef|kmod"], scope.Kernel.Log);
    }

    [Fact]
    public void The_log_keeps_a_partial_line_until_its_newline()
    {
        using var scope = SimulatedKernel.Enter();

        Kernel.Printf("a=%d", 1);
        Assert.Empty(scope.Kernel.Log);
        Kernel.Printf(", b=%d\nsecond\n\nlast", 2);

        Assert.Equal(["a=1, b=2", "second", ""], scope.Kernel.Log);
    }

    private static string Print<T>(string format, T value)
    {
        using var scope = SimulatedKernel.Enter();
        Kernel.Printf(format + "\n", value);
        return Assert.Single(scope.Kernel.Log);
    }

    private static string Print2<T0, T1>(string format, T0 a, T1 b)
    {
        using var scope = SimulatedKernel.Enter();
        Kernel.Printf(format + "\n", a, b);
        return Assert.Single(scope.Kernel.Log);
    }
}
