using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace KmodSharp.Differential.Generator.Census;

/// <summary>
/// How often the analyzers refused generated programs, by diagnostic ID: every rejection is either
/// a real rule the generator should respect or a false error to report. Keeps one example message per ID.
/// </summary>
public sealed class RejectionCensus
{
    private readonly ConcurrentDictionary<string, int> programs = new();
    private readonly ConcurrentDictionary<string, string> examples = new();

    public int RejectedPrograms => rejected;

    private int rejected;

    public void Add(int seed, ProgramOutcome.Rejected rejection)
    {
        System.Threading.Interlocked.Increment(ref rejected);
        foreach (IGrouping<string, (string Id, string Message)> diagnostics in rejection.Diagnostics.GroupBy(d => d.Id))
        {
            programs.AddOrUpdate(diagnostics.Key, 1, (_, n) => n + 1);
            examples.TryAdd(diagnostics.Key, $"seed {seed}: {diagnostics.First().Message}");
        }
    }

    /// <summary>Programs rejected per diagnostic ID (a program with two IDs counts for both).</summary>
    public IReadOnlyDictionary<string, int> ByDiagnostic => programs.ToDictionary(p => p.Key, p => p.Value);

    public override string ToString()
    {
        var text = new StringBuilder($"rejection census: {rejected} programs rejected\n");
        foreach ((string id, int count) in programs.OrderByDescending(p => p.Value).ThenBy(p => p.Key, System.StringComparer.Ordinal))
        {
            text.Append($"  {id}: {count} programs (e.g. {examples[id]})\n");
        }

        return text.ToString();
    }
}
