using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>The calls of the range analysis: user-memory reads (sources), sizes and callees' summaries (sinks), loop bounds.</summary>
internal sealed partial class UserRangeAnalysis
{
    private UserValue EvalInvocation(IInvocationOperation invocation, RangeState state)
    {
        if (invocation.Instance is { } instance)
        {
            Eval(instance, state);
        }

        IMethodSymbol target = invocation.TargetMethod;
        ImmutableArray<IArgumentOperation> arguments = invocation.Arguments;
        var values = new UserValue[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Parameter?.RefKind == RefKind.Out ? default : Eval(arguments[i].Value, state);
        }

        Interval returned = Interval.OfType(invocation.Type) ?? Interval.Full;
        if (target.ContainingType?.ToDisplayString() == "System.Math" && MathResult(target.Name, arguments, values) is { } bounded)
        {
            return bounded;
        }

        if (RuntimeApi.Find(target) is { ReadsUser: true })
        {
            return ReadUser(target, arguments, state, returned);
        }

        if (SizeSink(target, scope.Types) is { } what)
        {
            for (int i = 0; i < arguments.Length; i++)
            {
                if (Interval.OfType(arguments[i].Parameter?.Type) is not null)
                {
                    CheckSize(values[i], arguments[i].Value, what);
                }
            }
        }
        else if (KernelSession.IsSource(target) && !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition))
        {
            CheckCall(invocation, target, arguments, values);
        }

        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter?.RefKind is RefKind.Out or RefKind.Ref)
            {
                Assign(arguments[i].Value, values[i].WithRange(Interval.OfType(arguments[i].Value.Type) ?? Interval.Full), state);
            }
        }

        return UserValue.Plain(returned);
    }

    /// <summary><c>Math.Min/Max/Clamp</c> of integers: the bound they put on the result.</summary>
    private static UserValue? MathResult(string name, ImmutableArray<IArgumentOperation> arguments, UserValue[] values)
    {
        if (arguments.Length is < 2 or > 3 || Interval.OfType(arguments[0].Value.Type) is null)
        {
            return null;
        }

        var byOrdinal = new UserValue[arguments.Length];
        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter is not { } parameter || parameter.Ordinal >= byOrdinal.Length)
            {
                return null;
            }

            byOrdinal[parameter.Ordinal] = values[i];
        }

        Interval a = byOrdinal[0].Range, b = byOrdinal[1].Range;
        UserValue all = byOrdinal[0].Combine(byOrdinal[1], a);
        switch (name)
        {
            case "Min" when arguments.Length == 2:
                return all.WithRange(new Interval(System.Math.Min(a.Lo, b.Lo), System.Math.Min(a.Hi, b.Hi)));
            case "Max" when arguments.Length == 2:
                return all.WithRange(new Interval(System.Math.Max(a.Lo, b.Lo), System.Math.Max(a.Hi, b.Hi)));
            case "Clamp" when arguments.Length == 3:
                Interval low = byOrdinal[1].Range, high = byOrdinal[2].Range;
                var clamped = new Interval(low.Lo, high.Hi);
                return all.Combine(byOrdinal[2], clamped.IsEmpty ? a.Join(low).Join(high) : clamped);
            default:
                return null;
        }
    }

    /// <summary>A read of user memory: its out integers (and the fields of an out struct) are user-controlled.</summary>
    private UserValue ReadUser(IMethodSymbol target, ImmutableArray<IArgumentOperation> arguments, RangeState state, Interval returned)
    {
        // A read into a span (CopyInString) reports a length that fits the span.
        bool intoSpan = false;
        foreach (IParameterSymbol parameter in target.Parameters)
        {
            intoSpan |= scope.Types.IsSpan(parameter.Type);
        }

        bool hasOut = false;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.RefKind != RefKind.Out || SlotOf(argument.Value) is not { } slot)
            {
                continue;
            }

            hasOut = true;
            Interval range = Interval.OfType(argument.Value.Type) ?? Interval.Full;
            if (intoSpan)
            {
                range = range.Meet(Interval.Length);
            }

            string name = slot.Root?.Name ?? argument.Value.Syntax.ToString();
            state.Set(slot, new UserValue(range, 0, "'" + name + "'" + FromUserMemory));
        }

        if (hasOut || Interval.OfType(target.ReturnType) is null)
        {
            return UserValue.Plain(returned);
        }

        // FetchByte returns the byte, or -1 on a fault.
        Interval fetched = target.Name == "FetchByte" ? new Interval(-1, byte.MaxValue) : returned;
        return new UserValue(fetched, 0, "the value of '" + target.ContainingType.Name + "." + target.Name + "'");
    }

    /// <summary>A call of a source method: each argument against what the callee's summary says its parameter reaches.</summary>
    private void CheckCall(IInvocationOperation invocation, IMethodSymbol target, ImmutableArray<IArgumentOperation> arguments, UserValue[] values)
    {
        ImmutableArray<ParameterReach> callee = summaries.Of(target).Reaches;
        if (!reporting || callee.IsEmpty)
        {
            return;
        }

        foreach (ParameterReach reach in callee)
        {
            int index = ArgumentFor(arguments, reach.Ordinal);
            if (index < 0)
            {
                continue;
            }

            UserValue value = values[index];
            bool low = reach.Low && !value.Range.LowBounded, high = reach.High && !value.Range.HighBounded;
            if (!low && !high)
            {
                continue;
            }

            string what = "'" + target.Parameters[reach.Ordinal].Name + "' of '" + NameOf(target) + "', which reaches " + reach.Description;
            IOperation at = arguments[index].Value;
            if (reach.Sink == UserValueSink.Size)
            {
                Report(DiagnosticDescriptors.UnboundedUserLength, value, at, what, low, high, null);
                Reach(value.Parameters, UserValueSink.Size, what, null, true, true);
            }
            else
            {
                string? mutex = reach.Mutex ?? HeldAt(invocation.Syntax);
                Report(DiagnosticDescriptors.UserLoopUnderMutex, value, at, what, low, high, mutex);
                Reach(value.Parameters, UserValueSink.LoopBound, what, mutex, low, high);
            }
        }
    }

    private static int ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Parameter?.Ordinal == ordinal && arguments[i].ArgumentKind != ArgumentKind.ParamArray)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A size must be bounded on both ends.</summary>
    private void CheckSize(UserValue value, IOperation at, string what)
    {
        if (!reporting || value.Range.IsBounded)
        {
            return;
        }

        bool low = !value.Range.LowBounded, high = !value.Range.HighBounded;
        Report(DiagnosticDescriptors.UnboundedUserLength, value, at, what, low, high, null);
        Reach(value.Parameters, UserValueSink.Size, what + " in '" + methodName + "'", null, true, true);
    }

    /// <summary>
    /// A loop condition (<c>i &lt; n</c>): the side that grows the trip count must be bounded where it can —
    /// above for the larger side, below for the smaller.
    /// </summary>
    private void CheckLoopBound(IOperation branch, RangeState state)
    {
        if (!reporting || LoopOf(branch.Syntax) is not { } loop || Conversions.Strip(branch) is not IBinaryOperation comparison)
        {
            return;
        }

        (bool leftLow, bool leftHigh) = comparison.OperatorKind switch
        {
            BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual => (true, false),
            BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual => (false, true),
            BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals => (true, true),
            _ => (false, false),
        };
        if (!leftLow && !leftHigh)
        {
            return;
        }

        bool both = leftLow && leftHigh;
        CheckLoopSide(comparison.LeftOperand, state, loop, leftLow, leftHigh);
        CheckLoopSide(comparison.RightOperand, state, loop, both || leftHigh, both || leftLow);
    }

    private void CheckLoopSide(IOperation side, RangeState state, SyntaxNode loop, bool needLow, bool needHigh)
    {
        UserValue value = Eval(side, state.Clone());
        bool low = needLow && !value.Range.LowBounded, high = needHigh && !value.Range.HighBounded;
        if ((value.User is null && value.Parameters == 0) || (!low && !high))
        {
            return;
        }

        string? mutex = HeldAt(loop);
        Report(DiagnosticDescriptors.UserLoopUnderMutex, value, side, "the bound of a loop", low, high, mutex);
        Reach(value.Parameters, UserValueSink.LoopBound, "the bound of a loop in '" + methodName + "'", mutex, low, high);
    }

    /// <summary>The loop statement whose condition holds <paramref name="syntax"/>, or null.</summary>
    private static SyntaxNode? LoopOf(SyntaxNode syntax)
    {
        for (SyntaxNode? node = syntax; node is not null and not StatementSyntax; node = node.Parent)
        {
            switch (node.Parent)
            {
                case WhileStatementSyntax w when w.Condition == node:
                    return w;
                case DoStatementSyntax d when d.Condition == node:
                    return d;
                case ForStatementSyntax f when f.Condition == node:
                    return f;
            }
        }

        return null;
    }

    /// <summary>The mutex held around a statement or call of this method, or null.</summary>
    private string? HeldAt(SyntaxNode syntax) =>
        model?.GetOperation(syntax) is { } operation ? LockAcquisition.HeldAround(operation, scope.Types)?.Find(l => l.IsMutex)?.Name : null;

    /// <summary>A user-controlled value reaching a sink: KMS0205 for a size, KMS0206 for a loop bound under a mutex.</summary>
    private void Report(DiagnosticDescriptor descriptor, UserValue value, IOperation at, string what, bool low, bool high, string? mutex)
    {
        bool loop = descriptor == DiagnosticDescriptors.UserLoopUnderMutex;
        if (value.User is not { } user || (loop && mutex is null))
        {
            return;
        }

        Location location = at.Syntax.GetLocation();
        if (!reported.Add((location.SourceSpan.Start, location.SourceSpan.Length, descriptor.Id)))
        {
            return;
        }

        // 'count' (through 'size') when the sink reads a local computed from it.
        if (Conversions.Strip(at) is ILocalReferenceOperation local && !user.Contains("'" + local.Local.Name))
        {
            user += " (through '" + local.Local.Name + "')";
        }

        string missing = low && high ? "no bound on either end" : low ? "no lower bound" : "no upper bound";
        findings.Add(new RangeFinding(descriptor, location, loop ? new object[] { user, what, missing, mutex! } : new object[] { user, what, missing }));
    }

    private void Reach(ulong parameters, UserValueSink sink, string description, string? mutex, bool low, bool high)
    {
        for (int ordinal = 0; parameters != 0 && ordinal < 64; ordinal++, parameters >>= 1)
        {
            if ((parameters & 1) != 0 && reached.Add((ordinal, sink)))
            {
                reaches.Add(new ParameterReach(ordinal, sink, description, mutex, low, high));
            }
        }
    }

    private static string NameOf(IMethodSymbol target) =>
        target.MethodKind == MethodKind.LocalFunction || target.ContainingType is null ? target.Name : target.ContainingType.Name + "." + target.Name;
}
