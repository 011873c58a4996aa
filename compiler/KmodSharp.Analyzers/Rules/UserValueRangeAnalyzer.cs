using System.Collections.Immutable;
using KmodSharp.Analyzers.Flow;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// User-controlled integers, by value range and taint (<see cref="UserRangeAnalysis"/>): KMS0205 a size
/// (<c>Kernel.Allocate</c> count, <c>Slice</c> or range bound) not bounded on both ends, in the method or
/// in a helper it passes the value to; KMS0206 a loop bound the user controls while a <c>KernelMutex</c> is held.
/// Each method's analysis is its summary, computed once per compilation and read at every call of it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserValueRangeAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnboundedUserLength, DiagnosticDescriptors.UserLoopUnderMutex);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        KernelScope scope = session.Scope;
        SummaryCache<UserRangeSummary> summaries = scope.Summaries<UserRangeSummary>(
            (method, body, cache) => UserRangeAnalysis.Summarize(method, body, cache, scope), UserRangeSummary.Empty);
        context.RegisterOperationBlockAction(c =>
        {
            if (c.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            Report(c, session, summaries.Of(method));
            foreach (IOperation block in c.OperationBlocks)
            {
                foreach (IOperation operation in block.Descendants())
                {
                    if (operation is ILocalFunctionOperation local)
                    {
                        Report(c, session, summaries.Of(local.Symbol));
                    }
                }
            }
        });
    }

    private static void Report(OperationBlockAnalysisContext c, KernelSession session, UserRangeSummary summary)
    {
        foreach (RangeFinding finding in summary.Findings)
        {
            session.Report(c.OwningSymbol, c.ReportDiagnostic, finding.Descriptor, finding.Location, finding.Arguments);
        }
    }
}
