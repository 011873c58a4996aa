using System.Collections.Immutable;
using System.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace KmodSharp.Bench.Analyzers;

/// <summary>Medians over the edited handlers.</summary>
/// <param name="Edits">How many handlers were edited, one at a time.</param>
/// <param name="AnalyzerMilliseconds">CPU time of the KmodSharp callbacks analysing the edited document.</param>
/// <param name="DocumentMilliseconds">Wall time of that document's analyzer diagnostics: new compilation, driver, binding, callbacks.</param>
/// <param name="CompilerMilliseconds">Wall time of the compiler's own diagnostics of the same document (what the IDE computes anyway).</param>
internal sealed record EditResult(int Edits, double AnalyzerMilliseconds, double DocumentMilliseconds, double CompilerMilliseconds);

/// <summary>
/// A keystroke-sized edit, as the IDE sees it: one character of one handler's body changes, the document
/// is re-parsed incrementally into a new compilation, and that one document's semantic diagnostics are
/// asked for — the compiler's, then the analyzers' (<c>GetAnalyzerSemanticDiagnosticsAsync(model, null)</c>).
/// </summary>
internal static class EditRun
{
    private const string Edited = "(b << 3)";

    public static EditResult Measure(SourceInput input, int edits)
    {
        var compilation = CompilationFactory.Create(input, nullableAnalysis: true); // as the IDE compiles it
        _ = compilation.GetDiagnostics();
        ImmutableArray<SyntaxTree> trees = [.. compilation.SyntaxTrees];
        var analyzer = new List<double>();
        var document = new List<double>();
        var compiler = new List<double>();
        for (int i = 0; i < edits; i++)
        {
            SyntaxTree tree = trees[(int)((long)i * trees.Length / edits)];
            SourceText text = tree.GetText();
            int at = text.ToString().IndexOf(Edited, StringComparison.Ordinal);
            SyntaxTree changed = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at + Edited.Length - 2, 1), "4")));
            Compilation edited = compilation.ReplaceSyntaxTree(tree, changed);

            var timer = Stopwatch.StartNew();
            _ = edited.GetSemanticModel(changed).GetDiagnostics();
            compiler.Add(timer.Elapsed.TotalMilliseconds);

            ImmutableArray<TimedAnalyzer> timed = InProcessRun.Timed();
            timer.Restart();
            var analysis = InProcessRun.WithAnalyzers(edited, timed);
            ImmutableArray<Diagnostic> found = analysis.GetAnalyzerSemanticDiagnosticsAsync(edited.GetSemanticModel(changed), null, CancellationToken.None).GetAwaiter().GetResult();
            document.Add(timer.Elapsed.TotalMilliseconds);
            analyzer.Add(InProcessRun.Total(timed));
            InProcessRun.Rethrow(found);
        }

        return new EditResult(edits, Statistics.Median(analyzer), Statistics.Median(document), Statistics.Median(compiler));
    }
}
