using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Differential.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KmodSharp.Differential.Generator.Reduction;

/// <summary>
/// Shrinks a program while <c>predicate</c> (the same kind of difference persists) holds: each
/// round tries <see cref="Candidates"/> in order and takes the first that still compiles as C#
/// and still satisfies the predicate, until no candidate does or the budget is spent. The result
/// is Roslyn-normalized C#, small enough to paste into a regression test.
/// </summary>
public sealed class Reducer(Func<string, bool> predicate)
{
    /// <summary>Stop after this long (the last accepted program is the result).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many candidates reached the predicate (it is the expensive part).</summary>
    public int PredicateCalls { get; private set; }

    public string Reduce(string source)
    {
        var clock = Stopwatch.StartNew();
        SyntaxNode current = CSharpSyntaxTree.ParseText(source).GetRoot();
        // Candidates before the last accepted one failed already: each round resumes there, and
        // only a round that finds nothing from there starts over once from the first.
        int resume = 0;
        while (clock.Elapsed < Budget)
        {
            int accepted = -1, index = 0;
            foreach (SyntaxNode candidate in Candidates.Of(current).Skip(resume))
            {
                if (clock.Elapsed >= Budget)
                {
                    break;
                }

                index++;
                string text = candidate.ToFullString();
                if (text.Length >= current.FullSpan.Length || !CompilesAsCSharp(text))
                {
                    continue;
                }

                PredicateCalls++;
                if (predicate(text))
                {
                    current = CSharpSyntaxTree.ParseText(text).GetRoot();
                    accepted = resume + index - 1;
                    break;
                }
            }

            if (accepted >= 0)
            {
                resume = accepted;
            }
            else if (resume > 0)
            {
                resume = 0;
            }
            else
            {
                break;
            }
        }

        return ProgramGenerator.Normalize(current.ToFullString());
    }

    /// <summary>Whether Roslyn compiles the text against KmodSharp.Runtime without errors (analyzers aside).</summary>
    public static bool CompilesAsCSharp(string text)
    {
        var input = new SourceInput([new SourceFile(Path.Combine(Path.GetTempPath(), "Reduced.cs"), text)], Path.GetTempPath());
        return !CompilationFactory.Create(input).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}
