using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>KMS0002: <c>throw</c> and <c>try</c>/<c>catch</c>/<c>finally</c> — the kernel has no unwinder.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ExceptionAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.Exception);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                Location location;
                string construct;
                if (c.Operation is ITryOperation { Syntax: TryStatementSyntax tryStatement } tryOperation)
                {
                    location = tryStatement.TryKeyword.GetLocation();
                    construct = tryOperation.Catches.IsEmpty ? "'try'/'finally'" : "'try'/'catch'";
                }
                else if (c.Operation is IThrowOperation)
                {
                    location = c.Operation.Syntax.GetLocation();
                    construct = "'throw'";
                }
                else
                {
                    return;
                }

                session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.Exception, location, construct);
            },
            OperationKind.Try,
            OperationKind.Throw);
    }
}
