using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// Patterns on integers and enums become comparisons of a value evaluated once:
//   x is > 0 and < 10 or 42          (x > 0 && x < 10) || x == 42
//   r is { Level: > 0, Mode: 2 }      r.level > 0 && r.mode == 2
//   switch (x) { case < 0: …; break; case 0: …; break; default: … }
//                                     if (x < 0) { … } else if (x == 0) { … } else { … }
// A "break" out of such a switch jumps past the chain. A switch expression with no arm that
// matches would throw in .NET (SwitchExpressionException); here it returns EINVAL.
internal sealed partial class FunctionLowering
{
    private const string NoMatchErrno = "EINVAL";

    private CExpr Pattern(IPatternOperation pattern, CExpr value)
    {
        switch (pattern)
        {
            case IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool truth } }:
                return truth ? value : new CUnary(CUnaryOperator.LogicalNot, value);
            case IConstantPatternOperation constant:
                return new CBinary(CBinaryOperator.Equal, value, Value(constant.Value));
            case IRelationalPatternOperation relational:
                CBinaryOperator op = relational.OperatorKind switch
                {
                    BinaryOperatorKind.LessThan => CBinaryOperator.Less,
                    BinaryOperatorKind.LessThanOrEqual => CBinaryOperator.LessOrEqual,
                    BinaryOperatorKind.GreaterThan => CBinaryOperator.Greater,
                    BinaryOperatorKind.GreaterThanOrEqual => CBinaryOperator.GreaterOrEqual,
                    BinaryOperatorKind.NotEquals => CBinaryOperator.NotEqual,
                    _ => CBinaryOperator.Equal,
                };
                return new CBinary(op, value, Value(relational.Value));
            case IBinaryPatternOperation binary:
                return new CBinary(binary.OperatorKind == BinaryOperatorKind.Or ? CBinaryOperator.LogicalOr : CBinaryOperator.LogicalAnd,
                    Pattern(binary.LeftPattern, value), Pattern(binary.RightPattern, value));
            case INegatedPatternOperation negated:
                return new CUnary(CUnaryOperator.LogicalNot, Pattern(negated.Pattern, value));
            case IDiscardPatternOperation:
                return new CIdentifier("true");
            case IRecursivePatternOperation recursive:
                // A struct's fields (FieldPattern): every subpattern on its member of the value, left to right.
                return recursive.PropertySubpatterns
                    .Select(p => Pattern(p.Pattern, PatternMember(p.Member, value)))
                    .Aggregate((CExpr?)null, (all, test) => all is null ? test : new CBinary(CBinaryOperator.LogicalAnd, all, test))
                    ?? new CIdentifier("true");
            default:
                // Other patterns are refused by the analyzer.
                throw LoweringContext.Untranslated(pattern, $"the pattern '{pattern.Syntax}'");
        }
    }

    // The field a property subpattern names, of the pattern's value (value.range.low for { Range.Low: … }).
    private CExpr PatternMember(IOperation member, CExpr value) => member switch
    {
        IFieldReferenceOperation { Instance: IInstanceReferenceOperation } field => MemberOf(value, field.Field),
        IFieldReferenceOperation { Instance: { } instance } field => MemberOf(PatternMember(instance, value), field.Field),
        _ => throw LoweringContext.Untranslated(member, $"the member '{member.Syntax}' of a pattern"),
    };

    private CExpr Stable(CExpr value, ITypeSymbol? type) =>
        value is CIdentifier or CIntegerLiteral || type is null ? value : Spill(value, CTypeOf(type, null));

    private CExpr IsPattern(IIsPatternOperation test) => Pattern(test.Pattern, Stable(Value(test.Value), test.Value.Type));

    private void SwitchAsIfChain(ISwitchOperation choice, CExpr value)
    {
        bool guarded = choice.Cases.Any(c => c.Clauses.Any(l => l is IPatternCaseClauseOperation { Guard: not null }));
        value = Subject(value, choice.Value, guarded);
        string end = labels.New("endswitch");
        labels.BreakTo(choice.ExitLabel, end);
        CStmt? otherwise = null;
        var chain = new List<(ArmTest Test, CBlock Body)>();
        foreach (ISwitchCaseOperation section in choice.Cases)
        {
            if (section.Clauses.Any(c => c is IDefaultCaseClauseOperation))
            {
                otherwise = SectionBody(section);
                continue;
            }

            // The clauses' tests (and their guards' preludes) are lowered before the body, as C# runs them.
            var clauses = new List<ArmTest>();
            foreach (ICaseClauseOperation clause in section.Clauses)
            {
                clauses.Add(clause switch
                {
                    ISingleValueCaseClauseOperation single => new ArmTest([], new CBinary(CBinaryOperator.Equal, value, Value(single.Value))),
                    IPatternCaseClauseOperation patternClause => Arm(patternClause.Pattern, patternClause.Guard, value),
                    _ => throw LoweringContext.Untranslated(clause, $"the case clause '{clause.Syntax}'"),
                });
            }

            chain.Add((clauses.Count == 0 ? new ArmTest([], new CIdentifier("false")) : AnyOf(clauses), SectionBody(section)));
        }

        if (otherwise is null && chain.Count > 0 && IsExhaustive(choice))
        {
            // C# knows no value gets past the cases; C would fall off the end (-Wreturn-type): the last case is the else.
            otherwise = new CBlock([.. chain[^1].Test.Prelude, .. chain[^1].Body.Statements]);
            chain.RemoveAt(chain.Count - 1);
        }

        for (int i = chain.Count - 1; i >= 0; i--)
        {
            otherwise = chain[i].Test.Choose(chain[i].Body, otherwise);
        }

        if (otherwise is not null)
        {
            Emit(otherwise);
        }

        if (labels.IsUsed(end))
        {
            Emit(new CLabeled(end, new CEmptyStatement()));
        }
    }

    private CBlock SectionBody(ISwitchCaseOperation section) => Collect(() =>
    {
        foreach (IOperation statement in section.Body)
        {
            Statement(statement);
        }
    });

    /// <summary>
    /// Whether a switch of patterns without a default section matches every value: its end is unreachable although no
    /// section can fall out of it, so only the patterns can cover every value (<c>case &lt; 128: … case &gt;= 128:</c> on a byte).
    /// </summary>
    private static bool IsExhaustive(ISwitchOperation choice) =>
        !choice.Cases.Any(c => c.Clauses.Any(l => l is IDefaultCaseClauseOperation))
        && choice.SemanticModel?.AnalyzeControlFlow((Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax)choice.Syntax) is { Succeeded: true, EndPointIsReachable: false };

    private CExpr SwitchExpression(ISwitchExpressionOperation switchExpression)
    {
        CExpr value = Subject(Value(switchExpression.Value), switchExpression.Value, HasGuards(switchExpression));
        string result = Declare(LocalNames.TemporaryStem, CTypeOf(switchExpression.Type!, switchExpression));
        var target = new CIdentifier(result);
        var arms = new List<(ArmTest Test, CBlock Body)>();
        foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms.Reverse())
        {
            ArmTest test = Arm(arm.Pattern, arm.Guard, value);
            (ImmutableArray<CStmt> guard, CExpr armValue) = Prelude(arm.Value);
            arms.Insert(0, (test, new CBlock([.. guard, new CExpressionStatement(new CAssign(target, armValue))])));
        }

        if (arms.Exists(a => !a.Test.Prelude.IsEmpty))
        {
            ArmsInSequence(arms);
            return target;
        }

        CStmt? otherwise = ErrorBlock(new CIdentifier(NoMatchErrno));
        for (int i = arms.Count - 1; i >= 0; i--)
        {
            otherwise = arms[i].Test.Choose(arms[i].Body, otherwise);
        }

        Emit(otherwise);
        return target;
    }

    // Arms whose tests have statements of their own would nest one else per arm, past what 80
    // columns leave; each instead runs its test's statements after the arms before it failed and
    // jumps past the rest once it matched:  P1; if (c1) { … goto end; } P2; if (c2) { … goto end; } <no match> end:
    private void ArmsInSequence(List<(ArmTest Test, CBlock Body)> arms)
    {
        string end = labels.New("endswitch");
        foreach ((ArmTest test, CBlock body) in arms)
        {
            current.AddRange(test.Prelude);
            if (test.Condition is null)
            {
                current.AddRange(body.Statements);
                EmitLabelIfUsed(end);
                return;
            }

            labels.Use(end);
            Emit(new CIf(test.Condition, new CBlock([.. body.Statements, new CGoto(end)])));
        }

        current.AddRange(ErrorBlock(new CIdentifier(NoMatchErrno)).Statements);
        EmitLabelIfUsed(end);
    }

    private void EmitLabelIfUsed(string label)
    {
        if (labels.IsUsed(label))
        {
            Emit(new CLabeled(label, new CEmptyStatement()));
        }
    }
}
