using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace KmodSharp.Compiler.Tests.Architecture;

/// <summary>
/// The pipeline's stages depend only forwards: Model, CTree and CTarget (the C-target helpers) under
/// Frontend, Lowering and Emit, and no stage on a later one; Emit reads the Model and knows no Roslyn.
/// Read from the compiler's sources, so a new reach-back fails here, not in a review.
/// </summary>
public sealed class StageDependencyTests
{
    private const string Pipeline = "KmodSharp.Compiler.Pipeline.";

    // What each stage folder may name besides itself. Lowering still reads Roslyn bodies through
    // the Frontend's binder (an earlier stage); nothing reaches a later one.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Model"] = [],
        ["CTree"] = [],
        ["CTarget"] = ["Model", "CTree"],
        ["Frontend"] = ["Model"],
        ["Lowering"] = ["Model", "CTree", "CTarget", "Frontend"],
        ["Emit"] = ["Model", "CTree", "CTarget"],
    };

    private static readonly string[] WithoutRoslyn = ["Model", "CTree", "CTarget", "Emit"];

    private static string PipelineFolder => Path.Combine(Repository.Root, "compiler", "KmodSharp.Compiler", "Pipeline");

    [Fact]
    public void Every_stage_folder_is_known()
    {
        string[] folders = [.. Directory.GetDirectories(PipelineFolder).Select(Path.GetFileName).OfType<string>().Order()];
        Assert.Equal(Allowed.Keys.Order(), folders);
    }

    [Fact]
    public void No_stage_names_a_later_stage_or_Roslyn_where_it_must_not()
    {
        var violations = new List<string>();
        foreach ((string stage, string[] allowed) in Allowed)
        {
            foreach (string file in Directory.GetFiles(Path.Combine(PipelineFolder, stage), "*.cs", SearchOption.AllDirectories))
            {
                SyntaxNode root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                foreach ((string name, int line) in NamespacesNamed(root))
                {
                    string where = $"{Path.GetRelativePath(Repository.Root, file)}({line})";
                    if (StageOf(name) is { } other && other != stage && !allowed.Contains(other))
                    {
                        violations.Add($"{where}: {stage} names {name}");
                    }

                    if (WithoutRoslyn.Contains(stage) && (name == "Microsoft.CodeAnalysis" || name.StartsWith("Microsoft.CodeAnalysis.", System.StringComparison.Ordinal)))
                    {
                        violations.Add($"{where}: {stage} names Roslyn ({name})");
                    }
                }
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void The_check_sees_a_reach_back()
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText("""
            using KmodSharp.Compiler.Pipeline.Lowering;
            namespace KmodSharp.Compiler.Pipeline.Emit;
            static class X { static string Y() => Frontend.TypeBinder.Z + Microsoft.CodeAnalysis.SpecialType.None; }
            """).GetRoot();
        string[] named = [.. NamespacesNamed(root).Select(n => n.Name)];
        Assert.Equal(["Lowering", "Frontend"], named.Select(StageOf).OfType<string>());
        Assert.Contains(named, n => n.StartsWith("Microsoft.CodeAnalysis.", System.StringComparison.Ordinal));
    }

    /// <summary>The stage a name lies in (<c>KmodSharp.Compiler.Pipeline.Lowering.X</c> → Lowering), or null.</summary>
    private static string? StageOf(string name) =>
        name.StartsWith(Pipeline, System.StringComparison.Ordinal) ? name[Pipeline.Length..].Split('.')[0] : null;

    /// <summary>
    /// The names a file uses that may lie outside its stage: its using directives, and every
    /// outermost qualified name (<c>Frontend.TypeBinder.Bind</c>, <c>Microsoft.CodeAnalysis.X</c>)
    /// whose first part is a stage or <c>Microsoft</c>, read as seen from the pipeline's namespace.
    /// </summary>
    private static IEnumerable<(string Name, int Line)> NamespacesNamed(SyntaxNode root)
    {
        foreach (UsingDirectiveSyntax directive in root.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            yield return (directive.NamespaceOrType.ToString(), Line(directive));
        }

        foreach (SyntaxNode node in root.DescendantNodes().Where(n => n is QualifiedNameSyntax or MemberAccessExpressionSyntax))
        {
            bool declaration = node.Ancestors().Any(a => a is UsingDirectiveSyntax || (a is BaseNamespaceDeclarationSyntax ns && ns.Name.Span.Contains(node.Span)));
            if (node.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax || declaration)
            {
                continue;
            }

            string text = string.Concat(node.ToString().Where(c => !char.IsWhiteSpace(c)));
            string first = text.Split('.')[0];
            if (first == "Microsoft" || first == "KmodSharp")
            {
                yield return (text, Line(node));
            }
            else if (Allowed.ContainsKey(first))
            {
                yield return (Pipeline + text, Line(node));
            }
        }
    }

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
