using System.Text;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>
/// Prints a C tree in FreeBSD style(9): tabs, the return type on its own line, <c>return (x);</c>,
/// a blank line between top-level items. The only place in the compiler that spells C text.
/// With line directives on, statements that carry a C# location are preceded by <c>#line</c>,
/// and generated code after them is mapped back to the C file itself.
/// </summary>
public sealed partial class CPrinter
{
    private readonly StringBuilder output = new();
    private readonly bool lineDirectives;
    private string? fileName;
    private int line = 1;
    private int lineStart;
    private bool wrapping = true;
    private CSourceLocation? mapped;
    private bool generatedLineMapped = true;

    private CPrinter(bool lineDirectives) => this.lineDirectives = lineDirectives;

    /// <summary>Prints a whole file.</summary>
    public static string Print(CTranslationUnit unit, bool lineDirectives = true)
    {
        var printer = new CPrinter(lineDirectives) { fileName = unit.FileName };
        printer.Declarations(unit.Declarations);
        return printer.output.ToString();
    }

    // Top-level items with a blank line between groups.
    private void Declarations(System.Collections.Immutable.ImmutableArray<CDecl> declarations)
    {
        for (int i = 0; i < declarations.Length; i++)
        {
            CDecl? previous = i > 0 ? declarations[i - 1] : null;
            CDecl next = declarations[i];
            bool sameGroup = (previous is CInclude a && next is CInclude b && SameIncludeGroup(a, b))
                || (previous is CMacroInvocation && next is CMacroInvocation)
                || (previous is CFunctionPrototype && next is CFunctionPrototype)
                || (previous is CComment && i > 1 && next is not CInclude);
            if (previous is not null && !sameGroup)
            {
                WriteLine("");
            }

            Declaration(declarations[i], 0);
        }
    }

    // style(9): kernel headers, then a blank line, then userland library headers.
    private static bool SameIncludeGroup(CInclude a, CInclude b) =>
        a.Header.StartsWith("sys/", System.StringComparison.Ordinal) == b.Header.StartsWith("sys/", System.StringComparison.Ordinal);

    /// <summary>Prints one expression (for tests and messages).</summary>
    public static string Print(CExpr expression)
    {
        var printer = new CPrinter(false);
        printer.Expression(expression, 0);
        return printer.output.ToString();
    }

    private void Write(string text) => output.Append(text);

    private void WriteLine(string text)
    {
        output.Append(text);
        line += (wrapping ? WrapLastLine(lineStart) : 0) + 1;
        output.Append('\n');
        lineStart = output.Length;
    }

    private void Indent(int depth) => output.Append('\t', depth);

    // Maps the next line to the C# source, or back to the generated file when it has no source.
    private void MapLine(CSourceLocation? location)
    {
        if (!lineDirectives)
        {
            return;
        }

        if (location is not null)
        {
            if (location != mapped)
            {
                WriteLine($"#line {location.Line} \"{Escape(location.File)}\"");
                mapped = location;
                generatedLineMapped = false;
            }

            return;
        }

        if (!generatedLineMapped)
        {
            // The directive names the line after itself.
            WriteLine($"#line {line + 1} \"{Escape(fileName ?? "")}\"");
            mapped = null;
            generatedLineMapped = true;
        }
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 2);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\0' => "\\0",
                _ when c < ' ' || c == 0x7f => $"\\{System.Convert.ToString(c, 8).PadLeft(3, '0')}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
