using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0003 (managed types: string, classes, interfaces, object, dynamic, arrays, delegates),
/// KMS0004 (float, double, decimal) in signatures, fields, locals and expressions of kernel code, and
/// KMS0900 for a declared value type without a kernel type (<see cref="KernelType.Missing"/>), naming
/// the struct whose C# layout C cannot reproduce when that is why (<see cref="StructLayouts.CLayoutProblem(ITypeSymbol)"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManagedTypeAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ManagedType, DiagnosticDescriptors.FloatingPoint, DiagnosticDescriptors.UnsupportedConstruct);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterSymbolAction(
            c =>
            {
                switch (c.Symbol)
                {
                    // An implicitly declared method's signature is not the user's to change (<Main>$ and its
                    // string[] args, a record's ToString and Equals, a delegate's BeginInvoke): never kernel code.
                    case IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction, IsImplicitlyDeclared: false } method:
                        if (!method.ReturnsVoid && Problem(session, method.ReturnType, TypeUse.Return) is { } returned)
                        {
                            Report(session, c.ReportDiagnostic, method, returned, "The return type of '" + method.Name + "'", ReturnTypeLocation(method));
                        }

                        foreach (IParameterSymbol parameter in method.Parameters)
                        {
                            // A syscall's parameter types are the declaration rules' (KMS0407), which know the ABI.
                            if (Problem(session, parameter.Type, TypeUse.Parameter) is { } problem
                                && !(problem.Rule == DiagnosticDescriptors.UnsupportedConstruct && session.Scope.GetEntryKind(method) == EntryKind.Syscall))
                            {
                                Report(session, c.ReportDiagnostic, method, problem, "Parameter '" + parameter.Name + "'", SymbolLocation.Of(parameter));
                            }
                        }

                        break;
                    // A const (e.g. a Printf format) is a compile-time value, not a managed object.
                    case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false } field when session.Scope.IsKernelCode(field)
                        && Problem(session, field.Type, field.IsStatic ? TypeUse.StaticField : TypeUse.Field) is { } problem:
                        Report(session, c.ReportDiagnostic, field, problem, "Field '" + field.Name + "'", SymbolLocation.Of(field));
                        break;
                }
            },
            SymbolKind.Method,
            SymbolKind.Field);

        context.RegisterOperationAction(
            c =>
            {
                switch (c.Operation)
                {
                    case IVariableDeclaratorOperation { Symbol.IsConst: true }:
                        break;
                    case IVariableDeclaratorOperation declarator:
                        if (Problem(session, declarator.Symbol.Type, TypeUse.Local) is { } declared)
                        {
                            Report(session, c.ReportDiagnostic, c.ContainingSymbol, declared, "Local '" + declarator.Symbol.Name + "'", SymbolLocation.Of(declarator.Symbol));
                        }

                        break;
                    case ILocalReferenceOperation { IsDeclaration: true } local:
                        if (Problem(session, local.Local.Type, TypeUse.Local) is { } problem)
                        {
                            Report(session, c.ReportDiagnostic, c.ContainingSymbol, problem, "Local '" + local.Local.Name + "'", local.Syntax.GetLocation());
                        }

                        break;
                    default:
                        CheckFloatingExpression(session, c);
                        break;
                }
            },
            OperationKind.VariableDeclarator,
            OperationKind.LocalReference,
            OperationKind.Literal,
            OperationKind.Conversion,
            OperationKind.Binary,
            OperationKind.Unary,
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.FieldReference);
    }

    private enum TypeUse
    {
        Parameter,
        Return,
        Local,
        Field,
        StaticField,
    }

    private static Location ReturnTypeLocation(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax declaration
            ? declaration.ReturnType.GetLocation()
            : SymbolLocation.Of(method);

    /// <summary>What is wrong with a declared type: the rule and the type displayed, or null. (The message and location are only built for a problem.)</summary>
    private static (DiagnosticDescriptor Rule, string Display)? Problem(KernelSession session, ITypeSymbol type, TypeUse use)
    {
        if (FloatingType(type) is { } floating)
        {
            return (DiagnosticDescriptors.FloatingPoint, floating);
        }

        if (ManagedReason(type, session.Types, use) is { } display)
        {
            return (DiagnosticDescriptors.ManagedType, display);
        }

        if (KernelType.Missing(type) is not { } missing)
        {
            return null;
        }

        // A struct C would lay out differently (Pack, overlapping or misaligned [FieldOffset]s) cannot be copied to or from C.
        return (DiagnosticDescriptors.UnsupportedConstruct, StructLayouts.CLayoutProblem(type) is { } layout
            ? " of type '" + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "', whose " + layout
            : KernelType.OfType(type, missing));
    }

    private static void Report(KernelSession session, System.Action<Diagnostic> report, ISymbol owner, (DiagnosticDescriptor Rule, string Display) problem, string what, Location location)
    {
        if (problem.Rule == DiagnosticDescriptors.UnsupportedConstruct)
        {
            session.Report(owner, report, problem.Rule, location, what + problem.Display);
        }
        else
        {
            session.Report(owner, report, problem.Rule, location, what, problem.Display);
        }
    }

    private static void CheckFloatingExpression(KernelSession session, OperationAnalysisContext c)
    {
        IOperation operation = c.Operation;
        if (!IsFloating(operation.Type) || operation.Parent is { } parent && IsFloating(parent.Type) && parent is not IArgumentOperation)
        {
            return;
        }

        // Declarations report themselves; their uses and initialisers would only repeat it.
        if (operation is ILocalReferenceOperation or IParameterReferenceOperation || operation.Parent is IVariableInitializerOperation
            || operation is IFieldReferenceOperation { Field: var field } && session.Scope.IsKernelCode(field))
        {
            return;
        }

        session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.FloatingPoint, operation.Syntax.GetLocation(),
            "This expression", operation.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
    }

    private static bool IsFloating(ITypeSymbol? type) =>
        type?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal;

    /// <summary>The floating-point type <paramref name="type"/> is or contains, displayed, or null.</summary>
    internal static string? FloatingType(ITypeSymbol type, int depth = 0)
    {
        if (IsFloating(type))
        {
            return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        if (depth < 8 && type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } named && named.Locations.Length > 0 && named.Locations[0].IsInSource)
        {
            foreach (ISymbol member in named.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false } field && FloatingType(field.Type, depth + 1) is { } inner)
                {
                    return inner + " in " + named.Name + "." + field.Name;
                }
            }
        }

        return null;
    }

    /// <summary>Why a type is managed, displayed, or null when kernel code may use it this way.</summary>
    private static string? ManagedReason(ITypeSymbol type, KnownTypes types, TypeUse use)
    {
        if (KnownTypes.Is(type, types.KernelMutex) || KnownTypes.Is(type, types.KernelSxLock))
        {
            return use == TypeUse.StaticField ? null : type.Name + " (a lock must be a static field of the module class)";
        }

        if (KnownTypes.Is(type, types.KernelBuffer) || KnownTypes.Is(type, types.MutexGuard))
        {
            return use is TypeUse.Local or TypeUse.Return ? null : type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " (only a local in a 'using')";
        }

        if (types.IsSpan(type))
        {
            ITypeSymbol element = ((INamedTypeSymbol)type).TypeArguments[0];
            return element.IsUnmanagedType ? null : type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        }

        if (type.TypeKind == TypeKind.Dynamic)
        {
            return "dynamic";
        }

        if (type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || type.IsUnmanagedType)
        {
            return null;
        }

        return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }
}
