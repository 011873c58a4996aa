using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A switch arm or case matches by its pattern, then by its 'when' guard, which runs only once the
// pattern matched, with the pattern's variable ('var n', 'int n') already holding the value:
//   case var n when Limit(n) > 3:     n = kms_t;
//                                     if (limit(n) > 3) { … }
//   case > 0 when Check(x) != 0:      kms_t2 = kms_t > 0;
//                                     if (kms_t2) { <check's error handling>; kms_t2 = kms_t3 != 0; }
//                                     if (kms_t2) { … }
// The arm's test is then a prelude (statements run in order before it) and a condition; a null
// condition always matches.
internal sealed partial class FunctionLowering
{
    private readonly record struct ArmTest(ImmutableArray<CStmt> Prelude, CExpr? Condition)
    {
        public CStmt Choose(CStmt matched, CStmt? otherwise)
        {
            CStmt chosen = Condition is null ? matched : new CIf(Condition, matched, otherwise);
            return Prelude.IsEmpty ? chosen : new CBlock([.. Prelude, .. Flatten(chosen)]);
        }

        private static ImmutableArray<CStmt> Flatten(CStmt statement) => statement is CBlock block ? block.Statements : [statement];
    }

    private static bool HasGuards(ISwitchExpressionOperation choice)
    {
        foreach (ISwitchExpressionArmOperation arm in choice.Arms)
        {
            if (arm.Guard is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The switched value, evaluated once. With a guard, a local switched on is copied first: a guard
    /// may assign it, and C# tests the later arms against the value the switch began with.
    /// </summary>
    private CExpr Subject(CExpr subject, IOperation value, bool guarded) =>
        guarded && subject is CIdentifier && value.Type is { } type ? Spill(subject, CTypeOf(type, value)) : Stable(subject, value.Type);

    private ArmTest Arm(IPatternOperation pattern, IOperation? guard, CExpr subject)
    {
        var prelude = ImmutableArray.CreateBuilder<CStmt>();
        CExpr? condition = null;
        switch (pattern)
        {
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol variable }:
                prelude.Add(new CExpressionStatement(new CAssign(new CIdentifier(NameOf(variable, pattern)), subject)));
                break;
            case var _ when Analyzers.Subset.CatchAllPattern.Is(pattern):
                break;
            default:
                condition = Pattern(pattern, subject);
                break;
        }

        if (guard is null)
        {
            return new ArmTest(prelude.ToImmutable(), condition);
        }

        (ImmutableArray<CStmt> guardPrelude, CExpr guardValue) = Prelude(guard);
        if (condition is null)
        {
            prelude.AddRange(guardPrelude);
            return new ArmTest(prelude.ToImmutable(), guardValue);
        }

        if (guardPrelude.IsEmpty)
        {
            return new ArmTest(prelude.ToImmutable(), new CBinary(CBinaryOperator.LogicalAnd, condition, guardValue));
        }

        // The guard's own statements (a call's error check, a checked operation) run only when the pattern matched.
        var matched = new CIdentifier(Declare(LocalNames.TemporaryStem, new CNamedType("bool")));
        prelude.Add(new CExpressionStatement(new CAssign(matched, condition)));
        prelude.Add(new CIf(matched, new CBlock([.. guardPrelude, new CExpressionStatement(new CAssign(matched, guardValue))])));
        return new ArmTest(prelude.ToImmutable(), matched);
    }

    /// <summary>A case section's clauses: it matches when one does, tried in order until one has.</summary>
    private ArmTest AnyOf(IReadOnlyList<ArmTest> clauses)
    {
        if (clauses.Count == 1)
        {
            return clauses[0];
        }

        bool plain = true;
        CExpr? any = null;
        foreach (ArmTest clause in clauses)
        {
            plain &= clause.Prelude.IsEmpty;
            CExpr test = clause.Condition ?? new CIdentifier("true");
            any = any is null ? test : new CBinary(CBinaryOperator.LogicalOr, any, test);
        }

        if (plain)
        {
            return new ArmTest([], any);
        }

        var matched = new CIdentifier(Declare(LocalNames.TemporaryStem, new CNamedType("bool")));
        var prelude = ImmutableArray.CreateBuilder<CStmt>();
        prelude.Add(new CExpressionStatement(new CAssign(matched, new CIdentifier("false"))));
        foreach (ArmTest clause in clauses)
        {
            prelude.Add(new CIf(new CUnary(CUnaryOperator.LogicalNot, matched),
                new CBlock([.. clause.Prelude, new CExpressionStatement(new CAssign(matched, clause.Condition ?? new CIdentifier("true")))])));
        }

        return new ArmTest(prelude.ToImmutable(), matched);
    }
}
