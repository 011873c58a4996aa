using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Lowering.Simplify;

namespace KmodSharp.Compiler.Pipeline.Lowering.Layout;

/// <summary>
/// style(9) keeps lines within 80 columns. A statement of deeply nested C# whose operands alone
/// are wider than what the indent leaves cannot be wrapped to fit, so its widest cast, comparison,
/// element or field read is computed first into a temporary of that type, as a committer would write it:
///   x = (int64_t)((uint64_t)s.e[i] &lt;&lt; (n &amp; 63));   becomes   kms_tmp_4 = (uint64_t)s.e[i];
///                                                          x = (int64_t)(kms_tmp_4 &lt;&lt; (n &amp; 63));
/// An element too wide even alone is read through a const pointer (the statement only reads it)
/// to its array, kms_tmp_5 = s.f.e; ... kms_tmp_5[i], or to itself, kms_tmp_5 = s.f.e + i; ... *kms_tmp_5.
/// Only an operand C evaluates unconditionally and without effects is moved, out of a statement
/// whose one effect is its final store, call or test, or past a call whose order against it C
/// leaves unspecified: nothing it reads changes between its new place and its old, and the
/// temporary has the operand's own type.
/// </summary>
internal sealed class WideStatements
{
    // Enough for any generated statement; a bound, so a statement that cannot fit stops trying.
    private const int MostSplits = 6;

    private readonly IReadOnlyDictionary<CStmt, int> depths;
    private readonly HashSet<string> names;
    private readonly ReadTypes readTypes;
    private readonly List<CLocalDeclaration> added = [];

    private WideStatements(IReadOnlyDictionary<CStmt, int> depths, HashSet<string> names, ReadTypes readTypes)
    {
        this.depths = depths;
        this.names = names;
        this.readTypes = readTypes;
    }

    /// <summary>Splits the function's too-wide statements; <paramref name="readTypes"/> are the types of its element and field reads.</summary>
    public static CFunctionDefinition Split(ReadTypes readTypes, CFunctionDefinition function)
    {
        (IReadOnlyDictionary<CStmt, int> depths, int widest) = CPrinter.Layout(function);
        if (widest <= CPrinter.MaxColumns)
        {
            return function;
        }

        HashSet<string> names = [.. function.Parameters.Select(p => p.Name), .. CVariables.Statements(function.Body).SelectMany(Names)];
        var pass = new WideStatements(depths, names, readTypes);
        ImmutableArray<CStmt> body = pass.Block(function.Body.Statements);
        if (pass.added.Count == 0)
        {
            return function;
        }

        // The temporaries join the declarations at the top of the function (style(9)).
        int declarations = body.TakeWhile(s => s is CLocalDeclaration).Count();
        ImmutableArray<CStmt> withTemporaries = declarations == 0
            ? [.. pass.added, new CBlankLine(), .. body]
            : [.. body[..declarations], .. pass.added, .. body[declarations..]];
        return function with { Body = function.Body with { Statements = withTemporaries } };
    }

    private ImmutableArray<CStmt> Block(ImmutableArray<CStmt> statements) => [.. statements.SelectMany(Statement)];

    private CStmt Nested(CStmt statement)
    {
        IReadOnlyList<CStmt> statements = Statement(statement);
        return statements is [var single] ? single : new CBlock([.. statements]);
    }

    private IReadOnlyList<CStmt> Statement(CStmt statement)
    {
        int? depth = depths.TryGetValue(statement, out int d) ? d : null;
        switch (statement)
        {
            case CBlock block:
                return [block with { Statements = Block(block.Statements) }];
            case CIf choice:
                CIf rebuilt = choice with { Then = Nested(choice.Then), Else = choice.Else is null ? null : Nested(choice.Else) };
                return depth is { } at ? Split(rebuilt, at) : [rebuilt];
            case CWhile loop:
                return [loop with { Body = Nested(loop.Body) }];
            case CDoWhile loop:
                return [loop with { Body = Nested(loop.Body) }];
            case CFor loop:
                return [loop with { Body = Nested(loop.Body) }];
            case CSwitch choice:
                return [choice with { Sections = [.. choice.Sections.Select(s => s with { Statements = Block(s.Statements) })] }];
            case CLabeled labeled:
                // The label stays on the first statement: a jump to it runs what was moved too.
                IReadOnlyList<CStmt> inner = Statement(labeled.Statement);
                return [labeled with { Statement = inner[0] }, .. inner.Skip(1)];
            case CExpressionStatement or CReturn when depth is { } printedAt:
                return Split(statement, printedAt);
            default:
                return [statement];
        }
    }

