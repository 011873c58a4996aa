using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

internal sealed partial class FunctionLowering
{
    // A loop whose condition or step needs guard statements cannot keep them in the loop header:
    //   for (i = 0; i < n / d; i++) body
    // becomes
    //   for (i = 0;; i++) { if (d == 0) return (EDOM); if (!(i < n / d)) break; body }
    // C's "continue" in a for loop still runs the step; a do-while continues at a label instead.
    private void While(IWhileLoopOperation loop)
    {
        if (loop.Condition is null)
        {
            Emit(new CFor(null, null, null, Nested(loop.Body)));
            return;
        }

        (ImmutableArray<CStmt> guard, CExpr condition) = Prelude(loop.Condition);
        if (loop.ConditionIsTop)
        {
            if (guard.IsEmpty)
            {
                Emit(new CWhile(condition, Nested(loop.Body)));
                return;
            }

            CBlock body = Nested(loop.Body);
            Emit(new CFor(null, null, null, new CBlock([.. guard, BreakUnless(condition), .. body.Statements])));
            return;
        }

        if (guard.IsEmpty)
        {
            Emit(new CDoWhile(Nested(loop.Body), condition));
            return;
        }

        string label = labels.New("next");
        labels.ContinueAt(loop.ContinueLabel, label);
        CBlock doBody = Nested(loop.Body);
        CStmt first = labels.IsUsed(label) ? new CLabeled(label, guard[0]) : guard[0];
        Emit(new CFor(null, null, null, new CBlock([.. doBody.Statements, first, .. guard[1..], BreakUnless(condition)])));
    }

    private void For(IForLoopOperation loop)
    {
        foreach (IOperation before in loop.Before)
        {
            Statement(before);
        }

        // The last initializer statement moves into the header when it is a plain assignment.
        CStmt? initializer = null;
        if (loop.Before.Length > 0 && current.Count > 0 && current[^1] is CExpressionStatement { Expression: CAssign } last)
        {
            initializer = last with { Location = null };
            current.RemoveAt(current.Count - 1);
        }

        (ImmutableArray<CStmt> guard, CExpr? condition) = loop.Condition is null ? ([], null) : Prelude(loop.Condition);
        (ImmutableArray<CStmt> stepGuard, CExpr? step) = Step(loop.AtLoopBottom);
        if (stepGuard.IsEmpty)
        {
            CBlock body = Nested(loop.Body);
            Emit(guard.IsEmpty
                ? new CFor(initializer, condition, step, body)
                : new CFor(initializer, null, step, new CBlock([.. guard, BreakUnless(condition!), .. body.Statements])));
            return;
        }

        string label = labels.New("next");
        labels.ContinueAt(loop.ContinueLabel, label);
        CBlock inner = Nested(loop.Body);
        ImmutableArray<CStmt> stepStatements = [.. stepGuard, .. step is null ? [] : new CStmt[] { new CExpressionStatement(step) }];
        CStmt firstStep = labels.IsUsed(label) ? new CLabeled(label, stepStatements[0]) : stepStatements[0];
        Emit(new CFor(initializer, null, null, new CBlock([
            .. guard, .. condition is null ? [] : new[] { BreakUnless(condition) }, .. inner.Statements,
            firstStep, .. stepStatements[1..]])));
    }

    private (ImmutableArray<CStmt> Guard, CExpr? Step) Step(ImmutableArray<IOperation> atBottom)
    {
        if (atBottom.IsEmpty)
        {
            return ([], null);
        }

        CBlock block = Collect(() =>
        {
            foreach (IOperation step in atBottom)
            {
                Statement(step);
            }
        });
        if (block.Statements is [CExpressionStatement single])
        {
            return ([], single.Expression);
        }

        return (block.Statements, null);
    }

    private (ImmutableArray<CStmt> Guard, CExpr Value) Prelude(IOperation operation)
    {
        CExpr value = null!;
        CBlock guard = Collect(() => value = Value(operation));
        return (guard.Statements, value);
    }

    private static CIf BreakUnless(CExpr condition) => new(new CUnary(CUnaryOperator.LogicalNot, condition), new CBlock([new CBreak()]));

    private void Switch(ISwitchOperation choice)
    {
        resources.MarkJumpTarget(choice.ExitLabel);
        CExpr value = Value(choice.Value);
        bool constantLabels = choice.Cases.All(c => c.Clauses.All(l => l is ISingleValueCaseClauseOperation { Value.ConstantValue.HasValue: true } or IDefaultCaseClauseOperation));
        // C has no switch on a bool (clang's -Wswitch-bool is an error under -Werror): "case true/false" is an if.
        if (!constantLabels || choice.Value.Type?.SpecialType == SpecialType.System_Boolean)
        {
            SwitchAsIfChain(choice, value);
            return;
        }

        var sections = ImmutableArray.CreateBuilder<CSwitchSection>();
        foreach (ISwitchCaseOperation section in choice.Cases)
        {
            ImmutableArray<CExpr> labels = [.. section.Clauses.OfType<ISingleValueCaseClauseOperation>().Select(l => Value(l.Value))];
            bool isDefault = section.Clauses.Any(l => l is IDefaultCaseClauseOperation);
            CBlock body = Collect(() =>
            {
                foreach (IOperation statement in section.Body)
                {
                    Statement(statement);
                }
            });
            sections.Add(new CSwitchSection(labels, isDefault, body.Statements));
        }

        Emit(new CSwitch(value, sections.ToImmutable()));
    }
}
