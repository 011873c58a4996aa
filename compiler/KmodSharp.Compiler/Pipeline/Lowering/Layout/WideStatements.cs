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
/// An element too wide even alone reads through a pointer to its array: kms_tmp_5 = s.f.e; then kms_tmp_5[i]
/// (a const pointer: the statement only reads through it).
/// Only an operand C evaluates unconditionally and without effects is moved, out of a statement
/// whose one effect is its final store, call or test: nothing it reads changes between its new
/// place and its old, and the temporary has the operand's own type.
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

    // Moves out, one at a time, the operand whose temporary narrows the statement most; a move
    // is kept only when the statement and what was moved out of it overflow 80 columns by fewer
    // columns in all than before (two operands too wide each move in turn).
    private List<CStmt> Split(CStmt statement, int depth)
    {
        var before = new List<CStmt>();
        int overflow = CPrinter.Overflow(statement, depth);
        for (int i = 0; i < MostSplits && overflow > 0; i++)
        {
            var temporary = new CIdentifier(Fresh());
            (CExpr Operand, CType Type, CStmt Narrowed, int Overflow)? best = null;
            foreach ((CExpr operand, CType type) in Candidates(statement))
            {
                CStmt rest = Replaced(statement, operand, temporary);
                int restOverflow = CPrinter.Overflow(rest, depth);
                if (best is null || restOverflow < best.Value.Overflow)
                {
                    best = (operand, type, rest, restOverflow);
                }
            }

            if (best is not { } chosen)
            {
                break;
            }

            var computed = new CExpressionStatement(new CAssign(temporary, chosen.Operand)) { Location = statement.Location };
            int declared = added.Count;
            List<CStmt> moved = Split(computed, depth);
            if (moved.Append(chosen.Narrowed).Sum(s => CPrinter.Overflow(s, depth)) >= overflow)
            {
                // Not kept: neither are the temporaries of what would have moved (-Wunused-variable).
                added.RemoveRange(declared, added.Count - declared);
                break;
            }

            added.Add(new CLocalDeclaration(chosen.Type, temporary.Name));
            before.AddRange(moved);
            statement = chosen.Narrowed;
            overflow = CPrinter.Overflow(statement, depth);
        }

        before.Add(statement);
        return before;
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

    /// <summary>The operands that may move out of the statement, with their C types.</summary>
    private IEnumerable<(CExpr Operand, CType Type)> Candidates(CStmt statement)
    {
        (CExpr? root, bool rootMoves) = statement switch
        {
            CExpressionStatement { Expression: CAssign { Target: var target, Value: var value } } when CVariables.IsQuiet(target) => (value, false),
            CExpressionStatement { Expression: CCall call } => (call, false),
            CReturn { Value: { } value } => (value, false),
            CIf choice => (choice.Condition, true),
            _ => (null, false),
        };
        if (root is null)
        {
            return [];
        }

        // The statement's own call (a helper, __builtin_*_overflow) runs after its arguments.
        if (root is CCall { Function: CIdentifier } own && !CVariables.IsPureCall(own))
        {
            return own.Arguments.All(CVariables.IsQuiet) ? own.Arguments.SelectMany(a => Unconditional(a, true)) : [];
        }

        return CVariables.IsQuiet(root) ? Unconditional(root, rootMoves) : [];
    }

    // What C evaluates whenever it evaluates the expression (not the right of && or ||, not a
    // branch of ?:, nothing under sizeof), that has a type the tree shows: a cast's, int for a
    // comparison or logical operator, an element's or field's as the lowering read it, and a
    // pointer to an element for the array (a struct's member) it is read from.
    private IEnumerable<(CExpr, CType)> Unconditional(CExpr expression, bool movesItself)
    {
        CType? type = expression switch
        {
            CCast { Type: var cast } when cast is CNamedType { Name: not "void" } or CPointerType => cast,
            CBinary { Operator: CBinaryOperator.Less or CBinaryOperator.LessOrEqual or CBinaryOperator.Greater or CBinaryOperator.GreaterOrEqual
                or CBinaryOperator.Equal or CBinaryOperator.NotEqual or CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr } => CNamedType.Int,
            CIndex or CMember => readTypes.Of(expression),
            _ => null,
        };
        if (movesItself && type is not null)
        {
            yield return (expression, type);
        }

        if (expression is CIndex { Target: CMember array } element && readTypes.Of(element) is { } elementType)
        {
            yield return (array, new CPointerType(elementType, PointeeConst: true));
        }

        IEnumerable<CExpr> evaluated = expression switch
        {
            CBinary { Operator: CBinaryOperator.LogicalAnd or CBinaryOperator.LogicalOr } logical => [logical.Left],
            CBinary binary => [binary.Left, binary.Right],
            CUnary unary => [unary.Operand],
            CCast cast => [cast.Operand],
            CConditional conditional => [conditional.Condition],
            CIndex index => [index.Target, index.Index],
            CMember member => [member.Target],
            CCall call => call.Arguments,
            _ => [],
        };
        foreach (CExpr inner in evaluated)
        {
            foreach ((CExpr, CType) candidate in Unconditional(inner, true))
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
