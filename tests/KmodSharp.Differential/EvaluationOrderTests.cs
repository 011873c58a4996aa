using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// C# order of evaluation, named and default arguments and in arguments given computed values:
/// each module (Modules/Regressions/) must compile, run in the harness and agree with .NET.
/// </summary>
public sealed class EvaluationOrderTests
{
    [Fact]
    public void Operands_and_arguments_run_left_to_right_once() => Run("EvaluationOrder");

    [Fact]
    public void An_argument_assigning_an_earlier_local_runs_after_it() => Run("AssignmentsInArguments");

    [Fact]
    public void A_failing_argument_runs_after_the_earlier_ones() => Run("EvaluationOrderFailure");

    [Fact]
    public void Named_and_default_arguments_go_to_their_parameters() => Run("NamedArguments");

    [Fact]
    public void Named_out_arguments_go_to_their_parameters() => Run("NamedOutArguments");

    [Fact]
    public void Calls_written_as_a_stranger_would_agree_with_dotnet() => Run("StrangerCalls");

    [Fact]
    public void Operands_written_as_a_stranger_would_agree_with_dotnet() => Run("StrangerOperands");

    [Fact]
    public void Runtime_call_arguments_run_as_written() => Run("IntrinsicArguments");

    [Fact]
    public void In_arguments_given_computed_values_compile() => Run("AddressOfValue");

    [Fact]
    public void In_arguments_aliasing_a_capitalised_variable_read_it_through_its_address() => Run("CapitalisedLocals");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 300);
}
