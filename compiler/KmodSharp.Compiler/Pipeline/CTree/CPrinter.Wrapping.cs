using System.Collections.Generic;
using System.Text;

namespace KmodSharp.Compiler.Pipeline.CTree;

// style(9): lines fit in 80 columns; a long statement is wrapped after an operator or a comma,
// the operator at the end of the line, and continues four spaces deeper than it starts. A long
// #define continues with a backslash and two tabs, as sys/sysproto.h's PAD_ does.
public sealed partial class CPrinter
{
    /// <summary>The widest line style(9) allows, a tab being eight columns.</summary>
    public const int MaxColumns = 80;

    private const string ContinuationIndent = "    ";

    private const string MacroContinuation = " \\";

    private const string MacroContinuationIndent = "\t\t";

    // Where a line may break, best first: between arguments and after a logical operator, then
    // after another binary operator, then after an assignment, and last after a call's opening
    // parenthesis (rank 3), when nothing else fits a deeply nested line.
    private static readonly string[][] BreakOperators =
    [
        [",", "&&", "||"],
        ["?", ":", "|", "^", "&", "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "<<", ">>"],
        ["=", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<=", ">>="],
    ];

    // The line just written, wrapped in place when it is too wide; returns the lines it added.
    private int WrapLastLine(int start)
    {
        string text = output.ToString(start, output.Length - start);
        if (Columns(text) <= MaxColumns || text.Contains('\n') || text.StartsWith("#line", System.StringComparison.Ordinal)
            || text.StartsWith("#include", System.StringComparison.Ordinal) || text.StartsWith("/*", System.StringComparison.Ordinal)
            || text.StartsWith(" *", System.StringComparison.Ordinal))
        {
            return 0;
        }

        bool macro = text.StartsWith("#define", System.StringComparison.Ordinal);
        if (text.StartsWith('#') && !macro)
        {
            return 0;
        }

        string indent = text[..(text.Length - text.TrimStart('\t').Length)];
        string continuation = macro ? MacroContinuationIndent : indent + ContinuationIndent;
        string suffix = macro ? MacroContinuation : "";
        List<(int Position, int Rank, int Skip)> breaks = Breaks(text);
        var wrapped = new StringBuilder();
        int from = 0;
        string prefix = "";
        int added = 0;
        while (Columns(prefix + text[from..]) > MaxColumns)
        {
            int chosen = ChooseBreak(text, breaks, from, prefix, suffix);
            if (chosen < 0)
            {
                break;
            }

            (int at, _, int skip) = breaks[chosen];
            wrapped.Append(prefix).Append(text, from, at - from).Append(suffix).Append('\n');
            added++;
            from = at + skip;
            prefix = continuation;
        }

        if (added == 0)
        {
            return 0;
        }

        wrapped.Append(prefix).Append(text, from, text.Length - from);
        output.Length = start;
        output.Append(wrapped);
        return added;
    }

    // The index of the best break that leaves the line's head within the limit: the lowest rank,
    // then the rightmost; when none fits, the first one (the line stays too wide, but less).
    private static int ChooseBreak(string text, List<(int Position, int Rank, int Skip)> breaks, int from, string prefix, string suffix)
    {
        int best = -1;
        int bestRank = int.MaxValue;
        int first = -1;
        for (int i = 0; i < breaks.Count; i++)
        {
            (int position, int rank, _) = breaks[i];
            if (position <= from)
            {
                continue;
            }

            if (first < 0)
            {
                first = i;
            }

            if (Columns(prefix + text[from..position] + suffix) > MaxColumns)
            {
                break;
            }

            if (rank <= bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best >= 0 ? best : first;
    }

    // The spaces a line may break at: after a comma inside parentheses, or after a binary operator
    // written " op " (unary operators and declarators are written without the space after them);
    // never inside a string or character literal.
    private static List<(int Position, int Rank, int Skip)> Breaks(string text)
    {
        var breaks = new List<(int, int, int)>();
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '"' or '\'')
            {
                i = LiteralEnd(text, i);
                continue;
            }

            if (c is '(' or '[')
            {
                depth++;
                if (c == '(' && i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '_') && i + 1 < text.Length && text[i + 1] != ')')
                {
                    breaks.Add((i + 1, 3, 0));
                }
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == ',' && depth > 0 && i + 1 < text.Length && text[i + 1] == ' ')
            {
                breaks.Add((i + 1, 0, 1));
            }
            else if (c == ' ' && i > 0)
            {
                int end = text.IndexOf(' ', i + 1);
                if (end > i + 1 && OperatorRank(text[(i + 1)..end]) is int rank)
                {
                    breaks.Add((end, rank, 1));
                    i = end - 1;
                }
            }
        }

        return breaks;
    }

    private static int? OperatorRank(string token)
    {
        for (int rank = 0; rank < BreakOperators.Length; rank++)
        {
            if (System.Array.IndexOf(BreakOperators[rank], token) >= 0)
            {
                return rank;
            }
        }

        return null;
    }

    private static int LiteralEnd(string text, int open)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == text[open])
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    /// <summary>The columns a line takes, a tab reaching the next multiple of eight.</summary>
    public static int Columns(string line)
    {
        int columns = 0;
        foreach (char c in line)
        {
            columns = c == '\t' ? (columns / 8 + 1) * 8 : columns + 1;
        }

        return columns;
    }
}
