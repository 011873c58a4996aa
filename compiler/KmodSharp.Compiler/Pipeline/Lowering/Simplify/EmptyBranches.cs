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
/// A condition that is the last read of a temporary goes with the temporary's stores
/// (<see cref="DeadTemporaries"/>), and so does a local nothing reads at all; one that is the
/// last read of an assigned parameter, or of a local stored with effects, stays
/// (-Wunused-but-set-variable). What those stores leave empty goes next.
/// </summary>
internal sealed class EmptyBranches
{
    private readonly ImmutableHashSet<string> locals;
    private readonly DeadTemporaries temporaries;
    private readonly HashSet<string> dead = [];
    private Dictionary<string, int> reads;

    private EmptyBranches(ImmutableHashSet<string> locals, Dictionary<string, int> reads, DeadTemporaries temporaries)
    {
        this.locals = locals;
        this.reads = reads;
        this.temporaries = temporaries;
    }

    public static CFunctionDefinition Simplify(CFunctionDefinition function)
    {
        ImmutableHashSet<string> locals = [.. function.Parameters.Select(p => p.Name), .. CVariables.Statements(function.Body).OfType<CLocalDeclaration>().Select(d => d.Name)];
        CBlock body = function.Body;
        // Each round drops at least one local, so the rounds end.
        while (true)
        {
            Dictionary<string, int> reads = CVariables.ReadCounts(body);
            var pass = new EmptyBranches(locals, reads, DeadTemporaries.Of(body, reads, function.Parameters.Select(p => p.Name)));
            body = body with { Statements = pass.Block(body.Statements) };
            pass.DropUnread();
            if (pass.dead.Count == 0)
            {
                return function with { Body = body };
            }

            body = DeadTemporaries.Without(body, pass.dead);
        }
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

    // A condition whose evaluation changes nothing: names, constants, operators, and elements,
    // fields and referents read in place (an index was checked by an earlier statement, as C#
    // checks it; a pointer is a ref parameter's or the kernel's own, never null).
    private static bool ReadsOnly(CExpr expression) => expression switch
    {
        CIdentifier or CIntegerLiteral => true,
        CCast cast => ReadsOnly(cast.Operand),
        CUnary { Operator: CUnaryOperator.Negate or CUnaryOperator.Plus or CUnaryOperator.BitwiseNot or CUnaryOperator.LogicalNot or CUnaryOperator.Dereference } unary => ReadsOnly(unary.Operand),
        CBinary binary => ReadsOnly(binary.Left) && ReadsOnly(binary.Right),
        CConditional conditional => ReadsOnly(conditional.Condition) && ReadsOnly(conditional.WhenTrue) && ReadsOnly(conditional.WhenFalse),
        CIndex index => ReadsOnly(index.Target) && ReadsOnly(index.Index),
        CMember member => ReadsOnly(member.Target),
        _ => false,
    };

    private static bool IsEmpty(CStmt statement) => statement is CBlock block && block.Statements.All(IsEmpty);

    // A local stored but never read (a switch's subject that no arm's pattern tests, say) would be set
    // but unused too: it goes with its stores where they change nothing, one at a time, so one that
    // cannot go keeps only itself.
    private void DropUnread()
    {
        foreach (string name in temporaries.Storable.Where(n => reads.GetValueOrDefault(n) == 0 && !dead.Contains(n)).Order(System.StringComparer.Ordinal))
        {
            if (temporaries.Forget(reads, locals, new Dictionary<string, int> { [name] = 0 }) is { } forgotten)
            {
                reads = forgotten.Reads;
                dead.UnionWith(forgotten.Dead);
            }
        }
    }

    /// <summary>Forgets the condition's reads, unless that would leave a variable unread that cannot go with its stores.</summary>
    private bool TryRemoveReads(CExpr condition)
    {
        if (temporaries.Forget(reads, locals, CVariables.ReadCounts(new CExpressionStatement(condition))) is not { } forgotten)
        {
            return false;
        }

        reads = forgotten.Reads;
        dead.UnionWith(forgotten.Dead);
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
