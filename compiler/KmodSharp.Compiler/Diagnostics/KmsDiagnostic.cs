using System.Globalization;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum KmsSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A diagnostic as the CLI prints it: <c>path(line,col): error KMSnnnn: message (help link)</c>. The
/// help link follows the message in parentheses, as csc prints an analyzer's help link, so
/// MSBuild's canonical error format reads it as part of the message.
/// </summary>
public sealed record KmsDiagnostic(string Id, KmsSeverity Severity, string Message, SourceRef? Location)
{
    public bool IsError => Severity == KmsSeverity.Error;

    /// <summary>The page that explains a KmodSharp diagnostic (<c>docs/diagnostics/KMSnnnn.md</c>); null for the C# compiler's own.</summary>
    public string? HelpLink => Id.StartsWith("KMS", System.StringComparison.Ordinal) ? KmodSharp.Analyzers.DiagnosticDescriptors.HelpLink(Id) : null;

    public override string ToString()
    {
        string severity = Severity == KmsSeverity.Error ? "error" : "warning";
        string link = HelpLink is { } uri ? $" ({uri})" : "";
        return Location is null ? $"{severity} {Id}: {Message}{link}" : $"{Location}: {severity} {Id}: {Message}{link}";
    }

    /// <summary>Converts a Roslyn diagnostic (compiler or analyzer).</summary>
    public static KmsDiagnostic From(Diagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Severity == DiagnosticSeverity.Error ? KmsSeverity.Error : KmsSeverity.Warning,
        diagnostic.GetMessage(CultureInfo.InvariantCulture),
        Locate(diagnostic.Location));

    /// <summary>The 1-based position of a Roslyn location, or null outside source.</summary>
    public static SourceRef? Locate(Location location)
    {
        if (!location.IsInSource)
        {
            return null;
        }

        FileLinePositionSpan span = location.GetMappedLineSpan();
        return new SourceRef(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>A diagnostic from a KmodSharp descriptor.</summary>
    public static KmsDiagnostic Create(DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        From(Diagnostic.Create(descriptor, location, arguments));
}