    // Moves out, one at a time, the operand whose temporary leaves the statement and its own
    // computation least over 80 columns; a move is kept only when the statement and what was moved
    // out of it, split in turn, overflow by fewer columns in all than before.
    private List<CStmt> Split(CStmt statement, int depth)
    {
        var before = new List<CStmt>();
        int overflow = CPrinter.Overflow(statement, depth);
        for (int i = 0; i < MostSplits && overflow > 0; i++)
        {
            var temporary = new CIdentifier(Fresh());
            (Candidate Move, CStmt Computed, CStmt Narrowed, int Overflow)? best = null;
            foreach (Candidate candidate in Candidates(statement))
            {
                CStmt rest = Replaced(statement, candidate.Operand, candidate.Reads(temporary));
                var computed = new CExpressionStatement(new CAssign(temporary, candidate.Value)) { Location = statement.Location };
                int left = CPrinter.Overflow(rest, depth) + CPrinter.Overflow(computed, depth);
                if (best is null || left < best.Value.Overflow)
                {
                    best = (candidate, computed, rest, left);
                }
            }

            if (best is not { } chosen)
            {
                break;
            }

            int declared = added.Count;
            List<CStmt> moved = Split(chosen.Computed, depth);
            if (moved.Append(chosen.Narrowed).Sum(s => CPrinter.Overflow(s, depth)) >= overflow)
            {
                // Not kept: neither are the temporaries of what would have moved (-Wunused-variable).
                added.RemoveRange(declared, added.Count - declared);
                break;
            }

            added.Add(new CLocalDeclaration(chosen.Move.Type, temporary.Name));
            before.AddRange(moved);
            statement = chosen.Narrowed;
            overflow = CPrinter.Overflow(statement, depth);
        }

        before.Add(statement);
        return before;
    }

    /// <summary>
    /// An operand that may move out: the temporary of <paramref name="Type"/> is assigned
    /// <paramref name="Value"/>, and the statement then reads the operand as <see cref="Reads"/>
    /// says (the temporary itself, or what it points to).
    /// </summary>
    private sealed record Candidate(CExpr Operand, CType Type, CExpr Value, bool ThroughPointer = false)
    {
        public CExpr Reads(CIdentifier temporary) => ThroughPointer ? new CUnary(CUnaryOperator.Dereference, temporary) : temporary;
    }

    // A name no other in the function has (one skipped when its move is not kept).
    private string Fresh()
    {
        for (int n = 1; ; n++)
        {
            string name = $"{LocalNames.TemporaryStem}_{n}";
            if (names.Add(name))
            {
                return name;
            }
        }
    }

    /// <summary>The operands that may move out of the statement.</summary>
    private IEnumerable<Candidate> Candidates(CStmt statement)
    {
        CExpr? root = statement switch
        {
            CExpressionStatement { Expression: CAssign { Target: var target, Value: var value } } when CVariables.IsQuiet(target) => value,
            CExpressionStatement { Expression: CCall call } => call,
            CReturn { Value: { } value } => value,
            CIf choice => choice.Condition,
            _ => null,
        };
        return root is null ? [] : Unconditional(root, statement is CIf, OnlyEffectIsOneCall(root));
    }

    // The expression's one effect is a single call (whose result may then move, cast, into a
    // temporary): C leaves the call's order against the other operands unspecified, so computing
    // it first is one of the orders the lowering already made equivalent (FunctionLowering.Order).
    private static bool OnlyEffectIsOneCall(CExpr root)
    {
        int calls = 0;
        foreach (CExpr e in CVariables.Expressions(root))
        {
            if (e is CAssign or CUnary { Operator: CUnaryOperator.PreIncrement or CUnaryOperator.PreDecrement or CUnaryOperator.PostIncrement or CUnaryOperator.PostDecrement })
            {
                return false;
            }

            if (e is CCall call && !CVariables.IsPureCall(call))
            {
                calls++;
            }
        }

        return calls == 1;
    }

