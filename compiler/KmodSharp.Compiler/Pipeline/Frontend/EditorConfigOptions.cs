using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// The <c>.editorconfig</c> files that apply to an input (its folder and every parent, up to the
/// first <c>root = true</c>), read the way the compiler reads them in <c>dotnet build</c>: severities
/// (<c>dotnet_diagnostic.KMSnnnn.severity</c>) and analyzer settings (<c>kmodsharp.stack_budget</c>).
/// </summary>
public sealed class EditorConfigOptions
{
    private readonly ImmutableArray<AnalyzerConfig> configs;
    private readonly AnalyzerConfigSet set;

    private EditorConfigOptions(IEnumerable<AnalyzerConfig> configs)
    {
        this.configs = [.. configs];
        set = AnalyzerConfigSet.Create(this.configs);
        Settings = KmodSharpSettings.Read(new Options(set.GlobalConfigOptions.AnalyzerOptions));
    }

    /// <summary>The KmodSharp settings these configs give (stack budget, line directives, FreeBSD version).</summary>
    public KmodSharpSettings Settings { get; }

    public static EditorConfigOptions For(string directory)
    {
        var configs = new List<AnalyzerConfig>();
        for (string? current = Path.GetFullPath(directory); current is not null; current = Path.GetDirectoryName(current))
        {
            string path = Path.Combine(current, ".editorconfig");
            if (!File.Exists(path))
            {
                continue;
            }

            string text = File.ReadAllText(path);
            configs.Add(AnalyzerConfig.Parse(text, path));
            if (IsRoot(text))
            {
                break;
            }
        }

        return new EditorConfigOptions(configs);
    }

    /// <summary>
    /// Exactly the given analyzer config files, as a build passes them to the compiler
    /// (<c>.editorconfig</c>s and global configs, e.g. the one carrying <c>build_property.*</c>).
    /// </summary>
    public static EditorConfigOptions FromFiles(IEnumerable<string> paths)
    {
        var configs = new List<AnalyzerConfig>();
        foreach (string path in paths)
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(File.ReadAllText(path), Path.GetFullPath(path)));
            }
            catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
            {
                throw new InputException($"cannot read analyzer config '{path}': {e.Message}");
            }
        }

        return new EditorConfigOptions(configs);
    }

    /// <summary>
    /// These configs and a global config holding a project's evaluated MSBuild properties as
    /// <c>build_property.NAME</c>, exactly as a build's generated global config carries the
    /// properties it makes visible with <c>CompilerVisibleProperty</c>.
    /// </summary>
    public EditorConfigOptions WithBuildProperties(IReadOnlyDictionary<string, string>? properties, string projectDirectory)
    {
        if (properties is null || properties.Count == 0)
        {
            return this;
        }

        var text = new System.Text.StringBuilder("is_global = true\n");
        foreach (KeyValuePair<string, string> property in properties.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            string value = property.Value.Replace('\r', ' ').Replace('\n', ' ').Trim();
            text.Append(KmodSharpSettings.BuildPropertyPrefix).Append(property.Key).Append(" = ").Append(value).Append('\n');
        }

        string path = Path.Combine(Path.GetFullPath(projectDirectory), "kmodsharp.project-properties.globalconfig");
        return new EditorConfigOptions(configs.Add(AnalyzerConfig.Parse(text.ToString(), path)));
    }

    // "root = true" in the preamble, before the first [section], ends the search upwards.
    private static bool IsRoot(string text)
    {
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('['))
            {
                return false;
            }

            string[] parts = line.Split('=', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals("root", System.StringComparison.OrdinalIgnoreCase))
            {
                return parts[1].Trim().Equals("true", System.StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>The severities configured for a source file.</summary>
    public ImmutableDictionary<string, ReportDiagnostic> SeveritiesFor(string path) => set.GetOptionsForSourcePath(path).TreeOptions;

    /// <summary>Per-tree severities, as the compiler applies them in <c>dotnet build</c>.</summary>
    public SyntaxTreeOptionsProvider SeverityProvider() => new Severities(this);

    /// <summary>The analyzer options provider for a compilation's trees.</summary>
    public AnalyzerConfigOptionsProvider Provider(IEnumerable<SyntaxTree> trees) =>
        new TreeOptionsProvider(
            trees.ToImmutableDictionary(t => t, t => set.GetOptionsForSourcePath(t.FilePath).AnalyzerOptions),
            set.GlobalConfigOptions.AnalyzerOptions);

    private sealed class TreeOptionsProvider(ImmutableDictionary<SyntaxTree, ImmutableDictionary<string, string>> perTree, ImmutableDictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            new Options(perTree.TryGetValue(tree, out ImmutableDictionary<string, string>? options) ? options : ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    private sealed class Severities(EditorConfigOptions owner) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            owner.SeveritiesFor(tree.FilePath).TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, System.Threading.CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
