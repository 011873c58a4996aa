using System.IO;
using KmodSharp.Compiler.Pipeline.Frontend;
using Xunit;

namespace KmodSharp.Compiler.Tests.Frontend;

/// <summary>
/// A translation skips nullable flow analysis (it only warns about reference types, which the
/// kernel subset rejects anyway); the IDE's compilation keeps it.
/// </summary>
public sealed class CompilationFactoryTests
{
    private static readonly SourceInput Input = new(
        [new SourceFile(Path.Combine(Path.GetTempPath(), "Nullable.cs"), "public static class Names { public static int Length(string? name) => name.Length; }")],
        Path.GetTempPath());

    [Fact]
    public void The_translation_compilation_reports_no_nullable_warning()
    {
        Assert.DoesNotContain(CompilationFactory.Create(Input).GetDiagnostics(), d => d.Id == "CS8602");
    }

    [Fact]
    public void The_ide_compilation_runs_nullable_analysis()
    {
        Assert.Contains(CompilationFactory.Create(Input, nullableAnalysis: true).GetDiagnostics(), d => d.Id == "CS8602");
    }
}
