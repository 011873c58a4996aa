using Statements = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.UntranslatableStatementAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// KMS0900 from Subset/StructCreation for a struct's <c>with</c> expression: a copy, then field stores;
/// a property setter would run code the translator does not have.
/// </summary>
public sealed class StructWithTests
{
    [Fact]
    public Task Field_stores_are_accepted_and_a_property_is_reported_where_it_is_set() => Statements.VerifyAnalyzerAsync("""
        using KmodSharp;

        struct Window { public int Left; public int Width; public int Right { get => Left + Width; set => Width = value - Left; } }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static int Entry(int start)
            {
                Window w = default;
                Window moved = w with { Left = start, Width = 4 };
                Window wider = moved with { {|#0:Right = 100|} };
                return moved.Left + wider.Width;
            }
        }
        """,
        Statements.Diagnostic("KMS0900").WithLocation(0).WithArguments("The initializer 'Right = 100' (set fields with Field = value)", ""));
}
