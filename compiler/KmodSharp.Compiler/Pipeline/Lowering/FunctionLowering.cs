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
    private readonly LocalNames locals;
    private readonly JumpLabels labels = new();
    private readonly ResourceScopes resources = new();
    private readonly SpanTable spans = new();
    private readonly ErrorChannel errors;
    private readonly Layout.ReadTypes readTypes = new();
    // The statements being lowered: the function body, or a nested block (Collect).
    private List<CStmt> current = [];

    private FunctionLowering(LoweringContext context, IMethodSymbol method)
    {
        this.context = context;
        this.method = method;
        signature = context.SignatureOf(method);
        locals = new LocalNames(context.Module.Model.Name, method, signature);
        errors = new ErrorChannel(locals);
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

        if (signature.HasErrorPointer && !errors.PointerUsed)
        {
            // A SyscallResult method that never returns an error: -Wunused-parameter.
            current.Insert(0, new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier(FunctionSignature.ErrorPointer))));
        }

        ImmutableArray<CStmt> statements = locals.Declarations.Count == 0
            ? [.. current]
            : [.. locals.Declarations, new CBlankLine(), .. current];
        // The guards were emitted one expression at a time; the whole function shows which cannot fire.
        // What is left of a branch may then be nothing. Last, what is too wide for 80 columns is split.
        return Layout.WideStatements.Split(readTypes, Simplify.EmptyBranches.Simplify(Simplify.DeadCheckElimination.Simplify(new CFunctionDefinition(true, signature.ReturnType, signature.Name, signature.Parameters, new CBlock(statements))
        {
            Location = context.LocationOf(method),
        })));
    }

    private static bool EndsInJump(List<CStmt> statements) =>
        statements.Count > 0 && statements[^1] is CReturn or CGoto or CBreak or CContinue || (statements.Count > 0 && statements[^1] is CBlock { Statements: [.., CReturn] });

    private void Emit(CStmt statement) => current.Add(statement);

    /// <summary>Declares a local at the top of the function under a name no other local uses.</summary>
    private string Declare(string preferred, CType type) => locals.Declare(preferred, type);

    private string NameOf(ILocalSymbol local, IOperation at) => locals.Of(local, () => CTypeOf(local.Type, at));

    /// <summary>A fresh temporary holding <paramref name="value"/>, evaluated now.</summary>
    private CIdentifier Spill(CExpr value, CType type)
    {
        string name = Declare(LocalNames.TemporaryStem, type);
        Emit(new CExpressionStatement(new CAssign(new CIdentifier(name), value)));
        return new CIdentifier(name);
    }

    // Without an operation, the type is one the lowering already met (a returned value, a pattern subject).
    private CType CTypeOf(ITypeSymbol type, IOperation? at) =>
        CTypeMapper.Map(at is null ? TypeBinder.BindAccepted(type, type.Locations.FirstOrDefault()) : context.TypeOf(type, at));

    private KType KTypeOf(ITypeSymbol? type, IOperation at) => type is null ? throw LoweringContext.Untranslated(at, $"the value '{at.Syntax}', which has no type") : context.TypeOf(type, at);

    private static CIntegerLiteral Literal(long value) => new(value);

    /// <summary>
    /// Returns an errno from this function (its error channel is guaranteed by <see cref="FailureAnalysis"/>),
    /// releasing every resource held at this point first.
    /// </summary>
    private CBlock ErrorBlock(CExpr errno) => new([.. resources.ReleaseAll(), new CReturn(errno)]);

    // Constants and macro names cannot change between two evaluations.
    // A name in capitals is a constant macro (EINVAL, M_WAITOK), except a variable so spelled, which
    // CNames renames with a trailing underscore (NULL_, MAX_) because it would meet a macro.
    private static bool IsPure(CExpr expression) => expression is CIntegerLiteral or CStringLiteral
        || (expression is CIdentifier { Name: var name } && (name is "true" or "false" or "NULL"
            || (name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_') && !name.EndsWith('_'))));
}
