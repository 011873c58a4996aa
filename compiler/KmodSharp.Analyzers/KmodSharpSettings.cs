using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Analyzers;

/// <summary>
/// A project's KmodSharp configuration, read in one place for the analyzers, the compiler and the
/// CLI. Its sources are Roslyn's analyzer config options: the MSBuild properties a build makes
/// visible with <c>CompilerVisibleProperty</c> (<c>build_property.KmodSharpStackBudget</c>, …, in
/// the generated global config; the CLI writes the same keys from the project's evaluated
/// properties) and the <c>.editorconfig</c> / global config key <c>kmodsharp.stack_budget</c>,
/// which wins over the property.
/// </summary>
public sealed class KmodSharpSettings
{
    /// <summary>The default stack budget of one handler's call chain, bytes.</summary>
    public const int DefaultStackBudget = 1024;

    /// <summary>The <c>.editorconfig</c> / global analyzer config key of the stack budget.</summary>
    public const string StackBudgetKey = "kmodsharp.stack_budget";

    /// <summary>The prefix Roslyn gives an MSBuild property made visible with <c>CompilerVisibleProperty</c>.</summary>
    public const string BuildPropertyPrefix = "build_property.";

    public const string StackBudgetProperty = "KmodSharpStackBudget";
    public const string LineDirectivesProperty = "KmodSharpLineDirectives";
    public const string FreeBsdVersionProperty = "KmodSharpFreeBSDVersion";

    /// <summary>The MSBuild properties read here (the CLI evaluates exactly these of a project).</summary>
    public static ImmutableArray<string> PropertyNames { get; } = ImmutableArray.Create(StackBudgetProperty, LineDirectivesProperty, FreeBsdVersionProperty);

    public static KmodSharpSettings Default { get; } = new(DefaultStackBudget, lineDirectives: true, freeBsdVersion: null);

    public KmodSharpSettings(int stackBudget, bool lineDirectives, int? freeBsdVersion)
    {
        StackBudget = stackBudget;
        LineDirectives = lineDirectives;
        FreeBsdVersion = freeBsdVersion;
    }

    /// <summary>Bytes of kernel stack one syscall's call chain may use (KMS0102).</summary>
    public int StackBudget { get; }

    /// <summary>Whether the generated C maps back to the C# source with <c>#line</c>.</summary>
    public bool LineDirectives { get; }

    /// <summary>The <c>__FreeBSD_version</c> (osreldate) a package is built for; null for the packager's default.</summary>
    public int? FreeBsdVersion { get; }

    /// <summary>
    /// The settings of a compilation: <paramref name="global"/> is the global options, <paramref name="tree"/>
    /// the options of one source file (its <c>.editorconfig</c> sections), which win for the stack budget.
    /// A value that does not parse is ignored, as if unset.
    /// </summary>
    public static KmodSharpSettings Read(AnalyzerConfigOptions global, AnalyzerConfigOptions? tree = null)
    {
        int stackBudget =
            (tree is not null ? PositiveInteger(tree, StackBudgetKey) : null)
            ?? PositiveInteger(global, StackBudgetKey)
            ?? PositiveInteger(global, BuildPropertyPrefix + StackBudgetProperty)
            ?? DefaultStackBudget;
        bool lineDirectives = Boolean(global, BuildPropertyPrefix + LineDirectivesProperty) ?? true;
        int? freeBsdVersion = PositiveInteger(global, BuildPropertyPrefix + FreeBsdVersionProperty);
        return new KmodSharpSettings(stackBudget, lineDirectives, freeBsdVersion);
    }

    private static int? PositiveInteger(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out string? text)
        && int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
        && value > 0 ? value : null;

    // MSBuild's booleans: true/false (any case); anything else is unset.
    private static bool? Boolean(AnalyzerConfigOptions options, string key) =>
        !options.TryGetValue(key, out string? text) ? null
        : string.Equals(text?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text?.Trim(), "false", System.StringComparison.OrdinalIgnoreCase) ? false
        : null;
}
