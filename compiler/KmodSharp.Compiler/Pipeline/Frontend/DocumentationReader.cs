using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Reads a symbol's XML documentation comment into plain text per tag: <c>&lt;paramref&gt;</c>
/// and <c>&lt;typeparamref&gt;</c> become the name, <c>&lt;see cref&gt;</c> the member's simple name,
/// <c>&lt;c&gt;</c> its text; whitespace is collapsed.
/// </summary>
public static partial class DocumentationReader
{
    public static SyscallDocumentation Read(ISymbol symbol)
    {
        if (Parse(symbol) is not { } root)
        {
            return SyscallDocumentation.None;
        }

        var parameters = root.Elements("param")
            .Where(p => p.Attribute("name") is not null)
            .ToImmutableDictionary(p => p.Attribute("name")!.Value, Text);
        return new SyscallDocumentation(Text(root.Element("summary")), Text(root.Element("remarks")), Text(root.Element("returns")), parameters);
    }

    /// <summary>The <c>&lt;summary&gt;</c> of <paramref name="symbol"/>, or empty.</summary>
    public static string Summary(ISymbol symbol) => Text(Parse(symbol)?.Element("summary"));

    private static XElement? Parse(ISymbol symbol)
    {
        string? xml = symbol.GetDocumentationCommentXml(expandIncludes: false);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        try
        {
            return XElement.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            // Roslyn reports malformed doc XML itself (CS1570); the man page then has no text for it.
            return null;
        }
    }

    private static string Text(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
                XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("langword")?.Value ?? SimpleName(see.Attribute("cref")?.Value ?? see.Value),
                XElement { Name.LocalName: "para" } para => "\n" + Text(para) + "\n",
                XElement other => Text(other),
                _ => "",
            });
        }

        return string.Join("\n", text.ToString().Split('\n').Select(line => Whitespace().Replace(line, " ").Trim()).Where(line => line.Length > 0));
    }

    // "T:Examples.Request" -> "Request"; "M:Kernel.CopyIn(...)" -> "CopyIn".
    private static string SimpleName(string cref)
    {
        string name = cref.Contains(':', System.StringComparison.Ordinal) ? cref[(cref.IndexOf(':', System.StringComparison.Ordinal) + 1)..] : cref;
        int parenthesis = name.IndexOf('(', System.StringComparison.Ordinal);
        name = parenthesis >= 0 ? name[..parenthesis] : name;
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
