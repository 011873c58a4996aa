using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>
/// Walks a lowered function forward with the ranges of its integer variables (constants, loop
/// counters with constant bounds, what earlier checks excluded) and drops what it proves dead:
///   for (i = 0; i &lt; 8; i++) { if ((size_t)i &gt;= 8) return (EINVAL); … }        the check
///   if (len &lt;= 0 || len &gt; 256) return (EINVAL); if (len &lt; 0) return (EOVERFLOW);   the second check
///   if (b == 0) return (EDOM); … if (b == 0) return (EDOM);                        the repeated guard
///   switch (op) { …every section returns…; default: return (EINVAL); } return (0);  the return
/// Only a check whose condition reads no memory and calls nothing is dropped, and only when it is
/// false on every path; a variable whose address is taken is never tracked.
/// </summary>
internal sealed class DeadCheckElimination
{
    private readonly RangeEvaluator ranges;
    private readonly ImmutableDictionary<string, CType> declared;
    // How often each variable is read in what remains: a removal must leave every variable read
    // that was (-Wunused-but-set-variable, -Wunused-variable are errors in a kernel build).
    private readonly Dictionary<string, int> reads;

    private DeadCheckElimination(RangeEvaluator ranges, ImmutableDictionary<string, CType> declared, Dictionary<string, int> reads)
    {
        this.ranges = ranges;
        this.declared = declared;
        this.reads = reads;
    }

    public static CFunctionDefinition Simplify(CFunctionDefinition function)
    {
        HashSet<string> escaping = CVariables.Escaping(function.Body);
        var declarations = function.Parameters.Select(p => (p.Name, p.Type))
            .Concat(CVariables.Statements(function.Body).OfType<CLocalDeclaration>().Select(d => (d.Name, d.Type)))
            .GroupBy(v => v.Name)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray());
        var declared = declarations.ToImmutableDictionary(d => d.Key, d => d.Value[0].Type);
        var tracked = new Dictionary<string, CIntegerType>();
        foreach ((string name, CType type) in declared)
        {
            // A name declared twice (in two blocks) could be two variables: neither is followed.
            if (!escaping.Contains(name) && declarations[name].Length == 1 && CIntegerType.Of(type) is { } integer)
            {
                tracked[name] = integer;
            }
        }

