using System.Linq;
using KmodSharp.Headers.Model;
using Xunit;

namespace KmodSharp.Headers.Tests;

/// <summary>The names a header declares, whatever their bodies: what generated code must not reuse.</summary>
public class DeclaredNameTests
{
    [Fact]
    public void Every_macro_is_listed_with_its_shape_even_without_an_integer_value()
    {
        HeaderReadResult result = TestHeaders.Read("""
            #define curthread (__curthread())
            #define p_siglist p_sigqueue.sq_signals
            #define M_ZERO 0x0100
            #define min(a, b) ((a) < (b) ? (a) : (b))
            """);

        Assert.Equal(
            [new HeaderMacroName("curthread", false), new HeaderMacroName("p_siglist", false), new HeaderMacroName("M_ZERO", false), new HeaderMacroName("min", true)],
            result.MacroNames.ToArray());
    }

    [Fact]
    public void File_scope_variables_are_listed_but_not_locals_or_parameters()
    {
        HeaderReadResult result = TestHeaders.Read("""
            extern int hz;
            extern volatile int ticks;
            static inline int twice(int value) { int doubled = value * 2; return doubled; }
            """);

        Assert.Equal(["hz", "ticks"], result.Variables.Order());
    }
}
