using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// An if whose branch lowered to nothing (a C# body the backend leaves out, such as a
/// self-assignment, or a check the range analysis dropped) is not written as an empty block,
/// which style(9) readers and checkstyle9.pl take for a mistake:
///   if (c) { } else { }       goes, when c only reads variables and elements
///   if (c) { } else { s; }    becomes  if (!c) { s; }
///   if (c) { s; } else { }    becomes  if (c) { s; }
/// A condition that is the last read of a variable stays (-Wunused-but-set-variable).
/// </summary>
internal sealed class EmptyBranches
{
    private readonly ImmutableHashSet<string> locals;
    private readonly Dictionary<string, int> reads;

    private EmptyBranches(ImmutableHashSet<string> locals, Dictionary<string, int> reads)
    {
        this.locals = locals;
        this.reads = reads;
    }

    public static CFunctionDefinition Simplify(CFunctionDefinition function)
    {
        ImmutableHashSet<string> locals = [.. function.Parameters.Select(p => p.Name), .. CVariables.Statements(function.Body).OfType<CLocalDeclaration>().Select(d => d.Name)];
        var pass = new EmptyBranches(locals, CVariables.ReadCounts(function.Body));
        return function with { Body = function.Body with { Statements = pass.Block(function.Body.Statements) } };
    }

    private ImmutableArray<CStmt> Block(ImmutableArray<CStmt> statements) => [.. statements.Select(Statement).OfType<CStmt>()];

    // The statement as it remains, or null when nothing does.
    private CStmt? Statement(CStmt statement) => statement switch
    {
        CBlock block => block with { Statements = Block(block.Statements) },
        CIf choice => If(choice),
        CWhile loop => loop with { Body = Body(loop.Body) },
        CDoWhile loop => loop with { Body = Body(loop.Body) },
        CFor loop => loop with { Body = Body(loop.Body) },
        CLabeled labeled => labeled with { Statement = Statement(labeled.Statement) ?? new CEmptyStatement() },
        CSwitch choice => choice with { Sections = [.. choice.Sections.Select(s => s with { Statements = Block(s.Statements) })] },
        _ => statement,
    };

    private CStmt Body(CStmt statement) => Statement(statement) ?? new CBlock([]);

    private CStmt? If(CIf choice)
    {
        CStmt then = Body(choice.Then);
        CStmt? otherwise = choice.Else is { } branch && Body(branch) is var lowered && !IsEmpty(lowered) ? lowered : null;
        if (!IsEmpty(then))
        {
            return choice with { Then = then, Else = otherwise };
        }

        if (otherwise is not null)
        {
            return choice with { Condition = Negated(choice.Condition), Then = otherwise, Else = null };
        }

        return ReadsOnly(choice.Condition) && TryRemoveReads(choice.Condition) ? null : choice with { Then = then, Else = null };
    }

    // A condition whose evaluation changes nothing: names, constants, operators, and elements and
    // fields read in place (an index was checked by an earlier statement, as C# checks it).
    private static bool ReadsOnly(CExpr expression) => expression switch
    {
        CIdentifier or CIntegerLiteral => true,
        CCast cast => ReadsOnly(cast.Operand),
        CUnary { Operator: CUnaryOperator.Negate or CUnaryOperator.Plus or CUnaryOperator.BitwiseNot or CUnaryOperator.LogicalNot } unary => ReadsOnly(unary.Operand),
        CBinary binary => ReadsOnly(binary.Left) && ReadsOnly(binary.Right),
        CIndex index => ReadsOnly(index.Target) && ReadsOnly(index.Index),
        CMember { Arrow: false } member => ReadsOnly(member.Target),
        _ => false,
    };

    private static bool IsEmpty(CStmt statement) => statement is CBlock block && block.Statements.All(IsEmpty);

    /// <summary>Forgets the condition's reads, unless that would leave a variable that is read unread.</summary>
    private bool TryRemoveReads(CExpr condition)
    {
        Dictionary<string, int> removed = CVariables.ReadCounts(new CExpressionStatement(condition));
        if (removed.Any(r => locals.Contains(r.Key) && reads.GetValueOrDefault(r.Key) <= r.Value))
        {
            return false;
        }

        foreach ((string name, int count) in removed)
        {
            reads[name] = reads.GetValueOrDefault(name) - count;
        }

        return true;
    }

    /// <summary>
    /// A condition true exactly when <paramref name="condition"/> is false, as a condition (zero or
    /// not): a comparison turned over, a <c>!</c> taken off, anything else wrapped in <c>!</c>.
    /// </summary>
    public static CExpr Negated(CExpr condition) => condition switch
    {
        CBinary { Operator: CBinaryOperator.Less or CBinaryOperator.LessOrEqual or CBinaryOperator.Greater or CBinaryOperator.GreaterOrEqual or CBinaryOperator.Equal or CBinaryOperator.NotEqual } comparison =>
            comparison with { Operator = RangeEvaluator.Negated(comparison.Operator) },
        CUnary { Operator: CUnaryOperator.LogicalNot, Operand: var operand } => operand,
        _ => new CUnary(CUnaryOperator.LogicalNot, condition),
    };
}