    // What C evaluates whenever it evaluates the expression (not the right of && or ||, not a
    // branch of ?:, nothing under sizeof or &), without effects, that has a type the tree shows: a
    // cast's, int for a comparison or logical operator, an element's or field's as the lowering
    // read it; and for an element of an array that is a struct's member, a pointer to the array or
    // to the element. It may move before the rest of the statement even past a call: C leaves the
    // order of a call and the other operands unspecified, so the lowering made it not matter
    // (FunctionLowering.Order), and a call's arguments are evaluated before it.
    private IEnumerable<Candidate> Unconditional(CExpr expression, bool movesItself, bool oneCall)
    {
        CType? type = expression switch
        {
            CCast { Type: var cast } when cast is CNamedType { Name: not "void" } or CPointerType => cast,
            CBinary { Operator: CBinaryOperator.Less or CBinaryOperator.LessOrEqual or CBinaryOperator.Greater or CBinaryOperator.GreaterOrEqual
                or CBinaryOperator.Equal or CBinaryOperator.NotEqual or CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr } => CNamedType.Int,
            CIndex or CMember => readTypes.Of(expression),
            _ => null,
        };
        bool quiet = CVariables.IsQuiet(expression);
        if (movesItself && type is not null && quiet)
        {
            yield return new Candidate(expression, type, expression);
        }

        // A cast of the statement's one call (whose arguments are quiet): computed first, as above.
        if (movesItself && oneCall && expression is CCast { Operand: CCall castCall } && type is not null && castCall.Arguments.All(CVariables.IsQuiet))
        {
            yield return new Candidate(expression, type, expression);
        }

        if (quiet && expression is CIndex { Target: CMember array, Index: var at } element && readTypes.Of(element) is { } elementType)
        {
            var pointer = new CPointerType(elementType, PointeeConst: true);
            yield return new Candidate(array, pointer, array);
            yield return new Candidate(element, pointer, new CBinary(CBinaryOperator.Add, array, at), ThroughPointer: true);
        }

        IEnumerable<CExpr> evaluated = expression switch
        {
            CBinary { Operator: CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr } logical => [logical.Left],
            CBinary binary => [binary.Left, binary.Right],
            CUnary { Operator: CUnaryOperator.Negate or CUnaryOperator.Plus or CUnaryOperator.BitwiseNot or CUnaryOperator.LogicalNot or CUnaryOperator.Dereference } unary => [unary.Operand],
            CCast cast => [cast.Operand],
            CConditional conditional => [conditional.Condition],
            CIndex index => [index.Target, index.Index],
            CMember member => [member.Target],
            CCall call => call.Arguments,
            _ => [],
        };
        foreach (CExpr inner in evaluated)
        {
            foreach (Candidate candidate in Unconditional(inner, true, oneCall))
            {
                yield return candidate;
            }
        }
    }

    // Only where the statement reads: an assignment's target may be the very lvalue read in its value.
    private static CStmt Replaced(CStmt statement, CExpr operand, CExpr by) => statement switch
    {
        CExpressionStatement { Expression: CAssign assign } expression => expression with { Expression = assign with { Value = Replaced(assign.Value, operand, by) } },
        CExpressionStatement expression => expression with { Expression = Replaced(expression.Expression, operand, by) },
        CReturn ret => ret with { Value = Replaced(ret.Value!, operand, by) },
        CIf choice => choice with { Condition = Replaced(choice.Condition, operand, by) },
        _ => statement,
    };

    // The expression with every occurrence of that very operand object (not an equal one) replaced.
    private static CExpr Replaced(CExpr expression, CExpr operand, CExpr by)
    {
        if (ReferenceEquals(expression, operand))
        {
            return by;
        }

        CExpr R(CExpr inner) => Replaced(inner, operand, by);
        return expression switch
        {
            CUnary unary => unary with { Operand = R(unary.Operand) },
            CBinary binary => binary with { Left = R(binary.Left), Right = R(binary.Right) },
            CAssign assign => assign with { Target = R(assign.Target), Value = R(assign.Value) },
            CConditional conditional => conditional with { Condition = R(conditional.Condition), WhenTrue = R(conditional.WhenTrue), WhenFalse = R(conditional.WhenFalse) },
            CCast cast => cast with { Operand = R(cast.Operand) },
            CCall call => call with { Arguments = [.. call.Arguments.Select(R)] },
            CMember member => member with { Target = R(member.Target) },
            CIndex index => index with { Target = R(index.Target), Index = R(index.Index) },
            _ => expression,
        };
    }

    private static IEnumerable<string> Names(CStmt statement) =>
        CVariables.Own(statement).SelectMany(CVariables.Expressions).OfType<CIdentifier>().Select(i => i.Name)
            .Concat(statement is CLocalDeclaration declaration ? [declaration.Name] : []);
}
