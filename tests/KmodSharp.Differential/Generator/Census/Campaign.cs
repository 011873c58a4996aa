using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using KmodSharp.Differential.Generator.Generation;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>
/// Generates and runs programs (a list of seeds, or seeds counting up until a deadline) and keeps
/// the totals: programs run, agreed, rejected (the census by diagnostic ID), and findings by class.
/// </summary>
public sealed class Campaign(GeneratorFeatures features, int inputsPerSyscall = ProgramRunner.DefaultInputs)
{
    private readonly ConcurrentBag<Finding> findings = [];
    private readonly Stopwatch clock = new();
    private int programs, agreed;

    public RejectionCensus Census { get; } = new();

    public IReadOnlyList<Finding> Findings => [.. findings.OrderBy(f => f.Seed)];

    public int Programs => programs;

    /// <summary>Called with each finding as it is found (for reduction and logging).</summary>
    public Action<Finding>? OnFinding { get; init; }

    public void Run(IEnumerable<int> seeds, int parallelism = 1)
    {
        clock.Start();
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, RunOne);
        clock.Stop();
    }

    /// <summary>Seeds <paramref name="firstSeed"/>, +1, … until <paramref name="duration"/> has passed.</summary>
    public void RunFor(TimeSpan duration, int firstSeed, int parallelism = 1)
    {
        DateTime end = DateTime.UtcNow + duration;
        int next = firstSeed - 1;
        clock.Start();
        Parallel.For(0, parallelism, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, _ =>
        {
            while (DateTime.UtcNow < end)
            {
                RunOne(Interlocked.Increment(ref next));
            }
        });
        clock.Stop();
    }

    private void RunOne(int seed)
    {
        GeneratedProgram program = ProgramGenerator.Generate(seed, features);
        ProgramOutcome outcome = ProgramRunner.Run(program, inputsPerSyscall);
        Interlocked.Increment(ref programs);
        switch (outcome)
        {
            case ProgramOutcome.Agreed:
                Interlocked.Increment(ref agreed);
                break;
            case ProgramOutcome.Rejected rejected:
                Census.Add(seed, rejected);
                break;
            case ProgramOutcome.Failed failed:
                findings.Add(failed.Finding);
                OnFinding?.Invoke(failed.Finding);
                break;
        }
    }

    public double ProgramsPerMinute => programs / Math.Max(clock.Elapsed.TotalMinutes, 1e-9);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append($"{programs} programs in {clock.Elapsed.TotalMinutes:F1} min ({ProgramsPerMinute:F1} programs/minute): {agreed} agreed, {Census.RejectedPrograms} rejected, {findings.Count} findings\n");
        foreach (IGrouping<FindingClass, Finding> group in findings.GroupBy(f => f.Class).OrderBy(g => g.Key))
        {
            text.Append($"  {group.Key}: {group.Count()} (seeds {string.Join(", ", group.Select(f => f.Seed).Order().Take(20))})\n");
        }

        text.Append(Census);
        return text.ToString();
    }
}
