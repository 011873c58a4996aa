using System.Text;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Indented C# text; braces on their own lines (the output is normalized by Roslyn afterwards).</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line) => text.Append(' ', depth * 4).Append(line).Append('\n');

    public void Open(string header)
    {
        Line(header);
        Line("{");
        depth++;
    }

    public void Close(string trailer = "")
    {
        depth--;
        Line("}" + trailer);
    }

    public override string ToString() => text.ToString();
}
