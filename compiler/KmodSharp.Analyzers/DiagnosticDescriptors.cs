using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers;

/// <summary>Every descriptor, one place; each help link points at <c>docs/diagnostics/&lt;ID&gt;.md</c>.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>The base of every help link.</summary>
    public const string HelpBase = "https://github.com/kmodsharp/kmodsharp/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor GcAllocation = Create(
        DiagnosticIds.GcAllocation,
        "Kernel code cannot allocate on the GC heap",
        "{0} allocates on the GC heap, which does not exist in the kernel{1}; use a struct, a stackalloc span or kernel memory",
        DiagnosticCategories.ManagedRuntime);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        DiagnosticIds.UnsupportedConstruct,
        "The translator does not support this construct",
        "{0} cannot be translated to kernel C: {1}",
        DiagnosticCategories.Backend);

    private static DiagnosticDescriptor Create(string id, string title, string message, string category,
        DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id + ".md");
}
