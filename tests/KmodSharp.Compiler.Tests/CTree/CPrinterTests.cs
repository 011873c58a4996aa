using System;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using Xunit;

namespace KmodSharp.Compiler.Tests.CTree;

/// <summary>The printer's layout rules; the meaning of printed code is proven by compiling and running it elsewhere.</summary>
public sealed class CPrinterTests
{
    private static readonly CIdentifier A = new("a"), B = new("b"), C = new("c");

    [Fact]
    public void Parenthesises_by_precedence_only_where_needed()
    {
        Assert.Equal("a * (b + c)", CPrinter.Print(new CBinary(CBinaryOperator.Multiply, A, new CBinary(CBinaryOperator.Add, B, C))));
        Assert.Equal("a + b * c", CPrinter.Print(new CBinary(CBinaryOperator.Add, A, new CBinary(CBinaryOperator.Multiply, B, C))));
        Assert.Equal("a - (b - c)", CPrinter.Print(new CBinary(CBinaryOperator.Subtract, A, new CBinary(CBinaryOperator.Subtract, B, C))));
        Assert.Equal("a - b - c", CPrinter.Print(new CBinary(CBinaryOperator.Subtract, new CBinary(CBinaryOperator.Subtract, A, B), C)));
    }

    [Fact]
    public void Spells_out_mixed_bitwise_and_logical_operators()
    {
        Assert.Equal("(a & b) | c", CPrinter.Print(new CBinary(CBinaryOperator.BitwiseOr, new CBinary(CBinaryOperator.BitwiseAnd, A, B), C)));
        Assert.Equal("a || (b && c)", CPrinter.Print(new CBinary(CBinaryOperator.LogicalOr, A, new CBinary(CBinaryOperator.LogicalAnd, B, C))));
        Assert.Equal("(a + b) << c", CPrinter.Print(new CBinary(CBinaryOperator.ShiftLeft, new CBinary(CBinaryOperator.Add, A, B), C)));
    }

    [Theory]
    [InlineData(-2147483648L, CIntegerSuffix.None, "(-2147483647 - 1)")]
    [InlineData(-9223372036854775808L, CIntegerSuffix.L, "(-9223372036854775807L - 1)")]
    [InlineData(-5L, CIntegerSuffix.None, "-5")]
    [InlineData(7L, CIntegerSuffix.U, "7U")]
    public void Prints_literals_with_their_C_type(long value, CIntegerSuffix suffix, string expected) =>
        Assert.Equal(expected, CPrinter.Print(new CIntegerLiteral(value, suffix)));

    [Fact]
    public void Keeps_signs_from_fusing_into_decrement()
    {
        Assert.Equal("-(-a)", CPrinter.Print(new CUnary(CUnaryOperator.Negate, new CUnary(CUnaryOperator.Negate, A))));
        Assert.Equal("a - (-5)", CPrinter.Print(new CBinary(CBinaryOperator.Subtract, A, new CIntegerLiteral(-5))));
    }

