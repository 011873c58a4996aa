namespace KmodSharp.Headers.Model;

/// <summary>A message clang emitted while parsing.</summary>
/// <param name="Severity">How bad it is.</param>
/// <param name="Message">The text, without location or severity.</param>
/// <param name="Location">Where it points, or <see langword="null"/> for messages about the command line.</param>
public sealed record HeaderDiagnostic(HeaderDiagnosticSeverity Severity, string Message, HeaderSourceLocation? Location)
{
    /// <summary>True for errors and fatal errors.</summary>
    public bool IsError => Severity >= HeaderDiagnosticSeverity.Error;

    /// <summary>The diagnostic as a compiler prints it: <c>file:line:col: error: message</c>.</summary>
    public override string ToString()
    {
        string severity = Severity switch
        {
            HeaderDiagnosticSeverity.Fatal => "fatal error",
            _ => Severity.ToString().ToLowerInvariant(),
        };
        return Location is null ? $"{severity}: {Message}" : $"{Location}: {severity}: {Message}";
    }
}

/// <summary>Diagnostic severities, in clang's order.</summary>
public enum HeaderDiagnosticSeverity
{
    /// <summary>Suppressed by the options.</summary>
    Ignored,

    /// <summary>Extra information attached to another diagnostic.</summary>
    Note,

    /// <summary>A warning.</summary>
    Warning,

    /// <summary>An error: the header is not valid C for these options.</summary>
    Error,

    /// <summary>An error after which clang stopped (e.g. a missing include).</summary>
    Fatal,
}
