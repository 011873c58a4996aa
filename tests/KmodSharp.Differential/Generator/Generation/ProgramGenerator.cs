using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>A generated module: its seed (which replays it), its module name and its C# text.</summary>
public sealed record GeneratedProgram(int Seed, string ModuleName, string Text)
{
    public string FileName => $"Gen{Seed}.cs";
}

/// <summary>
/// Writes a random, valid KmodSharp module from a seed, Fuzzlyn-style: types, statics, helpers,
/// then syscalls, each folding all its state into a checksum. The same seed and features always
/// give byte-identical text (one seeded <see cref="Random"/>, no other input), normalized by Roslyn.
/// </summary>
public static class ProgramGenerator
{
    public static GeneratedProgram Generate(int seed, GeneratorFeatures? features = null)
    {
        features ??= GeneratorFeatures.All;
        var module = new ModuleContext(new Random(seed), features);
        var writer = new CodeWriter();
        writer.Line("using System;");
        writer.Line("using System.Runtime.CompilerServices;");
        writer.Line("using KmodSharp;");
        writer.Line("");
        writer.Line("namespace Generated;");
        writer.Line("");
        new TypeGenerator(module, writer).Generate();

        string seedText = seed.ToString(CultureInfo.InvariantCulture);
        bool kernelLike = features.KernelLikeNames && module.Chance(15);
        string moduleName = kernelLike ? module.Pick(KernelLikeNames.Modules) : "gen" + seedText;
        module.Name = moduleName;
        module.NameRandom = new Random(seed);
        writer.Line($"[KernelModule(\"{moduleName}\")]");
        writer.Open($"public static class Gen{seedText}");
        new StaticGenerator(module, writer).Generate();
        new HelperGenerator(module, writer).Generate();
        var syscalls = new SyscallGenerator(module, writer);
        int count = module.Random.Next(2, 5);
        for (int i = 0; i < count; i++)
        {
            string? syscallName = features.KernelLikeNames && module.Chance(10) ? KernelLikeNames.Syscalls[(seed + i) % KernelLikeNames.Syscalls.Length] : null;
            syscalls.Generate($"Op{i}", syscallName);
        }

        foreach (string kind in module.SpanHelperKinds)
        {
            writer.Line($"private static Span<{kind}> Cut_{kind}(Span<{kind}> s, int start, int length) => s.Slice(start, length);");
            writer.Line($"private static KernelBuffer<{kind}> Make_{kind}(int count) => Kernel.Allocate<{kind}>(count, MallocFlags.WaitOk | MallocFlags.Zero);");
        }

        writer.Close();
        return new GeneratedProgram(seed, moduleName, Normalize(writer.ToString()));
    }

    /// <summary>Roslyn's normalized layout of the text (four-space indentation, one statement a line).</summary>
    public static string Normalize(string text) =>
        CSharpSyntaxTree.ParseText(text).GetRoot().NormalizeWhitespace("    ", "\n").ToFullString() + "\n";
}
