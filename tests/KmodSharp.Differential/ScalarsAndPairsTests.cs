using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Scalar statics with initializers, two-value results written as tuple literals with variables,
/// and deconstruction assignments: each module (Modules/Regressions/) must compile, run in the
/// harness and agree with .NET on every input.
/// </summary>
public sealed class ScalarsAndPairsTests
{
    [Fact]
    public void Scalar_statics_of_every_type_start_with_their_initializers() => Run("ScalarStaticInitializers");

    [Fact]
    public void Pairs_returned_as_tuple_literals_of_variables_translate() => Run("PairLiterals");

    [Fact]
    public void Deconstruction_assignments_evaluate_every_value_before_assigning() => Run("Deconstructions");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 200);
}
