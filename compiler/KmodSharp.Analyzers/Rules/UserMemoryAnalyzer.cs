using System.Collections.Generic;
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
/// results (also of helpers returning such a result's error), KMS0203 <c>[SkipLocalsInit]</c>, KMS0205
/// user-controlled lengths without a bounding check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UserMemoryAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.RawPointerParameter,
        DiagnosticDescriptors.IgnoredCopyResult,
        DiagnosticDescriptors.SkipLocalsInit,
        DiagnosticDescriptors.UnboundedUserLength);

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
        context.RegisterOperationBlockAction(c => CheckLengths(c, session));
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

    /// <summary>
    /// KMS0205: in a syscall, an integer argument used as an <c>Allocate</c> count, a <c>Slice</c> bound
    /// or a range bound (<c>s[a..b]</c>) must first be compared with a constant or a <c>Length</c> (anywhere earlier in the method).
    /// </summary>
    private static void CheckLengths(OperationBlockAnalysisContext c, KernelSession session)
    {
        if (c.OwningSymbol is not IMethodSymbol method || session.Scope.GetEntryKind(method) != EntryKind.Syscall || !session.Scope.IsKernelCode(method))
        {
            return;
        }

        // A local computed from a syscall argument (int n = count * 2) carries the argument along.
        var bounded = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        var aliases = new Dictionary<ILocalSymbol, IParameterSymbol>(SymbolEqualityComparer.Default);
        var uses = new List<(ISymbol Source, IParameterSymbol Parameter, IOperation Use, string What)>();
        foreach (IOperation block in c.OperationBlocks)
        {
            foreach (IOperation operation in block.Descendants())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator:
                        foreach ((_, IParameterSymbol parameter) in Sources(initial, aliases))
                        {
                            aliases[declarator.Symbol] = parameter;
                        }

                        break;
                    case IBinaryOperation binary when IsRelational(binary.OperatorKind):
                        NoteBound(bounded, binary.LeftOperand, binary.RightOperand, binary.Syntax.SpanStart);
                        NoteBound(bounded, binary.RightOperand, binary.LeftOperand, binary.Syntax.SpanStart);
                        break;
                    case IIsPatternOperation pattern when ContainsRelational(pattern.Pattern) && Source(pattern.Value) is { } p:
                        Note(bounded, p, pattern.Syntax.SpanStart);
                        break;
                    case IRangeOperation range:
                        // s[a..b] is s.Slice(a, b - a): its bounds are Slice bounds.
                        foreach (IOperation? bound in new[] { range.LeftOperand, range.RightOperand })
                        {
                            foreach ((ISymbol source, IParameterSymbol parameter) in bound is null ? [] : Sources(bound, aliases))
                            {
                                uses.Add((source, parameter, bound!, "a range bound"));
                            }
                        }

                        break;
                    case IInvocationOperation invocation when IsLengthSink(invocation, session.Types, out string what):
                        foreach (IArgumentOperation argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Type.SpecialType is SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr)
                            {
                                foreach ((ISymbol source, IParameterSymbol parameter) in Sources(argument.Value, aliases))
                                {
                                    uses.Add((source, parameter, argument.Value, what));
                                }
                            }
                        }

                        break;
                }
            }
        }

        foreach ((ISymbol source, IParameterSymbol parameter, IOperation use, string what) in uses)
        {
            int at = use.Syntax.SpanStart;
            bool checkedBefore = (bounded.TryGetValue(source, out int p1) && p1 < at) || (bounded.TryGetValue(parameter, out int p2) && p2 < at);
            if (!checkedBefore)
            {
                string name = SymbolEqualityComparer.Default.Equals(source, parameter) ? "'" + parameter.Name + "'" : "'" + parameter.Name + "' (through '" + source.Name + "')";
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnboundedUserLength, use.Syntax.GetLocation(), name, what, ""));
            }
        }
    }

    private static bool IsLengthSink(IInvocationOperation invocation, KnownTypes types, out string what)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (types.IsKernelMember(method, "Allocate"))
        {
            what = "the count of Kernel.Allocate";
            return true;
        }

        if (method.Name == "Slice" && types.IsSpan(method.ContainingType))
        {
            what = "a Slice bound";
            return true;
        }

        what = "";
        return false;
    }

    private static bool IsRelational(BinaryOperatorKind kind) => kind is BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual
        or BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual;

    private static bool ContainsRelational(IPatternOperation pattern) => pattern switch
    {
        IRelationalPatternOperation => true,
        IBinaryPatternOperation binary => ContainsRelational(binary.LeftPattern) || ContainsRelational(binary.RightPattern),
        INegatedPatternOperation negated => ContainsRelational(negated.Pattern),
        _ => false,
    };

    private static void NoteBound(Dictionary<ISymbol, int> bounded, IOperation side, IOperation other, int position)
    {
        if (Source(side) is { } symbol && IsBound(other))
        {
            Note(bounded, symbol, position);
        }
    }

    private static void Note(Dictionary<ISymbol, int> bounded, ISymbol symbol, int position)
    {
        if (!bounded.TryGetValue(symbol, out int existing) || position < existing)
        {
            bounded[symbol] = position;
        }
    }

    /// <summary>A constant, or something's <c>Length</c>.</summary>
    private static bool IsBound(IOperation operation)
    {
        operation = Strip(operation);
        return operation.ConstantValue.HasValue
            || operation is IPropertyReferenceOperation { Property.Name: "Length" }
            || operation is IFieldReferenceOperation { Field.IsConst: true };
    }

    private static ISymbol? Source(IOperation operation) => Strip(operation) switch
    {
        IParameterReferenceOperation reference => reference.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    private static IOperation Strip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The integer syscall arguments a value is computed from: (the symbol used, the argument behind it).</summary>
    private static IEnumerable<(ISymbol Source, IParameterSymbol Parameter)> Sources(IOperation value, Dictionary<ILocalSymbol, IParameterSymbol> aliases)
    {
        foreach (IOperation operation in value.DescendantsAndSelf())
        {
            if (operation is IParameterReferenceOperation { Parameter: { Type.SpecialType: >= SpecialType.System_SByte and <= SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr } parameter })
            {
                yield return (parameter, parameter);
            }
            else if (operation is ILocalReferenceOperation local && aliases.TryGetValue(local.Local, out IParameterSymbol? aliased))
            {
                yield return (local.Local, aliased);
            }
        }
    }
}
