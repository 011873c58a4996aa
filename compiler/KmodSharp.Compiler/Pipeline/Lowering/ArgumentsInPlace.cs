using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Lowering.Simplify;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// A handler only its syscall entry calls reads its arguments where it uses them, as
/// <c>uap-&gt;name</c>, the way FreeBSD's own <c>sys_*</c> functions do: passed by value, an argument is
/// loaded on entry and held in a callee-saved register across every call the handler makes; read in
/// place, it costs one load where it is used. The argument block is the kernel's copy of the
/// syscall's arguments (<c>td-&gt;td_sa.args</c>, filled by <c>cpu_fetch_syscall_args</c> before
/// <c>sy_call</c> in FreeBSD's sys/kern/subr_syscall.c), which nothing writes while the handler
/// runs, so each read sees the value C# passed. An argument stays a value where the handler
/// assigns it or takes its address (C# value semantics need the copy), and where it compares it:
/// the compiler keeps what the comparison proved about a value (a range that drops a later loop
/// guard), not about a memory read.
/// </summary>
internal static class ArgumentsInPlace
{
    /// <summary>The handler's parameter for the argument block.</summary>
    public const string ArgumentBlock = "uap";

    private static readonly ImmutableHashSet<CBinaryOperator> Comparisons =
    [
        CBinaryOperator.Less, CBinaryOperator.LessOrEqual, CBinaryOperator.Greater, CBinaryOperator.GreaterOrEqual,
        CBinaryOperator.Equal, CBinaryOperator.NotEqual,
    ];

    /// <summary>
    /// The handler rewritten to read its eligible arguments from <see cref="ArgumentBlock"/>, and the
    /// ordinals (in <see cref="SyscallModel.Parameters"/>) of those it no longer takes; the handler
    /// unchanged and an empty set when none is eligible.
    /// </summary>
    public static (CFunctionDefinition Handler, ImmutableHashSet<int> InPlace) Apply(
        CFunctionDefinition handler, FunctionSignature signature, ModuleModel module, SyscallModel syscall, bool inTree)
    {
        HashSet<string> written = CVariables.Written(handler.Body);
        written.UnionWith(CVariables.Escaping(handler.Body));
        HashSet<string> compared = Compared(handler.Body);
        if (handler.Parameters.Any(p => p.Name == ArgumentBlock) || Mentions(handler.Body, ArgumentBlock))
        {
            return (handler, []);
        }

        var replacements = new Dictionary<string, CExpr>();
        var inPlace = ImmutableHashSet.CreateBuilder<int>();
        var block = new CIdentifier(ArgumentBlock);
        for (int i = 0; i < syscall.Parameters.Length; i++)
        {
            SyscallParameter parameter = syscall.Parameters[i];
            string name = signature.ParameterNames[i];
            if (parameter.Type is KCallingThread || written.Contains(name) || compared.Contains(name))
            {
                continue;
            }

            CExpr slot = new CMember(block, CNames.Argument(syscall, parameter), Arrow: true);

            // The slot of a bool is an int: any non-zero register is true, as the entry passes it by value.
            replacements[name] = parameter.Type is KBool ? new CBinary(CBinaryOperator.NotEqual, slot, new CIntegerLiteral(0)) : slot;
            inPlace.Add(i);
        }

        if (inPlace.Count == 0)
        {
            return (handler, []);
        }

        var argumentBlock = new CParameter(new CPointerType(new CStructType(CNames.ArgsStruct(module, syscall, inTree))), ArgumentBlock);
        int first = signature.TakesThread ? 1 : 0;
        ImmutableArray<CParameter> parameters =
        [
            .. handler.Parameters.Take(first),
            argumentBlock,
            .. handler.Parameters.Skip(first).Where(p => !replacements.ContainsKey(p.Name)),
        ];
        return (handler with { Parameters = parameters, Body = (CBlock)Rewrite(handler.Body, replacements) }, inPlace.ToImmutable());
    }

