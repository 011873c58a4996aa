using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Translates one C# method into one C function. Locals are declared at the top of the function
/// (style(9)) under unique names; statements are lowered in order, and an expression whose
/// evaluation can fail (see <see cref="FailureAnalysis"/>) emits its guard as statements before
/// the statement that uses it, spilling earlier operands to temporaries so C# evaluation order holds.
/// </summary>
internal sealed partial class FunctionLowering
{
    private readonly LoweringContext context;
    private readonly IMethodSymbol method;
    private readonly FunctionSignature signature;
    private readonly List<CStmt> declarations = [];
    private readonly Dictionary<ISymbol, string> names = new(SymbolEqualityComparer.Default);
    private readonly CScope scope;
    private readonly Dictionary<ILabelSymbol, string> continueLabels = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILabelSymbol, string> breakLabels = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> usedLabels = [];
    // The compiler's own temporaries: each holds one value, assigned before any expression reads it.
    private readonly HashSet<string> temporaries = [];
    private List<CStmt> current = [];
    private int labelCount;
    private string? errorLocal;
    private bool errorPointerUsed;

    private FunctionLowering(LoweringContext context, IMethodSymbol method)
    {
        this.context = context;
        this.method = method;
        signature = context.SignatureOf(method);
        scope = new CScope(context.Module.Model.Name, [.. FunctionSignature.Reserved, .. signature.Parameters.Select(p => p.Name)]);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            names[parameter] = signature.ParameterNames[parameter.Ordinal];
        }

        DeclareSpanParameters();
    }

    public static CFunctionDefinition Lower(LoweringContext context, IMethodSymbol method)
    {
        var lowering = new FunctionLowering(context, method);
        return lowering.LowerBody();
    }

    private CFunctionDefinition LowerBody()
    {
        IOperation? body = MethodBodies.Of(method, context.Module.Compilation);
        switch (body)
        {
            case IMethodBodyOperation { BlockBody: { } block }:
                Statement(block);
                break;
            case IMethodBodyOperation { ExpressionBody: { } expression }:
                Statement(expression);
                break;
            case ILocalFunctionOperation { Body: { } block }:
                Statement(block);
                break;
            default:
                throw new InternalCompilerException($"no body for {method.ToDisplayString()}");
        }

        if (signature.ReturnsErrno && !EndsInJump(current))
        {
            Emit(new CReturn(Literal(0)));
        }

        if (signature.HasErrorPointer && !errorPointerUsed)
        {
            // A SyscallResult method that never returns an error: -Wunused-parameter.
            current.Insert(0, new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier(FunctionSignature.ErrorPointer))));
        }

        ImmutableArray<CStmt> statements = declarations.Count == 0
            ? [.. current]
            : [.. declarations, new CBlankLine(), .. current];
        return new CFunctionDefinition(true, signature.ReturnType, signature.Name, signature.Parameters, new CBlock(statements))
        {
            Location = context.LocationOf(method),
        };
    }

    private static bool EndsInJump(List<CStmt> statements) =>
        statements.Count > 0 && statements[^1] is CReturn or CGoto or CBreak or CContinue || (statements.Count > 0 && statements[^1] is CBlock { Statements: [.., CReturn] });

    private void Emit(CStmt statement) => current.Add(statement);

    /// <summary>Declares a local at the top of the function under a name no other local uses.</summary>
    private string Declare(string preferred, CType type)
    {
        string name = scope.Claim(preferred);
        declarations.Add(new CLocalDeclaration(type, name));
        if (preferred == TemporaryStem)
        {
            temporaries.Add(name);
        }

        return name;
    }

    private const string TemporaryStem = "kms_t";

    private string NameOf(ILocalSymbol local, IOperation at)
    {
        if (!names.TryGetValue(local, out string? name))
        {
            name = Declare(CNames.Local(local.Name), CTypeOf(local.Type, at));
            temporaries.Remove(name);
            names[local] = name;
        }

        return name;
    }

    /// <summary>A fresh temporary holding <paramref name="value"/>, evaluated now.</summary>
    private CIdentifier Spill(CExpr value, CType type)
    {
        string name = Declare("kms_t", type);
        Emit(new CExpressionStatement(new CAssign(new CIdentifier(name), value)));
        return new CIdentifier(name);
    }

    private string NewLabel(string stem) => $"kms_{stem}{++labelCount}";

    // Without an operation, the type is one the lowering already met (a returned value, a pattern subject).
    private CType CTypeOf(ITypeSymbol type, IOperation? at) =>
        CTypeMapper.Map(at is null ? ModuleLowering.KernelType(type, type.Locations.FirstOrDefault()) : context.TypeOf(type, at));

    private KType KTypeOf(ITypeSymbol? type, IOperation at) => type is null ? throw LoweringContext.Untranslated(at, $"the value '{at.Syntax}', which has no type") : context.TypeOf(type, at);

    private static CIntegerLiteral Literal(long value) => new(value);

    /// <summary>
    /// Returns an errno from this function (its error channel is guaranteed by <see cref="FailureAnalysis"/>),
    /// releasing every resource held at this point first.
    /// </summary>
    private CBlock ErrorBlock(CExpr errno) => new([.. ReleaseAll(), new CReturn(errno)]);

    private string ErrorLocal() => errorLocal ??= Declare("error", CNamedType.Int);

    /// <summary>This method's <see cref="FunctionSignature.ErrorPointer"/>, noted as used.</summary>
    private CIdentifier ErrorPointer()
    {
        errorPointerUsed = true;
        return new CIdentifier(FunctionSignature.ErrorPointer);
    }

    // Constants and macro names cannot change between two evaluations.
    private static bool IsPure(CExpr expression) => expression is CIntegerLiteral or CStringLiteral
        || (expression is CIdentifier { Name: var name } && (name is "true" or "false" or "NULL" || name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_')));
}