        var pass = new DeadCheckElimination(new RangeEvaluator(tracked), declared, CVariables.ReadCounts(function.Body));
        (ImmutableArray<CStmt> body, _, _) = pass.Block(function.Body.Statements, RangeFacts.None);
        return function with { Body = function.Body with { Statements = body } };
    }

    /// <summary>A statement list: what remains of it, the facts after it, and whether control can leave its end.</summary>
    private (ImmutableArray<CStmt> Statements, RangeFacts After, bool Completes) Block(ImmutableArray<CStmt> statements, RangeFacts facts)
    {
        var kept = ImmutableArray.CreateBuilder<CStmt>(statements.Length);
        bool reachable = true;
        for (int i = 0; i < statements.Length; i++)
        {
            CStmt statement = statements[i];
            if (!reachable)
            {
                // A label is a join point: control can arrive from any goto, with nothing known.
                if (statement is not CLabeled)
                {
                    if (!IsDroppableWhenUnreachable(statement) || !TryRemove(statement))
                    {
                        kept.Add(statement);
                    }

                    continue;
                }

                facts = RangeFacts.None;
                reachable = true;
            }

            if (i + 1 < statements.Length && DeadStores.IsOverwritten(statement, statements[i + 1], declared) && TryRemove(statement))
            {
                continue;
            }

            (CStmt? result, facts, bool completes) = Statement(statement, facts);
            if (result is not null)
            {
                kept.Add(result);
            }

            reachable = completes;
        }

        return (kept.ToImmutable(), facts, reachable);
    }

    /// <summary>Removes the statement's reads from the count, unless that would leave a variable that is read unread.</summary>
    private bool TryRemove(CStmt statement)
    {
        Dictionary<string, int> removed = CVariables.ReadCounts(statement);
        foreach ((string name, int count) in removed)
        {
            if (declared.ContainsKey(name) && reads.GetValueOrDefault(name) <= count)
            {
                return false;
            }
        }

        foreach ((string name, int count) in removed)
        {
            reads[name] = reads.GetValueOrDefault(name) - count;
        }

        return true;
    }

    // Dropping unreachable code must not leave a variable unused (-Wunused-variable): only what names no local goes.
    private bool IsDroppableWhenUnreachable(CStmt statement) => statement switch
    {
        CBlankLine => true,
        CReturn { Value: null } => true,
        CReturn { Value: { } value } => CVariables.IsPure(value) && !CVariables.Read(value).Any(declared.ContainsKey),
        _ => false,
    };

    private (CStmt? Result, RangeFacts After, bool Completes) Statement(CStmt statement, RangeFacts facts)
    {
        switch (statement)
        {
            case CIf choice:
                return If(choice, facts);
            case CBlock block:
            {
                (ImmutableArray<CStmt> inner, RangeFacts after, bool completes) = Block(block.Statements, facts);
                return (block with { Statements = inner }, after, completes);
            }

            case CExpressionStatement { Expression: CAssign { Operator: null, Target: CIdentifier target, Value: var value } }:
                return (statement, AssignTo(target.Name, value, facts), true);
            case CLocalDeclaration { Initializer: { } initializer } declaration:
                return (statement, AssignTo(declaration.Name, initializer, facts), true);
            case CReturn or CGoto or CBreak or CContinue:
                return (statement, facts, false);
            case CWhile loop:
            {
                RangeFacts entry = ForgetWritten(facts, loop);
                (CStmt body, _, _) = Nested(loop.Body, ranges.Assume(loop.Condition, true, entry));
                return (loop with { Body = body }, entry, true);
            }

            case CDoWhile loop:
            {
                RangeFacts entry = ForgetWritten(facts, loop);
                (CStmt body, _, _) = Nested(loop.Body, entry);
                return (loop with { Body = body }, entry, true);
            }

            case CFor loop:
                return For(loop, facts);
            case CSwitch choice:
                return Switch(choice, facts);
            case CLabeled labeled:
            {
                (CStmt inner, RangeFacts after, bool completes) = Nested(labeled.Statement, RangeFacts.None);
                return (labeled with { Statement = inner }, after, completes);
            }

            default:
                return (statement, ForgetWritten(facts, statement), true);
        }
    }

    /// <summary>A statement that must remain one (a loop's body, a branch): a dropped check leaves an empty block.</summary>
    private (CStmt Result, RangeFacts After, bool Completes) Nested(CStmt statement, RangeFacts facts)
    {
        (CStmt? result, RangeFacts after, bool completes) = Statement(statement, facts);
        return (result ?? new CBlock([]), after, completes);
    }

    private RangeFacts AssignTo(string variable, CExpr value, RangeFacts facts)
    {
        Interval? range = ranges.IsTracked(variable) && CVariables.IsPure(value) ? ranges.Range(value, facts) : null;
        facts = facts.IsEmpty ? facts : facts.Forget(CVariables.Written(new CExpressionStatement(value)).Append(variable).ToHashSet());
        return range is { } known && known.Within(ranges.TypeOf(variable).Kept) ? facts.With(variable, known) : facts;
    }

    // With nothing known there is nothing to forget, and no need to find what the statement writes.
    private static RangeFacts ForgetWritten(RangeFacts facts, CStmt statement) => facts.IsEmpty ? facts : facts.Forget(CVariables.Written(statement));

    private (CStmt? Result, RangeFacts After, bool Completes) If(CIf choice, RangeFacts facts)
    {
        bool pure = CVariables.IsPure(choice.Condition);
        bool? truth = pure ? ranges.Truth(choice.Condition, facts) : null;
        if (truth == false && choice.Else is null && TryRemove(choice))
        {
            return (null, facts, true);
        }

        RangeFacts before = pure ? facts : ForgetWritten(facts, new CExpressionStatement(choice.Condition));
        (CStmt thenBranch, RangeFacts afterThen, bool thenCompletes) = Nested(choice.Then, ranges.Assume(choice.Condition, true, before));
        RangeFacts whenFalse = ranges.Assume(choice.Condition, false, before);
        if (choice.Else is null)
        {
            RangeFacts after = thenCompletes ? afterThen.Join(whenFalse) : whenFalse;
            return (choice with { Then = thenBranch }, after, true);
        }

        (CStmt elseBranch, RangeFacts afterElse, bool elseCompletes) = Nested(choice.Else, whenFalse);
        RangeFacts joined = (thenCompletes, elseCompletes) switch
        {
            (true, true) => afterThen.Join(afterElse),
            (true, false) => afterThen,
            _ => afterElse,
        };
        return (choice with { Then = thenBranch, Else = elseBranch }, joined, thenCompletes || elseCompletes);
    }

    // for (i = a; i < b; i++) with i changed only by the step: in the body, a <= i < b (i only grows
    // from a, and stops before it could wrap).
    private (CStmt? Result, RangeFacts After, bool Completes) For(CFor loop, RangeFacts facts)
    {
        CStmt? initializer = loop.Initializer;
        if (initializer is not null)
        {
            (initializer, facts, _) = Nested(initializer, facts);
        }

        HashSet<string> changed = CVariables.Written(loop with { Initializer = null });
        RangeFacts entry = facts.Forget(changed);
        if (InductionVariable(loop, entry) is { } counter && facts.Ranges.TryGetValue(counter, out Interval start))
        {
            entry = entry.With(counter, new Interval(start.Min, ranges.TypeOf(counter).Whole.Max));
        }

        RangeFacts inBody = loop.Condition is null ? entry : ranges.Assume(loop.Condition, true, entry);
        (CStmt body, _, _) = Nested(loop.Body, inBody);
        return (loop with { Initializer = initializer, Body = body }, entry.Forget(changed), true);
    }

    /// <summary>The counter of a loop stepped by <c>i++</c> under <c>i &lt; bound</c>, which neither its body nor its condition changes.</summary>
    private string? InductionVariable(CFor loop, RangeFacts facts)
    {
        string? counter = loop.Step switch
        {
            CUnary { Operator: CUnaryOperator.PostIncrement or CUnaryOperator.PreIncrement, Operand: CIdentifier { Name: var name } } => name,
            CAssign { Operator: CBinaryOperator.Add, Target: CIdentifier { Name: var name }, Value: CIntegerLiteral { Value.IsOne: true } } => name,
            _ => null,
        };
        if (counter is null || !ranges.IsTracked(counter)
            || loop.Condition is not CBinary { Operator: CBinaryOperator.Less, Left: CIdentifier { Name: var tested }, Right: var bound }
            || tested != counter || !CVariables.IsPure(bound))
        {
            return null;
        }

        bool changedElsewhere = CVariables.Written(loop.Body).Contains(counter)
            || CVariables.Written(new CExpressionStatement(loop.Condition)).Contains(counter)
            || CVariables.Read(bound).Overlaps(CVariables.Written(loop.Body));
        // i < bound with bound at most the type's maximum: i + 1 cannot wrap.
        bool mayWrap = ranges.Range(bound, facts) is not { } limit || limit.Max > ranges.TypeOf(counter).Kept.Max;
        return changedElsewhere || mayWrap ? null : counter;
    }

    // Every section starts with what held before the switch, less what any section changes (one can fall into the next).
    // The switch ends control when it has a default, its last section does not complete, and no break leaves it.
    private (CStmt? Result, RangeFacts After, bool Completes) Switch(CSwitch choice, RangeFacts facts)
    {
        RangeFacts entry = ForgetWritten(facts, choice);
        var sections = ImmutableArray.CreateBuilder<CSwitchSection>(choice.Sections.Length);
        bool lastCompletes = true;
        foreach (CSwitchSection section in choice.Sections)
        {
            (ImmutableArray<CStmt> statements, _, lastCompletes) = Block(section.Statements, entry);
            sections.Add(section with { Statements = statements });
        }

        bool completes = lastCompletes || !choice.Sections.Any(s => s.IsDefault) || choice.Sections.Any(s => s.Statements.Any(BreaksOut));
        return (choice with { Sections = sections.ToImmutable() }, entry, completes);
    }

    /// <summary>Whether a break in the statement leaves the enclosing switch (not a loop or switch nested in it).</summary>
    private static bool BreaksOut(CStmt statement) => statement switch
    {
        CBreak => true,
        CBlock block => block.Statements.Any(BreaksOut),
        CIf choice => BreaksOut(choice.Then) || (choice.Else is { } otherwise && BreaksOut(otherwise)),
        CLabeled labeled => BreaksOut(labeled.Statement),
        _ => false,
    };
}
