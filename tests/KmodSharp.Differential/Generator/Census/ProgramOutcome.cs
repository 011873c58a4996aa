using System.Collections.Immutable;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>What running one generated program gave.</summary>
public abstract record ProgramOutcome
{
    /// <summary>C# and C agreed on every input.</summary>
    public sealed record Agreed(int Inputs) : ProgramOutcome;

    /// <summary>The analyzers refused the program (not a finding: counted in the census by diagnostic ID).</summary>
    public sealed record Rejected(ImmutableArray<(string Id, string Message)> Diagnostics) : ProgramOutcome;

    /// <summary>A difference: a finding.</summary>
    public sealed record Failed(Finding Finding) : ProgramOutcome;
}
