using System;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler;

/// <summary>
/// A bug in KmodSharp itself, never a user error: the rule set decides what translates, so a
/// construct the later stages cannot handle means the rules and the stage disagree. It carries the
/// C# location being translated when known, so the report points at the code that found the bug.
/// </summary>
public sealed class InternalCompilerException : Exception
{
    public InternalCompilerException(string message, Location? at = null)
        : base(message) => SourceLocation = at is { IsInSource: true } ? Format(at.GetMappedLineSpan()) : null;

    /// <summary>The C# location being translated, as <c>path(line,col)</c>, or null.</summary>
    public string? SourceLocation { get; }

    private static string Format(FileLinePositionSpan span) =>
        $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
}
