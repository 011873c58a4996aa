using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// KMS0900: the catch-all for constructs the translator does not support, so the backend never
/// meets an unknown construct: <c>goto</c>, <c>unsafe</c> code and pointers, <c>ref</c> locals,
/// patterns beyond constant/relational/and/or/not (and <see cref="PatternVariable"/>, <see cref="FieldPattern"/>), non-static or generic local functions, <c>lock</c>, tuples, <c>foreach</c>
/// over anything but spans and inline arrays, and user-declared properties, indexers, events, operators, constructors,
/// instance members and generic methods in kernel classes, a pair returned other than as a tuple literal, a pair
/// local or a call (<see cref="PairResult"/>, <see cref="PairLocal"/>), a deconstruction other than of a tuple literal into variables, fields or
/// elements (<see cref="Deconstruction"/>) and a static initializer that would run code (<see cref="ModuleStateInitializer"/>),
/// decided where the backend decides them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedConstructAnalyzer : KernelCodeAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedConstruct);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KernelSession session)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (Describe(c.Operation, session) is { } construct)
                {
                    session.Report(c.ContainingSymbol, c.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, LocationOf(c.Operation), construct);
                }
            },
            OperationKind.Branch,
            OperationKind.AddressOf,
            OperationKind.VariableDeclarator,
            OperationKind.DeclarationPattern,
            OperationKind.TypePattern,
            OperationKind.RecursivePattern,
            OperationKind.ListPattern,
            OperationKind.SlicePattern,
            OperationKind.LocalFunction,
            OperationKind.Lock,
            OperationKind.Tuple,
            OperationKind.Loop,
            OperationKind.Using,
            OperationKind.TypeOf,
            OperationKind.SizeOf,
            OperationKind.Return);

        context.RegisterOperationAction(c => CheckStaticInitializer(c, session), OperationKind.FieldInitializer);
        context.RegisterOperationAction(
            c =>
            {
                if (Deconstruction.Check((IDeconstructionAssignmentOperation)c.Operation) is { } construct)
                {
                    session.Report(c, construct);
                }
            },
            OperationKind.DeconstructionAssignment);

        context.RegisterSyntaxNodeAction(
            c =>
            {
                ISymbol? owner = c.ContainingSymbol;
                if (owner is null)
                {
                    return;
                }

                string construct = c.Node switch
                {
                    UnsafeStatementSyntax => "An 'unsafe' block" + NoPointersNeeded,
                    FixedStatementSyntax => "A 'fixed' statement",
                    _ => "Pointer code",
                };
                session.Report(owner, c.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, c.Node.GetFirstToken().GetLocation(), construct);
            },
            SyntaxKind.UnsafeStatement,
            SyntaxKind.FixedStatement,
            SyntaxKind.PointerIndirectionExpression,
            SyntaxKind.PointerMemberAccessExpression);

        context.RegisterSyntaxNodeAction(
            c =>
            {
                // A fixed buffer's element is a pointer access, which IOperation does not model: found by its syntax.
                var access = (ElementAccessExpressionSyntax)c.Node;
                if (c.ContainingSymbol is { } owner && c.SemanticModel.GetSymbolInfo(access.Expression, c.CancellationToken).Symbol is IFieldSymbol { IsFixedSizeBuffer: true } buffer)
                {
                    session.Report(owner, c.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, access.GetLocation(),
                        $"Indexing the fixed buffer '{buffer.Name}' (declare it as a field of an [InlineArray({buffer.FixedSize})] struct: indexed without 'unsafe', and bounds-checked)");
                }
            },
            SyntaxKind.ElementAccessExpression);

        context.RegisterSymbolAction(c => CheckMember(c, session), SymbolKind.Method, SymbolKind.Property, SymbolKind.Event, SymbolKind.Field);
    }

    // What to write instead of unsafe code: kernel code needs no pointers, and a fixed buffer's usual replacement is an inline array.
    private const string NoPointersNeeded = " (kernel code needs no pointers: for a fixed-size array in a struct, 'fixed int V[8]', use a field of an [InlineArray(8)] struct)";

    private static Location LocationOf(IOperation operation) => operation.Syntax switch
    {
        VariableDeclaratorSyntax declarator => declarator.Identifier.GetLocation(),
        LocalFunctionStatementSyntax local => local.Identifier.GetLocation(),
        LockStatementSyntax lockStatement => lockStatement.LockKeyword.GetLocation(),
        ForEachStatementSyntax forEach => forEach.ForEachKeyword.GetLocation(),
        UsingStatementSyntax usingStatement => usingStatement.UsingKeyword.GetLocation(),
        GotoStatementSyntax gotoStatement => gotoStatement.GotoKeyword.GetLocation(),
        _ => operation.Syntax.GetLocation(),
    };

    private static string? Describe(IOperation operation, KernelSession session)
    {
        KnownTypes types = session.Types;
        switch (operation)
        {
            case IBranchOperation { BranchKind: BranchKind.GoTo }:
                return "'goto'";
            case IAddressOfOperation:
                return "Taking an address ('&')";
            case IVariableDeclaratorOperation { Symbol.IsRef: true }:
                return "A 'ref' local";
            case IVariableDeclaratorOperation { Symbol.Type.IsTupleType: true } declarator when TupleLiteral.Of(declarator.GetVariableInitializer()?.Value) is null
                && !PairResult.IsPairType(declarator.Symbol.Type):
                // (A tuple literal initializer is reported itself.)
                return "A local of tuple type (only '(long, long)', a two-value result, is)";
            case IDeclarationPatternOperation declaration when PatternVariable.IsTranslatable(declaration):
                return null;
            case IRecursivePatternOperation recursive when FieldPattern.IsTranslatable(recursive):
                return null;
            case IPatternOperation pattern:
                return "A " + PatternName(pattern) + " pattern (only constant, relational, 'and', 'or' and 'not' patterns on integers and enums are, property patterns on a struct's fields, and 'var v' as a whole switch arm or case)";
            case ILocalFunctionOperation { Symbol.IsStatic: false }:
                return "A non-static local function (it may capture locals; mark it 'static' or declare a static method)";
            case ILocalFunctionOperation { Symbol.IsGenericMethod: true }:
                return "A generic local function";
            case ILockOperation:
                return "'lock' (use a static KernelMutex field and 'using (m.Lock())')";
            case ITupleOperation tuple when !IsSyscallTupleResult(tuple, session) && !Deconstruction.IsPart(tuple) && !PairLocal.IsStored(tuple):
                return "A tuple of type '" + tuple.Type?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)
                    + "' (a two-value result is '(long, long)': return it as one, or keep it in a '(long, long)' local)";
            case IForEachLoopOperation forEach when !IsSpanOrInlineArray(forEach.Collection is IConversionOperation c ? c.Operand.Type : forEach.Collection.Type, types):
                return "'foreach' over '" + (forEach.Collection is IConversionOperation c2 ? c2.Operand.Type : forEach.Collection.Type)?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' (only spans and inline arrays are)";
            case IUsingOperation usingOperation when !IsKernelResource(usingOperation.Resources, types):
                return "'using' on something other than a KernelBuffer<T> or a lock guard";
            case ITypeOfOperation:
                return "'typeof'";
            case ISizeOfOperation { TypeOperand: var type } when type.TypeKind == TypeKind.TypeParameter:
                return "'sizeof' of a type parameter";
            case IReturnOperation ret when PairResult.Check(ret) is { } stored:
                return stored.Description;
            default:
                return null;
        }
    }

    // Module state is the C file's initialised data: ModuleStateInitializer decides which initializers
    // translate, for the backend too.
    private static void CheckStaticInitializer(OperationAnalysisContext context, KernelSession session)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        if (initializer.InitializedFields.IsEmpty || initializer.InitializedFields[0] is not { IsStatic: true, IsConst: false } field || !session.Scope.IsKernelCode(field))
        {
            return;
        }

        var untranslatable = new List<Untranslatable>();
        ModuleStateInitializer.Read(initializer.Value, untranslatable);
        foreach (Untranslatable construct in untranslatable)
        {
            session.Report(field, context.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, construct.Location, construct.Description);
        }
    }

    private static bool IsSpanOrInlineArray(ITypeSymbol? type, KnownTypes types)
    {
        if (types.IsSpan(type))
        {
            return true;
        }

        foreach (AttributeData attribute in type?.GetAttributes() ?? ImmutableArray<AttributeData>.Empty)
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, types.InlineArrayAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static string PatternName(IPatternOperation pattern) => pattern switch
    {
        IDeclarationPatternOperation => "declaration",
        ITypePatternOperation => "type",
        IRecursivePatternOperation => "property or positional",
        IListPatternOperation => "list",
        ISlicePatternOperation => "slice",
        _ => "this",
    };

    private static bool IsSyscallTupleResult(ITupleOperation tuple, KernelSession session)
    {
        IOperation? parent = tuple.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IReturnOperation && tuple.Type is INamedTypeSymbol { TupleElements.Length: 2 };
    }

    private static bool IsKernelResource(IOperation resources, KnownTypes types)
    {
        ITypeSymbol? type = resources switch
        {
            IVariableDeclarationGroupOperation group when group.Declarations.Length == 1 && group.Declarations[0].Declarators.Length == 1 =>
                group.Declarations[0].Declarators[0].Symbol.Type,
            _ => resources.Type,
        };
        return KnownTypes.Is(type, types.KernelBuffer) || KnownTypes.Is(type, types.MutexGuard);
    }

    private static void CheckMember(SymbolAnalysisContext context, KernelSession session)
    {
        ISymbol symbol = context.Symbol;
        if (symbol.IsImplicitlyDeclared || !session.Scope.IsKernelCode(symbol) || symbol.Locations.Length == 0)
        {
            return;
        }

        string? construct = symbol switch
        {
            IPropertySymbol { IsIndexer: true } => "A user-declared indexer",
            IPropertySymbol property when ConstantTable.IsTableProperty(property) => null,
            IPropertySymbol => "A user-declared property (use a static field or a static method; a table is 'static ReadOnlySpan<byte> Table => [1, 2, 3];')",
            IEventSymbol => "An event",
            IMethodSymbol { MethodKind: MethodKind.UserDefinedOperator or MethodKind.Conversion } => "A user-declared operator",
            IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => "A static constructor (initialise module state in [ModuleLoad])",
            IMethodSymbol { MethodKind: MethodKind.Constructor } => "A constructor",
            IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false } => "An instance method (make it static)",
            IMethodSymbol { MethodKind: MethodKind.Ordinary, IsGenericMethod: true } => "A generic method",
            IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsByRef: true } or IMethodSymbol { MethodKind: MethodKind.Ordinary, ReturnsByRefReadonly: true } => "A 'ref' return",
            IMethodSymbol { MethodKind: MethodKind.Ordinary, IsAsync: true } => "An 'async' method",
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method when method.DeclaringSyntaxReferences.Length > 0
                && method.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax { Modifiers: var modifiers } && modifiers.Any(SyntaxKind.UnsafeKeyword) => "An 'unsafe' method" + NoPointersNeeded,
            IFieldSymbol { IsStatic: false, IsConst: false } when symbol.ContainingType.TypeKind == TypeKind.Class => "An instance field",
            _ => null,
        };
        if (construct is not null)
        {
            session.Report(symbol, context.ReportDiagnostic, DiagnosticDescriptors.UnsupportedConstruct, SymbolLocation.Of(symbol), construct);
        }
    }
}
