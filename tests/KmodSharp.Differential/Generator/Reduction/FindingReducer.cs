using System;
using KmodSharp.Differential.Generator.Census;

namespace KmodSharp.Differential.Generator.Reduction;

/// <summary>Reduces a finding's program with the predicate "running it still gives a finding with the same <see cref="Finding.Signature"/>".</summary>
public static class FindingReducer
{
    public static (string Text, int PredicateCalls) Reduce(Finding finding, string text, TimeSpan budget, int inputsPerSyscall = ProgramRunner.DefaultInputs)
    {
        var reducer = new Reducer(candidate =>
            ProgramRunner.Run(finding.Seed, candidate, $"Gen{finding.Seed}.cs", inputsPerSyscall) is ProgramOutcome.Failed failed
            && failed.Finding.Signature == finding.Signature)
        {
            Budget = budget,
        };
        return (reducer.Reduce(text), reducer.PredicateCalls);
    }
}
