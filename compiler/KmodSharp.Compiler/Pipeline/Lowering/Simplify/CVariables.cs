using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>Which variables a piece of the C tree reads, writes or lets escape by address.</summary>
internal static class CVariables
{
    /// <summary>The names an expression mentions.</summary>
    public static HashSet<string> Read(CExpr expression) => [.. Expressions(expression).OfType<CIdentifier>().Select(i => i.Name)];

    /// <summary>How many times the statement reads each name (a plain assignment's target is written, not read).</summary>
    public static Dictionary<string, int> ReadCounts(CStmt statement)
    {
        var counts = new Dictionary<string, int>();
        foreach (CExpr expression in Statements(statement).SelectMany(Own))
        {
            CountReads(expression, counts);
        }

        return counts;
    }

    private static void CountReads(CExpr expression, Dictionary<string, int> counts)
    {
        if (expression is CAssign { Operator: null, Target: CIdentifier, Value: var value })
        {
            CountReads(value, counts);
            return;
        }

        if (expression is CIdentifier { Name: var name })
        {
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }

        foreach (CExpr child in Children(expression))
        {
            CountReads(child, counts);
        }
    }

    /// <summary>The variables a statement (and everything in it) may change: assigned, stepped, or given by address.</summary>
    public static HashSet<string> Written(CStmt statement)
    {
        var written = new HashSet<string>();
        foreach (CExpr expression in Statements(statement).SelectMany(Own).SelectMany(Expressions))
        {
            CExpr? target = expression switch
            {
                CAssign assign => assign.Target,
                CUnary { Operator: CUnaryOperator.PreIncrement or CUnaryOperator.PreDecrement or CUnaryOperator.PostIncrement or CUnaryOperator.PostDecrement or CUnaryOperator.AddressOf } unary => unary.Operand,
                _ => null,
            };
            if (target is not null && Root(target) is { } name)
            {
                written.Add(name);
            }
        }

        foreach (CLocalDeclaration declaration in Statements(statement).OfType<CLocalDeclaration>())
        {
            written.Add(declaration.Name);
        }

        return written;
    }

    /// <summary>The variables whose address is taken anywhere: a pointer may change them where no name shows it.</summary>
    public static HashSet<string> Escaping(CStmt statement) =>
        [.. Statements(statement).SelectMany(Own).SelectMany(Expressions)
            .OfType<CUnary>().Where(u => u.Operator == CUnaryOperator.AddressOf)
            .Select(u => Root(u.Operand)).OfType<string>()];

    /// <summary>An expression without effects and without memory reads: names, constants and operators on them.</summary>
    public static bool IsPure(CExpr expression) => expression switch
    {
        CIdentifier or CIntegerLiteral => true,
        CCast cast => IsPure(cast.Operand),
        CUnary { Operator: CUnaryOperator.Negate or CUnaryOperator.Plus or CUnaryOperator.BitwiseNot or CUnaryOperator.LogicalNot } unary => IsPure(unary.Operand),
        CBinary binary => IsPure(binary.Left) && IsPure(binary.Right),
        _ => false,
    };

    // sys/libkern.h's min/max family: static inline functions without effects.
    private static readonly HashSet<string> PureFunctions = ["imax", "imin", "lmax", "lmin", "max", "min", "qmax", "qmin", "ulmax", "ulmin", "omax", "omin"];

    /// <summary>Evaluating it changes nothing (it may read memory): no store, no step, no call but the pure ones.</summary>
    public static bool IsQuiet(CExpr expression) => Expressions(expression).All(e =>
        e is not (CAssign or CUnary { Operator: CUnaryOperator.PreIncrement or CUnaryOperator.PreDecrement or CUnaryOperator.PostIncrement or CUnaryOperator.PostDecrement })
        && (e is not CCall call || IsPureCall(call)));

    /// <summary>A call of a function without effects (sys/libkern.h's min/max family).</summary>
    public static bool IsPureCall(CCall call) => call.Function is CIdentifier { Name: var name } && PureFunctions.Contains(name);

    /// <summary>The statement and every statement nested in it.</summary>
    public static IEnumerable<CStmt> Statements(CStmt statement)
    {
        yield return statement;
        IEnumerable<CStmt?> children = statement switch
        {
            CBlock block => block.Statements.Cast<CStmt?>(),
            CIf choice => [choice.Then, choice.Else],
            CWhile loop => [loop.Body],
            CDoWhile loop => [loop.Body],
            CFor loop => [loop.Initializer, loop.Body],
            CLabeled labeled => [labeled.Statement],
            CSwitch choice => choice.Sections.SelectMany(s => s.Statements).Cast<CStmt?>(),
            _ => [],
        };
        foreach (CStmt? child in children)
        {
            if (child is not null)
            {
                foreach (CStmt nested in Statements(child))
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>The expressions a statement holds itself (not those of nested statements).</summary>
    public static IEnumerable<CExpr> Own(CStmt statement)
    {
        IEnumerable<CExpr?> own = statement switch
        {
            CExpressionStatement expression => [expression.Expression],
            CLocalDeclaration declaration => [declaration.Initializer],
            CReturn ret => [ret.Value],
            CIf choice => [choice.Condition],
            CWhile loop => [loop.Condition],
            CDoWhile loop => [loop.Condition],
            CFor loop => [loop.Condition, loop.Step],
            CSwitch choice => [choice.Value, .. choice.Sections.SelectMany(s => s.Labels)],
            _ => [],
        };
        return own.OfType<CExpr>();
    }

    /// <summary>The expression and every expression nested in it.</summary>
    public static IEnumerable<CExpr> Expressions(CExpr expression)
    {
        yield return expression;
        foreach (CExpr child in Children(expression))
        {
            foreach (CExpr nested in Expressions(child))
            {
                yield return nested;
            }
        }
    }

    private static IEnumerable<CExpr> Children(CExpr expression) => expression switch
    {
        CUnary unary => [unary.Operand],
        CBinary binary => [binary.Left, binary.Right],
        CAssign assign => [assign.Target, assign.Value],
        CConditional conditional => [conditional.Condition, conditional.WhenTrue, conditional.WhenFalse],
        CCast cast => [cast.Operand],
        CCall call => [call.Function, .. call.Arguments],
        CMember member => [member.Target],
        CIndex index => [index.Target, index.Index],
        CSizeofExpression size => [size.Operand],
        CDesignatedInitializer initializer => initializer.Members.Select(m => m.Value),
        _ => [],
    };

    /// <summary>The variable an lvalue stores into: x for x, x.f, x[i]; null through a pointer.</summary>
    private static string? Root(CExpr target) => target switch
    {
        CIdentifier identifier => identifier.Name,
        CMember { Arrow: false } member => Root(member.Target),
        CIndex index => Root(index.Target),
        _ => null,
    };
}
