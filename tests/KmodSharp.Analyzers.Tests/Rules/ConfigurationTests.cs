using Module = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.ModuleDeclarationAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>
/// Severities are configurable through .editorconfig like any analyzer's. (Raising a warning to an error
/// is checked by <see cref="BuildTests"/> in a real dotnet build.)
/// </summary>
public sealed class ConfigurationTests
{
    private const string FixedNumber = """
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall(Name = "a", {|#0:Number = 600|})] static int A(int v) => v;
        }
        """;

    [Fact]
    public Task EditorConfig_SilencesARule()
    {
        var test = new Module.Test { TestCode = FixedNumber.Replace("{|#0:", "", StringComparison.Ordinal).Replace("600|}", "600", StringComparison.Ordinal) };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.KMS0406.severity = none\n"));
        return test.RunAsync();
    }
}
