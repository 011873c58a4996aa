using System;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Frontend;
using KmodSharp.Differential.Generator.Generation;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace KmodSharp.Differential;

/// <summary>The program generator (docs/testing.md, "Generated programs"): deterministic, valid C#, a reducer that shrinks, and a fixed list of seeds end to end.</summary>
public sealed class GeneratorTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_generated_program_compiles_as_CSharp()
    {
        var failures = Enumerable.Range(1, 200)
            .Select(seed => ProgramGenerator.Generate(seed))
            .Select(p => (p.Seed, Errors: CSharpErrors(p.Text)))
            .Where(r => r.Errors.Length > 0)
            .ToList();
        foreach ((int seed, Diagnostic[] errors) in failures)
        {
            output.WriteLine($"seed {seed}:\n  {string.Join("\n  ", errors.Take(3))}");
        }

        Assert.Empty(failures.Select(f => f.Seed));
    }

    [Fact]
    public void Scratch_campaign()
    {
        int from = int.Parse(Environment.GetEnvironmentVariable("GEN_FROM") ?? "1"), count = int.Parse(Environment.GetEnvironmentVariable("GEN_COUNT") ?? "10");
        var campaign = new KmodSharp.Differential.Generator.Census.Campaign(Environment.GetEnvironmentVariable("GEN_CI") is null ? GeneratorFeatures.All : GeneratorFeatures.Ci);
        campaign.Run(Enumerable.Range(from, count), 2);
        output.WriteLine(campaign.ToString());
        if (Environment.GetEnvironmentVariable("GEN_DUMP") is { } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (int seed in Enumerable.Range(from, count))
            {
                var program = ProgramGenerator.Generate(seed, Environment.GetEnvironmentVariable("GEN_CI") is null ? GeneratorFeatures.All : GeneratorFeatures.Ci);
                Directory.CreateDirectory(Path.Combine(dump, "s" + seed));
                File.WriteAllText(Path.Combine(dump, "s" + seed, program.FileName), program.Text);
            }
        }

        foreach (var f in campaign.Findings)
        {
            output.WriteLine($"--- seed {f.Seed} {f.Class}\n{f.Detail[..Math.Min(f.Detail.Length, 1500)]}");
        }
    }

    /// <summary>Roslyn's errors for the text compiled against KmodSharp.Runtime with the frontend's references.</summary>
    internal static Diagnostic[] CSharpErrors(string text)
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "Generated.cs"), text)], Path.GetTempPath());
        return [.. CompilationFactory.Create(input).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)];
    }
}