    [Fact]
    public void Escapes_string_literals()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\t\\001\"", CPrinter.Print(new CStringLiteral("a\"b\\c\n\t\u0001")));
    }

    [Fact]
    public void Lays_out_functions_in_style9_and_maps_lines()
    {
        var function = new CFunctionDefinition(true, CNamedType.Int, "f", [new CParameter(CNamedType.Int, "x")],
            new CBlock([new CReturn(new CBinary(CBinaryOperator.Add, new CIdentifier("x"), new CIntegerLiteral(1))) { Location = new CSourceLocation("M.cs", 7) }]))
        {
            Location = new CSourceLocation("M.cs", 5),
        };
        var unit = new CTranslationUnit("m.c", [function, new CVariableDefinition(true, CNamedType.Int, "g", new CIntegerLiteral(0))]);

        string text = CPrinter.Print(unit);

        Assert.Equal("""
            #line 5 "M.cs"
            static int
            f(int x)
            {
            #line 7 "M.cs"
            	return (x + 1);
            }

            #line 10 "m.c"
            static int g = 0;

            """.Replace("\r\n", "\n", System.StringComparison.Ordinal), text);
        Assert.DoesNotContain("#line", CPrinter.Print(unit, lineDirectives: false));
    }

    [Fact]
    public void Writes_a_block_that_scopes_no_declaration_in_place_and_keeps_one_that_does()
    {
        CStmt Set(string name, int value) => new CExpressionStatement(new CAssign(new CIdentifier(name), new CIntegerLiteral(value)));
        var function = new CFunctionDefinition(true, CNamedType.Void, "f", [],
            new CBlock([new CBlock([Set("x", 1)]), new CBlock([new CLocalDeclaration(CNamedType.Int, "y"), Set("y", 2)])]));

        string text = CPrinter.Print(new CTranslationUnit("m.c", [function]), lineDirectives: false);

        Assert.Contains("{\n\tx = 1;\n\t{\n\t\tint y;\n\t\ty = 2;\n\t}\n}", text);
    }

    [Fact]
    public void Writes_an_else_holding_one_if_as_else_if_with_its_line_before_the_closing_brace()
    {
        CStmt Set(int value) => new CExpressionStatement(new CAssign(A, new CIntegerLiteral(value)));
        var inner = new CIf(C, new CBlock([Set(2)]), new CBlock([Set(3)])) { Location = new CSourceLocation("M.cs", 9) };
        var function = new CFunctionDefinition(true, CNamedType.Void, "f", [],
            new CBlock([new CIf(B, new CBlock([Set(1)]), new CBlock([inner])) { Location = new CSourceLocation("M.cs", 7) }]));
        var unit = new CTranslationUnit("m.c", [function]);

        Assert.Contains("\tif (b) {\n\t\ta = 1;\n\t} else if (c) {\n\t\ta = 2;\n\t} else {\n\t\ta = 3;\n\t}\n", CPrinter.Print(unit, lineDirectives: false));
        Assert.Contains("\t\ta = 1;\n#line 9 \"M.cs\"\n\t} else if (c) {\n", CPrinter.Print(unit));
    }

    [Fact]
    public void Tells_the_depth_each_statement_is_printed_at_and_how_wide()
    {
        var deep = new CExpressionStatement(new CAssign(A, new CBinary(CBinaryOperator.Add, B, C)));
        var loop = new CWhile(A, new CBlock([new CBlock([deep])]));
        var function = new CFunctionDefinition(true, CNamedType.Void, "f", [], new CBlock([loop]));

        (System.Collections.Generic.IReadOnlyDictionary<CStmt, int> depths, int widest) = CPrinter.Layout(function);

        Assert.Equal(1, depths[loop]);
        Assert.Equal(2, depths[deep]);
        Assert.Equal(0, CPrinter.Overflow(deep, 2));
        // Two tabs, "a = ", 70 columns of a name no wrap can break, ";": 91 columns, whether or not "a =" stands alone.
        var unbreakable = new CExpressionStatement(new CAssign(A, new CIdentifier(new string('x', 70))));
        Assert.Equal(16 + 4 + 70 + 1 - CPrinter.MaxColumns, CPrinter.Overflow(unbreakable, 2));
        Assert.Equal(CPrinter.Columns("\t\ta = b + c;"), widest);
    }

    [Fact]
    public void A_comment_line_too_wide_for_80_columns_breaks_between_words()
    {
        string words = string.Join(" ", Enumerable.Range(1, 30).Select(i => "word" + i));
        string identifier = new('x', 90);
        string text = CPrinter.Print(new CTranslationUnit("m.c", [new CComment([words, "", "short", identifier + " tail"])]), lineDirectives: false);
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines.Where(l => !l.Contains(identifier)), l => Assert.True(CPrinter.Columns(l) <= CPrinter.MaxColumns, l));
        Assert.Equal(words, string.Join(" ", lines.TakeWhile(l => l != " *").Skip(1).Select(l => l[" * ".Length..])));
        Assert.Contains(" *", lines);
        Assert.Contains(" * short", lines);
        Assert.Contains(" * " + identifier, lines); // a word wider than the line stays whole, on a line of its own
        Assert.Contains(" * tail", lines);
    }
}