    // Names a comparison or a switch tests: what the compiler can learn a range from. A call's
    // arguments are not tested by comparing its result (subyte(address, v) != 0 says nothing of address).
    private static HashSet<string> Compared(CStmt body)
    {
        var compared = new HashSet<string>();
        foreach (CStmt statement in CVariables.Statements(body))
        {
            if (statement is CSwitch choice)
            {
                compared.UnionWith(Tested(choice.Value));
            }

            foreach (CBinary comparison in CVariables.Own(statement).SelectMany(CVariables.Expressions).OfType<CBinary>().Where(b => Comparisons.Contains(b.Operator)))
            {
                compared.UnionWith(Tested(comparison.Left));
                compared.UnionWith(Tested(comparison.Right));
            }
        }

        return compared;
    }

    private static IEnumerable<string> Tested(CExpr operand) => operand switch
    {
        CIdentifier { Name: var name } => [name],
        CCall => [],
        CUnary unary => Tested(unary.Operand),
        CCast cast => Tested(cast.Operand),
        CBinary binary => [.. Tested(binary.Left), .. Tested(binary.Right)],
        CConditional conditional => [.. Tested(conditional.Condition), .. Tested(conditional.WhenTrue), .. Tested(conditional.WhenFalse)],
        CAssign assign => Tested(assign.Value),
        CMember member => Tested(member.Target),
        CIndex index => [.. Tested(index.Target), .. Tested(index.Index)],
        _ => [],
    };

    private static bool Mentions(CStmt body, string name) =>
        CVariables.Statements(body).Any(s => s is CLocalDeclaration d && d.Name == name || CVariables.Own(s).Any(e => CVariables.Read(e).Contains(name)));

    private static CStmt Rewrite(CStmt statement, Dictionary<string, CExpr> replacements)
    {
        CExpr E(CExpr expression) => Rewrite(expression, replacements);
        CExpr? Maybe(CExpr? expression) => expression is null ? null : E(expression);
        CStmt S(CStmt child) => Rewrite(child, replacements);
        return statement switch
        {
            CBlock block => block with { Statements = [.. block.Statements.Select(S)] },
            CExpressionStatement expression => expression with { Expression = E(expression.Expression) },
            CLocalDeclaration declaration => declaration with { Initializer = Maybe(declaration.Initializer) },
            CReturn ret => ret with { Value = Maybe(ret.Value) },
            CIf choice => choice with { Condition = E(choice.Condition), Then = S(choice.Then), Else = choice.Else is null ? null : S(choice.Else) },
            CWhile loop => loop with { Condition = E(loop.Condition), Body = S(loop.Body) },
            CDoWhile loop => loop with { Body = S(loop.Body), Condition = E(loop.Condition) },
            CFor loop => loop with { Initializer = loop.Initializer is null ? null : S(loop.Initializer), Condition = Maybe(loop.Condition), Step = Maybe(loop.Step), Body = S(loop.Body) },
            CLabeled labeled => labeled with { Statement = S(labeled.Statement) },
            CSwitch choice => choice with
            {
                Value = E(choice.Value),
                Sections = [.. choice.Sections.Select(s => s with { Labels = [.. s.Labels.Select(E)], Statements = [.. s.Statements.Select(S)] })],
            },
            _ => statement,
        };
    }

    private static CExpr Rewrite(CExpr expression, Dictionary<string, CExpr> replacements)
    {
        CExpr E(CExpr child) => Rewrite(child, replacements);
        return expression switch
        {
            CIdentifier { Name: var name } when replacements.TryGetValue(name, out CExpr? slot) => slot,
            CUnary unary => unary with { Operand = E(unary.Operand) },
            CBinary binary => binary with { Left = E(binary.Left), Right = E(binary.Right) },
            CAssign assign => assign with { Target = E(assign.Target), Value = E(assign.Value) },
            CConditional conditional => conditional with { Condition = E(conditional.Condition), WhenTrue = E(conditional.WhenTrue), WhenFalse = E(conditional.WhenFalse) },
            CCast cast => cast with { Operand = E(cast.Operand) },
            // offsetof(type, member): the designator names members, not variables.
            CCall call when call.Arguments.Any(a => a is CTypeArgument) => call,
            CCall call => call with { Arguments = [.. call.Arguments.Select(E)] },
            CMember member => member with { Target = E(member.Target) },
            CIndex index => index with { Target = E(index.Target), Index = E(index.Index) },
            CSizeofExpression size => size with { Operand = E(size.Operand) },
            CDesignatedInitializer initializer => initializer with { Members = [.. initializer.Members.Select(m => m with { Value = E(m.Value) })] },
            _ => expression,
        };
    }
}
