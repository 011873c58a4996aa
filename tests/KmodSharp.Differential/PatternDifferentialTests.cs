using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Patterns written as a stranger would: each module (Modules/Regressions/) must compile, run in the
/// harness and agree with .NET.
/// </summary>
public sealed class PatternDifferentialTests
{
    [Fact]
    public void Switch_expression_arms_whose_tests_run_statements_are_tried_in_order_once() => Run("StrangerSwitchArms");

    [Fact]
    public void Property_patterns_on_a_structs_fields_agree_with_dotnet() => Run("StructFieldPatterns");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 300);
}
