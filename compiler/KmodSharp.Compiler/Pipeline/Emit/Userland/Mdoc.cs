using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

/// <summary>
/// Builds mdoc(7) text: macro lines, and prose with roff escapes and one sentence per line
/// (mandoc's "new sentence, new line" rule), never a text line that starts with a control character.
/// </summary>
internal sealed partial class Mdoc
{
    private readonly StringBuilder text = new();

    public Mdoc Macro(string name, params string[] arguments)
    {
        text.Append('.').Append(name);
        foreach (string argument in arguments)
        {
            text.Append(' ').Append(Argument(argument));
        }

        text.Append('\n');
        return this;
    }

    /// <summary>A macro line written as is (its arguments are already mdoc).</summary>
    public Mdoc Raw(string line)
    {
        text.Append(line).Append('\n');
        return this;
    }

    /// <summary>Prose: each sentence on its own line.</summary>
    public Mdoc Prose(string prose)
    {
        foreach (string paragraph in prose.Split('\n').Where(p => p.Length > 0))
        {
            foreach (string sentence in SentenceEnd().Split(paragraph).Where(s => s.Length > 0))
            {
                foreach (string line in Wrap(Escape(sentence.Trim())))
                {
                    text.Append(line.StartsWith('.') || line.StartsWith('\'') ? "\\&" + line : line).Append('\n');
                }
            }
        }

        return this;
    }

    public override string ToString() => text.ToString();

    /// <summary>A quoted macro argument when it has spaces.</summary>
    public static string Argument(string value)
    {
        string escaped = Escape(value).Replace("\"", "\\(dq", System.StringComparison.Ordinal);
        // A closing delimiter at the end would be split off as punctuation; \& keeps it text.
        if (escaped.Length > 1 && ".,:;)]?!".Contains(escaped[^1], System.StringComparison.Ordinal))
        {
            escaped += "\\&";
        }

        return escaped.Length == 0 || escaped.Any(char.IsWhiteSpace) ? "\"" + escaped + "\"" : escaped;
    }

    // mandoc -Tlint wants input lines of at most 80 bytes; breaking at spaces changes nothing in the output.
    private static IEnumerable<string> Wrap(string sentence)
    {
        var line = new StringBuilder();
        foreach (string word in sentence.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + Encoding.UTF8.GetByteCount(word) > 76)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\e", System.StringComparison.Ordinal);

    // Split after ". ", "! ", "? " (keeping the punctuation), so each sentence starts a line.
    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(])")]
    private static partial Regex SentenceEnd();

    public static IEnumerable<string> Lines(string prose) => prose.Split('\n').Where(p => p.Length > 0);
}
