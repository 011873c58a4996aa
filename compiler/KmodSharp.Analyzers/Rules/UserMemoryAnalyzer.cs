using System.Collections.Immutable;
using System.Threading;
using KmodSharp.Analyzers.Flow;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// User-memory rules: KMS0200 raw pointer syscall parameters, KMS0201 unchecked copy/fetch/store
/// results (also of helpers returning such a result's error), KMS0203 <c>[SkipLocalsInit]</c>. (User-controlled sizes,
/// KMS0205, are <see cref="UserValueRangeAnalyzer"/>'s.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserMemoryAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.RawPointerParameter,
        DiagnosticDescriptors.IgnoredCopyResult,
        DiagnosticDescriptors.SkipLocalsInit);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        int assemblyReported = 0;
        context.RegisterSymbolAction(
            c =>
            {
                if (c.Symbol is IMethodSymbol method && session.Scope.GetEntryKind(method) == EntryKind.Syscall)
                {
                    CheckPointerParameters(c, session, method);
                }

                if (session.Scope.IsKernelCode(c.Symbol))
                {
                    CheckSkipLocalsInit(c, session, c.Symbol, c.Symbol is IMethodSymbol ? "method '" + c.Symbol.Name + "'" : "kernel class '" + c.Symbol.Name + "'");
                    if (c.Symbol is INamedTypeSymbol && Interlocked.Exchange(ref assemblyReported, 1) == 0)
                    {
                        CheckSkipLocalsInit(c, session, c.Compilation.Assembly, "the assembly");
                        CheckSkipLocalsInit(c, session, c.Compilation.SourceModule, "the module");
                    }
                }
            },
            SymbolKind.Method,
            SymbolKind.NamedType);

        context.RegisterOperationAction(c => CheckInvocation(c, session), OperationKind.Invocation);
    }

    private static void CheckPointerParameters(SymbolAnalysisContext c, KernelSession session, IMethodSymbol method)
    {
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type is IPointerTypeSymbol pointer)
            {
                ITypeSymbol pointed = pointer.PointedAtType;
                string suggestion = pointed.SpecialType is SpecialType.System_Void
                    ? "UserPtr<byte>"
                    : pointed.SpecialType is SpecialType.System_Byte or SpecialType.System_SByte
                        ? "UserPtr<byte> (or UserString for a NUL-terminated string)"
                        : "UserPtr<" + pointed.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + ">";
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RawPointerParameter, SymbolLocation.Of(parameter),
                    parameter.Name, session.Scope.GetSyscallName(method), parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), suggestion));
            }
            else if (parameter.Type.TypeKind == TypeKind.FunctionPointer)
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RawPointerParameter, SymbolLocation.Of(parameter),
                    parameter.Name, session.Scope.GetSyscallName(method), parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), "UserPtr<byte>"));
            }
        }
    }

    private static void CheckSkipLocalsInit(SymbolAnalysisContext c, KernelSession session, ISymbol symbol, string what)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (KnownTypes.Is(attribute.AttributeClass, session.Types.SkipLocalsInitAttribute) && attribute.ApplicationSyntaxReference is { } reference)
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SkipLocalsInit, reference.GetSyntax(c.CancellationToken).GetLocation(), what));
            }
        }
    }

    private static void CheckInvocation(OperationAnalysisContext c, KernelSession session)
    {
        var invocation = (IInvocationOperation)c.Operation;
        if (!IsDiscarded(invocation))
        {
            return;
        }

        // A checked runtime call (Errno, or -1 from the fetch/store family), or a source helper whose returned Errno carries one's error (its summary, computed once).
        if (ReturnedError.SourceOf(invocation, ReturnedError.Cache(session.Scope)) is { } source)
        {
            session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.IgnoredCopyResult, invocation.Syntax.GetLocation(), source.Display);
        }
    }

    /// <summary>The call is a statement of its own, or assigned to the discard <c>_</c>.</summary>
    internal static bool IsDiscarded(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IExpressionStatementOperation
            || parent is ISimpleAssignmentOperation { Target: IDiscardOperation, Parent: IExpressionStatementOperation };
    }
}
