using KmodSharp.Differential.Support;
using Xunit;

namespace KmodSharp.Differential;

/// <summary>
/// Findings of the program generator's long runs (bench/programs.sh, seeds from 1000), reduced and
/// widened to their whole class: each module (Modules/Regressions/) must compile, run in the
/// harness and agree with .NET on every input.
/// </summary>
public sealed class LongRunFindingsTests
{
    [Fact]
    public void Checked_compound_assignments_convert_back_with_a_checked_conversion() => Run("CheckedCompoundAssignments");

    [Fact]
    public void Unchecked_compound_assignments_wrap_to_the_target_type() => Run("UncheckedCompoundAssignments");

    [Fact]
    public void Constant_dividends_get_the_minimum_over_minus_one_check() => Run("ConstantDividends");

    [Fact]
    public void A_log_longer_than_the_message_buffer_compares_what_the_buffer_kept() => Run("FullMessageBuffer");

    private static void Run(string module) => TestModules.AgreesWithDotnet(module, inputsPerSyscall: 400);
}
