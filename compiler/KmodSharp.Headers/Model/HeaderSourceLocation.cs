namespace KmodSharp.Headers.Model;

/// <summary>A position in a header, as a compiler prints it (<c>#line</c> directives honoured).</summary>
/// <param name="File">The file path as it was given or found on the include path.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record HeaderSourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}:{Column}";
}
