using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class EnumTests
{
    [Fact]
    public void Constants_HaveExplicitImplicitAndNegativeValues()
    {
        HeaderReadResult result = TestHeaders.Read("""
            enum color { RED = -3, GREEN, BLUE = 10, VIOLET, MASK = 1 << 4, ALIAS = BLUE };
            """);

        HeaderEnum color = Assert.Single(result.Enums);
        Assert.Equal("color", color.Name);
        Assert.Equal("enum color", color.Spelling);
        Assert.Equal(
            [("RED", -3L), ("GREEN", -2L), ("BLUE", 10L), ("VIOLET", 11L), ("MASK", 16L), ("ALIAS", 10L)],
            color.Constants.Select(c => (c.Name, c.Value)));
        Assert.Equal("int", color.IntegerType.Spelling);
    }

    [Fact]
    public void AnonymousEnum_AndLargeUnsignedValues()
    {
        HeaderReadResult result = TestHeaders.Read("""
            enum { FLAG_A = 1, FLAG_B = 2 };
            enum big { BIG_TOP = 0xffffffffffffffffUL };
            """);

        HeaderEnum anonymous = result.Enums[0];
        Assert.True(anonymous.IsAnonymous);
        Assert.Equal(["FLAG_A", "FLAG_B"], anonymous.Constants.Select(c => c.Name));

        HeaderEnum big = result.FindEnum("big")!;
        Assert.Equal(ulong.MaxValue, big.Constants[0].UnsignedValue);
        Assert.False(Assert.IsType<HeaderBuiltinType>(big.IntegerType).IsSigned);
        Assert.Equal(8, big.IntegerType.Size);
    }

    [Fact]
    public void EnumTypedField_RefersToTheEnum()
    {
        HeaderReadResult result = TestHeaders.Read("""
            enum state { IDLE, BUSY };
            struct worker { enum state state; };
            """);

        HeaderEnumRefType state = Assert.IsType<HeaderEnumRefType>(result.FindRecord("worker")!.Fields[0].Type);
        Assert.Equal("state", state.Name);
        Assert.Equal(4, state.Size);
        Assert.Equal(result.FindEnum("state")!.Spelling, state.CanonicalSpelling);
    }
}
