using System.Diagnostics;
using System.Globalization;
using KmodSharp.Bench.CodeGen;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;

namespace KmodSharp.Bench.Translation;

/// <summary>
/// Where a cold <c>check</c> spends its time, phase by phase, in this (fresh) process: runtime
/// start-up until Main, reading the input, creating the compilation and binding it (Roslyn's
/// share, mostly JIT and metadata loading), the analyzers, then lowering and printing.
/// Run it as its own process: <c>KmodSharp.Bench phases</c>.
/// </summary>
internal static class StartupPhases
{
    /// <summary>Phases of <c>examples/MySyscall</c>, or of a generated project of <paramref name="arguments"/>[0] handlers.</summary>
    public static int Run(string[] arguments)
    {
        int? handlers = arguments.Length > 0 ? int.Parse(arguments[0], CultureInfo.InvariantCulture) : null;
        double untilMain = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var phases = new List<(string Phase, double Milliseconds)> { ("runtime start-up until Main", untilMain) };
        var clock = Stopwatch.StartNew();
        double Lap()
        {
            double elapsed = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            return elapsed;
        }

        SourceInput input = handlers is { } n ? GeneratedProject.Create(n) : InputLoader.Load([RepositoryPaths.Example("MySyscall")]);
        EditorConfigOptions editorConfig = EditorConfigOptions.For(input.ProjectDirectory);
        phases.Add(("read the input and .editorconfig", Lap()));
        var compilation = CompilationFactory.Create(input, editorConfig);
        phases.Add(("create the compilation (reference assemblies)", Lap()));
        _ = compilation.GetDiagnostics();
        phases.Add(("bind: C# diagnostics", Lap()));
        _ = DiagnosticRunner.Run(compilation, editorConfig).Diagnostics;
        phases.Add(("analyzers (KMS rules)", Lap()));
        _ = KmodCompiler.Compile(input, new LoweringOptions());
        phases.Add(("a whole translation again (lowering and printing cold, the rest warm)", Lap()));
        if (handlers is not null)
        {
            _ = KmodCompiler.Compile(input, new LoweringOptions());
            phases.Add(("a whole translation, all warm", Lap()));
            _ = DiagnosticRunner.Run(CompilationFactory.Create(input, editorConfig), editorConfig);
            phases.Add(("of which C# diagnostics and analyzers on a new compilation, warm", Lap()));
        }

        Console.WriteLine();
        Console.WriteLine($"### Cold translation of {(handlers is { } count ? $"{count} generated handlers" : "examples/MySyscall")}, by phase (one fresh process)");
        Console.WriteLine();
        Console.WriteLine("| phase | ms |");
        Console.WriteLine("|---|---:|");
        foreach ((string phase, double milliseconds) in phases)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {phase} | {milliseconds:F0} |"));
        }

        return 0;
    }
}
