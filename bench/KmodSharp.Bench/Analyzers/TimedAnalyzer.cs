using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Bench.Analyzers;

/// <summary>
/// Runs an analyzer unchanged and adds up the wall time of its callbacks, as the compiler's
/// <c>-p:ReportAnalyzer=true</c> does: the analyzer's own cost, without the driver's binding.
/// </summary>
// A wrapper, not a rule: the wrapped analyzer declares its attribute and configures its own analysis.
#pragma warning disable RS1001, RS1025, RS1026
internal sealed class TimedAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long timestamps;
    private long callbacks;

    public DiagnosticAnalyzer Inner => inner;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => inner.SupportedDiagnostics;

    /// <summary>Time spent in the analyzer's callbacks so far, milliseconds.</summary>
    public double Milliseconds => Interlocked.Read(ref timestamps) * 1000.0 / Stopwatch.Frequency;

    /// <summary>How many callbacks ran.</summary>
    public long Callbacks => Interlocked.Read(ref callbacks);

    public override void Initialize(AnalysisContext context) => inner.Initialize(new TimedAnalysisContext(context, this));
#pragma warning restore RS1001, RS1025, RS1026

    /// <summary>Wraps a callback so its time counts towards this analyzer.</summary>
    public Action<T> Time<T>(Action<T> action) => argument =>
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref timestamps, Stopwatch.GetTimestamp() - start);
            Interlocked.Increment(ref callbacks);
        }
    };
}
