using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Compiler.Tools.Kdump;
using Xunit;

namespace KmodSharp.Compiler.Tests.Kdump;

/// <summary>A register read as the C# type says, for the cases the recording does not reach.</summary>
public sealed class KdumpValueFormatterTests
{
    [Theory]
    [InlineData(8, false, 0x1ffUL, "255")]           // a byte: only the low 8 bits
    [InlineData(16, true, 0x8000UL, "-32768")]
    [InlineData(32, true, 0xffffffff80000000UL, "-2147483648")]
    [InlineData(64, false, ulong.MaxValue, "18446744073709551615")]
    [InlineData(64, true, ulong.MaxValue, "-1")]
    public void An_integer_is_read_at_its_width_and_sign(int bits, bool signed, ulong register, string expected) =>
        Assert.Equal(expected, KdumpValueFormatter.Format(new KInteger(bits, signed), register));

    [Theory]
    [InlineData(0UL, "false")]
    [InlineData(1UL, "true")]
    [InlineData(2UL, "(bool)0x2")]
    public void A_bool_that_is_neither_0_nor_1_shows_its_register(ulong register, string expected) =>
        Assert.Equal(expected, KdumpValueFormatter.Format(KBool.Instance, register));

    [Fact]
    public void An_errno_argument_is_named_and_a_user_pointer_is_hexadecimal()
    {
        Assert.Equal("EDOM", KdumpValueFormatter.Format(new KEnum("Errno", KInteger.Int32, IsErrno: true), 33));
        Assert.Equal("0x8211a6270", KdumpValueFormatter.Format(new KUserPointer(KInteger.UInt8), 0x8211a6270));
        Assert.Equal("0x200ac8", KdumpValueFormatter.Format(KUserString.Instance, 0x200ac8));
    }
}
