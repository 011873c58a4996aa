using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

/// <summary>
/// Runs an analyzer unchanged and adds up the CPU time of its callbacks (<see cref="CpuClock"/>): the
/// analyzer's own cost, without the driver's binding and without time lost to other processes.
/// </summary>
// A wrapper, not a rule: the wrapped analyzer declares its attribute and configures its own analysis.
#pragma warning disable RS1001, RS1025, RS1026
internal sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long nanoseconds;
    private long callbacks;

    public DiagnosticAnalyzer Inner => inner;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    /// <summary>
    /// CPU time spent in the analyzer's callbacks so far, milliseconds, less the clock's own cost inside
    /// each measured interval (<see cref="CpuClock.Overhead"/>: reading the thread CPU clock is a system call).
    /// </summary>
    public double Milliseconds => Math.Max(0, Interlocked.Read(ref nanoseconds) - (Interlocked.Read(ref callbacks) * CpuClock.Overhead)) / 1e6;

    /// <summary>How many callbacks ran.</summary>
    public long Callbacks => Interlocked.Read(ref callbacks);

    public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedAnalysisContext(context, this));
#pragma warning restore RS1001, RS1025, RS1026

    /// <summary>Wraps a callback so its CPU time counts towards this analyzer.</summary>
    public Action<T> Time<T>(Action<T> action) => argument =>
    {
        long start = CpuClock.Now();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref nanoseconds, CpuClock.Now() - start);
            Interlocked.Increment(ref callbacks);
        }
    };
}
