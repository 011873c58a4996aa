using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering.Simplify;

/// <summary>Which variables a piece of the C tree reads, writes or lets escape by address.</summary>
internal static class CVariables
{
    /// <summary>The names an expression mentions.</summary>
    public static HashSet<string> Read(CExpr expression)
    {
        var names = new HashSet<string>();
        Walk(expression, names, static (e, names) =>
        {
            if (e is CIdentifier { Name: var name })
            {
                names.Add(name);
            }

            return true;
        });
        return names;
    }

    /// <summary>How many times the statement reads each name (a plain assignment's target is written, not read).</summary>
    public static Dictionary<string, int> ReadCounts(CStmt statement)
    {
        var counts = new Dictionary<string, int>();
        foreach (CStmt nested in Statements(statement))
        {
            foreach (CExpr expression in Own(nested))
            {
                CountReads(expression, counts);
            }
        }

        return counts;
    }

    private static void CountReads(CExpr expression, Dictionary<string, int> counts) =>
        Walk(expression, counts, static (e, counts) =>
        {
            if (e is CAssign { Operator: null, Target: CIdentifier, Value: var value })
            {
                CountReads(value, counts);
                return false;
            }

            if (e is CIdentifier { Name: var name })
            {
                counts[name] = counts.GetValueOrDefault(name) + 1;
            }

            return true;
        });

    /// <summary>The variables a statement (and everything in it) may change: assigned, stepped, or given by address.</summary>
    public static HashSet<string> Written(CStmt statement)
    {
        var written = new HashSet<string>();
        List<CStmt> statements = Statements(statement);
        foreach (CStmt nested in statements)
        {
            foreach (CExpr own in Own(nested))
            {
                Walk(own, written, static (expression, written) =>
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

                    return true;
                });
            }
        }

        foreach (CLocalDeclaration declaration in statements.OfType<CLocalDeclaration>())
        {
            written.Add(declaration.Name);
        }

        return written;
    }

    /// <summary>The variables whose address is taken anywhere: a pointer may change them where no name shows it.</summary>
    public static HashSet<string> Escaping(CStmt statement)
    {
        var escaping = new HashSet<string>();
        foreach (CStmt nested in Statements(statement))
        {
            foreach (CExpr own in Own(nested))
            {
                Walk(own, escaping, static (expression, escaping) =>
                {
                    if (expression is CUnary { Operator: CUnaryOperator.AddressOf, Operand: var operand } && Root(operand) is { } name)
                    {
                        escaping.Add(name);
                    }

                    return true;
                });
            }
        }

        return escaping;
    }

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

    /// <summary>The statement and every statement nested in it, in source order.</summary>
    public static List<CStmt> Statements(CStmt statement)
    {
        var all = new List<CStmt>();
        AddStatements(statement, all);
        return all;
    }

    private static void AddStatements(CStmt statement, List<CStmt> all)
    {
        all.Add(statement);
        switch (statement)
        {
            case CBlock block:
                foreach (CStmt child in block.Statements)
                {
                    AddStatements(child, all);
                }

                break;
            case CIf choice:
                AddStatements(choice.Then, all);
                if (choice.Else is { } otherwise)
                {
                    AddStatements(otherwise, all);
                }

                break;
            case CWhile loop:
                AddStatements(loop.Body, all);
                break;
            case CDoWhile loop:
                AddStatements(loop.Body, all);
                break;
            case CFor loop:
                if (loop.Initializer is { } initializer)
                {
                    AddStatements(initializer, all);
                }

                AddStatements(loop.Body, all);
                break;
            case CLabeled labeled:
                AddStatements(labeled.Statement, all);
                break;
            case CSwitch choice:
                foreach (CSwitchSection section in choice.Sections)
                {
                    foreach (CStmt child in section.Statements)
                    {
                        AddStatements(child, all);
                    }
                }

                break;
        }
    }

    /// <summary>The expressions a statement holds itself (not those of nested statements).</summary>
    public static IReadOnlyList<CExpr> Own(CStmt statement) => statement switch
    {
        CExpressionStatement expression => [expression.Expression],
        CLocalDeclaration { Initializer: { } initializer } => [initializer],
        CReturn { Value: { } value } => [value],
        CIf choice => [choice.Condition],
        CWhile loop => [loop.Condition],
        CDoWhile loop => [loop.Condition],
        CFor loop => [.. Present(loop.Condition), .. Present(loop.Step)],
        CSwitch choice => [choice.Value, .. choice.Sections.SelectMany(s => s.Labels)],
        _ => [],
    };

    private static IEnumerable<CExpr> Present(CExpr? expression) => expression is null ? [] : [expression];

    /// <summary>The expression and every expression nested in it, each before its operands.</summary>
    public static List<CExpr> Expressions(CExpr expression)
    {
        var all = new List<CExpr>();
        Walk(expression, all, static (e, all) =>
        {
            all.Add(e);
            return true;
        });
        return all;
    }

    // Visits the expression, then (when the visit says so) its operands left to right: one walk
    // without an enumerator for each level, which the passes run over every statement.
    private static void Walk<TState>(CExpr expression, TState state, System.Func<CExpr, TState, bool> visit)
    {
        if (!visit(expression, state))
        {
            return;
        }

        switch (expression)
        {
            case CUnary unary:
                Walk(unary.Operand, state, visit);
                break;
            case CBinary binary:
                Walk(binary.Left, state, visit);
                Walk(binary.Right, state, visit);
                break;
            case CAssign assign:
                Walk(assign.Target, state, visit);
                Walk(assign.Value, state, visit);
                break;
            case CConditional conditional:
                Walk(conditional.Condition, state, visit);
                Walk(conditional.WhenTrue, state, visit);
                Walk(conditional.WhenFalse, state, visit);
                break;
            case CCast cast:
                Walk(cast.Operand, state, visit);
                break;
            case CCall call:
                Walk(call.Function, state, visit);
                foreach (CExpr argument in call.Arguments)
                {
                    Walk(argument, state, visit);
                }

                break;
            case CMember member:
                Walk(member.Target, state, visit);
                break;
            case CIndex index:
                Walk(index.Target, state, visit);
                Walk(index.Index, state, visit);
                break;
            case CSizeofExpression size:
                Walk(size.Operand, state, visit);
                break;
            case CDesignatedInitializer initializer:
                foreach (CDesignator member in initializer.Members)
                {
                    Walk(member.Value, state, visit);
                }

                break;
        }
    }

    /// <summary>The variable an lvalue stores into: x for x, x.f, x[i]; null through a pointer.</summary>
    private static string? Root(CExpr target) => target switch
    {
        CIdentifier identifier => identifier.Name,
        CMember { Arrow: false } member => Root(member.Target),
        CIndex index => Root(index.Target),
        _ => null,
    };
}
