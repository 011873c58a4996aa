using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Xunit;

namespace KmodSharp.Compiler.Tests.Frontend;

/// <summary>
/// <c>kmodsharp check</c> stops after the diagnostics (nothing it would throw away is lowered or
/// printed) and still reports exactly what a translation of the same input reports.
/// </summary>
public sealed class CheckTests
{
    private static SourceInput Input(string body) => new(
        [new SourceFile(Path.Combine(Path.GetTempPath(), "Probe.cs"), "using KmodSharp;\n" + body)],
        Path.GetTempPath());

    private const string Module = """
        [KernelModule("probe")]
        public static class Probe
        {
            [Syscall(Name = "probe_twice")]
            public static int Twice(int value)
            {
                int unused;
                return value * 2;
            }
        }
        """;

    [Theory]
    [InlineData(Module)]
    [InlineData("[KernelModule(\"probe\")]\npublic static class Probe { [Syscall] public static int Twice(int value) => value * missing; }")]
    public void Check_reports_what_a_translation_reports_and_translates_nothing(string source)
    {
        CompileResult translated = KmodCompiler.Compile(Input(source), new LoweringOptions());
        CompileResult checkedOnly = KmodCompiler.Check(Input(source));

        Assert.NotEmpty(translated.Diagnostics);
        Assert.Equal(translated.Diagnostics.Select(d => d.ToString()), checkedOnly.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(checkedOnly.Modules);
    }

    [Fact]
    public void A_warning_alone_still_translates_but_check_only_reports_it()
    {
        Assert.Single(KmodCompiler.Compile(Input(Module), new LoweringOptions()).Modules);
        Assert.Contains(KmodCompiler.Check(Input(Module)).Diagnostics, d => d.ToString().Contains("CS0168", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Check_of_an_input_without_a_module_fails_as_a_translation_does()
    {
        SourceInput plain = Input("public static class Plain { public static int F() => 1; }");

        Assert.Contains("no [KernelModule] class", Assert.Throws<InputException>(() => KmodCompiler.Check(plain)).Message);
        Assert.Contains("no [KernelModule] class", Assert.Throws<InputException>(() => KmodCompiler.Compile(plain, new LoweringOptions())).Message);
    }
}
