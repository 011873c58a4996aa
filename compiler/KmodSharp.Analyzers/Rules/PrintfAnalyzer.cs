using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0302: a <c>Kernel.Printf</c> format checked like <c>-Wformat</c> against its arguments' types;
/// KMS0303: the format is not a string literal (e.g. an interpolated string).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PrintfAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.PrintfMismatch, DiagnosticDescriptors.PrintfFormatNotLiteral);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                var invocation = (IInvocationOperation)c.Operation;
                if (RuntimeApi.Find(invocation.TargetMethod)?.FormatArgument(invocation) is not { } formatArgument)
                {
                    return;
                }

                IOperation format = formatArgument.Value;
                while (format is IConversionOperation { IsImplicit: true } conversion)
                {
                    format = conversion.Operand;
                }

                if (format is IInterpolatedStringOperation)
                {
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.PrintfFormatNotLiteral, format.Syntax.GetLocation(), "it is an interpolated string");
                    return;
                }

                if (format.ConstantValue is not { HasValue: true, Value: string text })
                {
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.PrintfFormatNotLiteral, format.Syntax.GetLocation(), "it is not a compile-time constant");
                    return;
                }

                var argumentTypes = invocation.TargetMethod.TypeArguments;
                var argumentLocations = new Location[argumentTypes.Length];
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    int ordinal = argument.Parameter?.Ordinal ?? 0;
                    if (ordinal > 0 && ordinal - 1 < argumentLocations.Length)
                    {
                        argumentLocations[ordinal - 1] = argument.Syntax.GetLocation();
                    }
                }

                foreach (PrintfFormat.Problem problem in PrintfFormat.Check(text, argumentTypes))
                {
                    Location location = problem.Argument >= 0 && problem.Argument < argumentLocations.Length && argumentLocations[problem.Argument] is { } argumentLocation
                        ? argumentLocation
                        : format.Syntax.GetLocation();
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.PrintfMismatch, location, problem.Message);
                }
            },
            OperationKind.Invocation);
    }
}
