using System;
using Xunit;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>Sets a process environment variable until disposed, then puts back what was there.</summary>
internal sealed class EnvironmentVariable : IDisposable
{
    private readonly string name;
    private readonly string? previous;

    public EnvironmentVariable(string name, string value)
    {
        this.name = name;
        previous = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose() => Environment.SetEnvironmentVariable(name, previous);
}

/// <summary>Tests that set <c>SOURCE_DATE_EPOCH</c> in this process: they run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SourceDateEpochCollection
{
    public const string Name = "SOURCE_DATE_EPOCH";
}
