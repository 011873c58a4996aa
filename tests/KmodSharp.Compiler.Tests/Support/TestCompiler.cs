using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Xunit;

namespace KmodSharp.Compiler.Tests.Support;

/// <summary>Compiles C# from strings or example folders, and fails the test on any diagnostic error.</summary>
internal static class TestCompiler
{
    public static CompileResult CompileSource(string source, string fileName = "Module.cs") =>
        KmodCompiler.Compile(new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), fileName), source)], Path.GetTempPath()), new LoweringOptions());

    public static ModuleArtifacts Module(string source, string fileName = "Module.cs") => Single(CompileSource(source, fileName));

    public static ModuleArtifacts Example(string name) =>
        Single(KmodCompiler.Compile(InputLoader.Load([Repository.Example(name)]), new LoweringOptions()));

    private static ModuleArtifacts Single(CompileResult result)
    {
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return Assert.Single(result.Modules);
    }

    public static ImmutableArray<ModuleArtifacts> All(params ModuleArtifacts[] modules) => [.. modules];

    public static string CSource(this ModuleArtifacts module) => module[module.ModuleName + ".c"].Text;

    /// <summary>C text with the printer's 80-column wrapping undone (a continuation line joins its statement), for assertions on whole statements.</summary>
    public static string Unwrapped(string c) => System.Text.RegularExpressions.Regex.Replace(c, @"\n\t*    (?=\S)", " ");

    /// <summary>The definition of one C function of the module's source, from its name to its closing brace, without <c>#line</c> directives.</summary>
    public static string CFunction(this ModuleArtifacts module, string name)
    {
        string c = module.CSource();
        int start = c.IndexOf($"\n{name}(", System.StringComparison.Ordinal);
        Assert.True(start >= 0, $"no function {name} in:\n{c}");
        string definition = c[start..c.IndexOf("\n}\n", start, System.StringComparison.Ordinal)];
        return string.Join('\n', definition.Split('\n').Where(line => !line.StartsWith("#line ", System.StringComparison.Ordinal)));
    }

    public static string Names(this CompileResult result) => string.Join("\n", result.Diagnostics.Select(d => d.ToString()));
}
