using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using KmodSharp.Analyzers;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Differential.Generator.Generation;
using KmodSharp.Differential.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>
/// One engine decides what translates: for every example, every test module (the refused corpus,
/// Modules/Refused, included) and the generator's programs, the diagnostics the IDE and
/// <c>dotnet build</c> show (C# errors and the analyzers of <see cref="AnalyzerCatalog"/>, run as
/// Roslyn runs them) are exactly those of <c>kmodsharp check</c>, and neither throws. A diagnostic
/// only the backend found would be code the IDE accepts and the build refuses.
/// </summary>
public sealed class OneEngineTests(ITestOutputHelper output)
{
    private const int GeneratorSeeds = 40;

    [Fact]
    public void The_IDE_and_kmodsharp_check_report_the_same_diagnostics()
    {
        List<string> inputs = [.. Examples(), .. Modules(), .. GeneratedPrograms()];
        var disagreements = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, directory =>
        {
            string[] ide = IdeDiagnostics(directory);
            (string[] check, string errors) = CheckDiagnostics(directory);
            if (errors.Length > 0)
            {
                disagreements.Add($"{directory}: kmodsharp check failed: {errors}");
            }

            foreach (string line in ide.Where(l => l.Contains(" AD0001:", StringComparison.Ordinal)))
            {
                disagreements.Add($"{directory}: an analyzer threw: {line}");
            }

            if (directory.Contains("_Refused_", StringComparison.Ordinal) && !ide.Any(l => l.Contains(": error KMS", StringComparison.Ordinal)))
            {
                disagreements.Add($"{directory}: a refused module that nothing refuses");
            }

            if (!ide.SequenceEqual(check))
            {
                disagreements.Add($"{directory}:\n  IDE only:   {string.Join("\n              ", ide.Except(check))}\n  check only: {string.Join("\n              ", check.Except(ide))}");
            }
        });

        output.WriteLine($"{inputs.Count} inputs compared (examples, test modules, refused modules, generator seeds 1–{GeneratorSeeds})");
        Assert.True(disagreements.IsEmpty, string.Join("\n", disagreements.Order()));
        Assert.True(inputs.Count > GeneratorSeeds + 60, $"only {inputs.Count} inputs found");
    }

    /// <summary>The analyzers as the IDE runs them: the compilation, its C# errors, and the rule set through <see cref="CompilationWithAnalyzers"/>.</summary>
    private static string[] IdeDiagnostics(string directory)
    {
        SourceInput input = InputLoader.Load([directory]);
        EditorConfigOptions editorConfig = EditorConfigOptions.For(input.ProjectDirectory).WithBuildProperties(input.ProjectProperties, input.ProjectDirectory);
        Compilation compilation = CompilationFactory.Create(input, editorConfig);
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers(AnalyzerCatalog.All, new AnalyzerOptions([], editorConfig.Provider(compilation.SyntaxTrees)))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return [.. diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error && !d.IsSuppressed)
            .Select(d => KmsDiagnostic.From(d).ToString().Trim())
            .Order(StringComparer.Ordinal)];
    }

    /// <summary><c>kmodsharp check &lt;directory&gt;</c>, in-process: its diagnostic lines, and what it wrote to stderr.</summary>
    private static (string[] Diagnostics, string Errors) CheckDiagnostics(string directory)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = Cli.Program.Run(["check", directory], stdout, stderr);
        string errors = exit is 0 or 1 ? stderr.ToString().Trim() : $"exit {exit}: {stderr.ToString().Trim()}";
        return ([.. stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal)], errors);
    }

    private static IEnumerable<string> Examples() =>
        Directory.GetDirectories(Path.Combine(TestModules.RepositoryRoot, "examples")).Where(d => Directory.EnumerateFiles(d, "*.cs").Any()).Order(StringComparer.Ordinal);

    // Every module file, each in a directory of its own as a user would check it.
    private static IEnumerable<string> Modules() =>
        Directory.EnumerateFiles(Path.Combine(TestModules.RepositoryRoot, "tests", "KmodSharp.Differential", "Modules"), "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => InDirectory(Path.ChangeExtension(Path.GetRelativePath(TestModules.RepositoryRoot, file), null).Replace(Path.DirectorySeparatorChar, '_'), Path.GetFileName(file), File.ReadAllText(file)));

    private static IEnumerable<string> GeneratedPrograms() =>
        Enumerable.Range(1, GeneratorSeeds).Select(seed => ProgramGenerator.Generate(seed, GeneratorFeatures.Ci))
            .Select(program => InDirectory("seed" + program.Seed, program.FileName, program.Text));

    private static string InDirectory(string name, string fileName, string text)
    {
        string directory = Path.Combine(Path.GetTempPath(), "kmodsharp-one-engine", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, fileName), text);
        return directory;
    }
}
