using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Value ranges and taint of user-controlled integers over one method's <see cref="ControlFlowGraph"/>:
/// an interval per local, parameter, field of a local and flow capture, narrowed by branch conditions
/// (<see cref="RangeConditions"/>), carried through assignments and arithmetic, widened at loops. A value
/// is user-controlled when it comes from a syscall's integer argument or from user memory
/// (<c>CopyIn</c>'s out value and its fields, <c>FetchByte</c>, <c>FetchWord32/64</c>, <c>CopyInString</c>'s length).
/// Sinks: the count of <c>Kernel.Allocate</c>, <c>Slice</c> and range bounds (both ends must be bounded),
/// and loop bounds while a mutex is held. Callees are read through their <see cref="UserRangeSummary"/>.
/// </summary>
internal sealed partial class UserRangeAnalysis
{
    private const string FromUserMemory = " (read from user memory)";

    private readonly IMethodSymbol method;
    private readonly KernelScope scope;
    private readonly SummaryCache<UserRangeSummary> summaries;
    private readonly SemanticModel? model;
    private readonly string methodName;
    private readonly List<ParameterReach> reaches = new();
    private readonly List<RangeFinding> findings = new();
    private readonly HashSet<(int, UserValueSink)> reached = new();
    private readonly HashSet<(int, int, string)> reported = new();

    // Off while iterating to the fixed point; on for the one last pass that reads the stable states.
    private bool reporting;

    private UserRangeAnalysis(IMethodSymbol method, IOperation body, KernelScope scope, SummaryCache<UserRangeSummary> summaries)
    {
        this.method = method;
        this.scope = scope;
        this.summaries = summaries;
        model = body.SemanticModel;
        methodName = method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null ? method.Name : method.ContainingType.Name + "." + method.Name;
    }

    /// <summary>The summary of <paramref name="method"/>; a graph is built only when its body has a sink and a source of user values.</summary>
    public static UserRangeSummary Summarize(IMethodSymbol method, IOperation body, SummaryCache<UserRangeSummary> cache, KernelScope scope)
    {
        if (!Interesting(method, body, cache, scope) || GraphOf(method, body) is not { } graph)
        {
            return UserRangeSummary.Empty;
        }

        var analysis = new UserRangeAnalysis(method, body, scope, cache);
        analysis.Run(graph);
        return analysis.reaches.Count == 0 && analysis.findings.Count == 0
            ? UserRangeSummary.Empty
            : new UserRangeSummary(analysis.reaches.ToImmutableArray(), analysis.findings.ToImmutableArray());
    }

    /// <summary>A sink (size, loop, or a call whose summary has one) and something user-controlled could reach it (an integer parameter, a read of user memory).</summary>
    private static bool Interesting(IMethodSymbol method, IOperation body, SummaryCache<UserRangeSummary> cache, KernelScope scope)
    {
        bool source = false;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            source |= Interval.OfType(parameter.Type) is not null;
        }

        bool sink = false;
        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IRangeOperation:
                case ILoopOperation { LoopKind: not LoopKind.ForEach }:
                    sink = true;
                    break;
                case IInvocationOperation invocation:
                    IMethodSymbol target = invocation.TargetMethod;
                    if (RuntimeApi.Find(target) is { ReadsUser: true })
                    {
                        source = true;
                    }
                    else if (SizeSink(target, scope.Types) is not null)
                    {
                        sink = true;
                    }
                    else if (!sink && KernelSession.IsSource(target) && !SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition))
                    {
                        sink = !cache.Of(target).Reaches.IsEmpty;
                    }

                    break;
            }

            if (source && sink)
            {
                return true;
            }
        }

        return false;
    }

    private static ControlFlowGraph? GraphOf(IMethodSymbol method, IOperation body)
    {
        IOperation root = body;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        ControlFlowGraph? graph = root switch
        {
            IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody),
            IConstructorBodyOperation constructorBody => ControlFlowGraph.Create(constructorBody),
            IBlockOperation block => ControlFlowGraph.Create(block),
            _ => null,
        };
        return graph is not null && method.MethodKind == MethodKind.LocalFunction ? LocalFunctionGraph(graph, method) : graph;
    }

    private static ControlFlowGraph? LocalFunctionGraph(ControlFlowGraph graph, IMethodSymbol local)
    {
        foreach (IMethodSymbol declared in graph.LocalFunctions)
        {
            ControlFlowGraph inner = graph.GetLocalFunctionControlFlowGraph(declared);
            if (SymbolEqualityComparer.Default.Equals(declared, local.OriginalDefinition))
            {
                return inner;
            }

            if (LocalFunctionGraph(inner, local) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>What a call sizes with its integer arguments, or null.</summary>
    private static string? SizeSink(IMethodSymbol target, KnownTypes types)
    {
        if (types.IsKernelMember(target, "Allocate"))
        {
            return "the count of Kernel.Allocate";
        }

        return target.Name == "Slice" && types.IsSpan(target.ContainingType) ? "a Slice bound" : null;
    }

    private void Run(ControlFlowGraph graph)
    {
        ImmutableArray<BasicBlock> blocks = graph.Blocks;
        var entry = new RangeState?[blocks.Length];
        var changes = new int[blocks.Length];
        var queued = new bool[blocks.Length];
        var worklist = new Queue<int>();
        entry[0] = InitialState();
        worklist.Enqueue(0);
        queued[0] = true;
        int budget = 64 * blocks.Length + 256;
        while (worklist.Count > 0 && budget-- > 0)
        {
            int index = worklist.Dequeue();
            queued[index] = false;
            Transfer(blocks[index], entry[index]!.Clone(), Flow);
        }

        // Whatever the budget cut short stays unreported: better silent than wrong.
        if (worklist.Count > 0)
        {
            return;
        }

        reporting = true;
        for (int i = 0; i < blocks.Length; i++)
        {
            if (entry[i] is { } state)
            {
                Transfer(blocks[i], state.Clone(), static (_, _) => { });
            }
        }

        void Flow(BasicBlock? destination, RangeState state)
        {
            if (destination is null)
            {
                return;
            }

            int target = destination.Ordinal;
            if (entry[target] is not { } existing)
            {
                entry[target] = state;
            }
            else if (existing.MergedWith(state, ++changes[target] > 2) is { } merged)
            {
                entry[target] = merged;
            }
            else
            {
                return;
            }

            if (!queued[target])
            {
                queued[target] = true;
                worklist.Enqueue(target);
            }
        }
    }

    private void Transfer(BasicBlock block, RangeState state, Action<BasicBlock?, RangeState> flow)
    {
        foreach (IOperation operation in block.Operations)
        {
            Eval(operation, state);
        }

        if (block.BranchValue is not { } branch || block.ConditionKind == ControlFlowConditionKind.None)
        {
            if (block.BranchValue is { } value)
            {
                Eval(value, state);
            }

            flow(block.FallThroughSuccessor?.Destination, state);
            return;
        }

        Eval(branch, state);
        CheckLoopBound(branch, state);
        bool jumpsWhenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        RangeState jumping = state.Clone();
        if (RangeConditions.Narrow(this, branch, jumpsWhenTrue, jumping))
        {
            flow(block.ConditionalSuccessor?.Destination, jumping);
        }

        if (RangeConditions.Narrow(this, branch, !jumpsWhenTrue, state))
        {
            flow(block.FallThroughSuccessor?.Destination, state);
        }
    }

    private RangeState InitialState()
    {
        var state = new RangeState();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (Interval.OfType(parameter.Type) is { } range)
            {
                state.Set(new Slot(parameter, null, null), new UserValue(range, parameter.Ordinal < 64 ? 1UL << parameter.Ordinal : 0, SyscallArgument(parameter)));
            }
        }

        return state;
    }

    /// <summary>How a syscall's integer argument is named as a user value; null for any other parameter.</summary>
    private string? SyscallArgument(IParameterSymbol parameter) =>
        scope.GetEntryKind(method) == EntryKind.Syscall ? "'" + parameter.Name + "'" : null;

    /// <summary>The slot an operation reads or writes, if it is one the analysis keeps.</summary>
    internal static Slot? SlotOf(IOperation operation)
    {
        if (operation is IDeclarationExpressionOperation declaration)
        {
            operation = declaration.Expression;
        }

        return operation switch
        {
            ILocalReferenceOperation local => new Slot(local.Local, null, null),
            IParameterReferenceOperation parameter => new Slot(parameter.Parameter, null, null),
            IFlowCaptureReferenceOperation capture => new Slot(null, capture.Id, null),
            IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } field when SlotOf(instance) is { Field: null } root =>
                new Slot(root.Root, root.Capture, field.Field),
            _ => null,
        };
    }

    /// <summary>The value of a slot, as its type allows.</summary>
    internal UserValue Read(Slot slot, ITypeSymbol? type, RangeState state)
    {
        Interval typeRange = Interval.OfType(type) ?? Interval.Full;
        if (state.TryGet(slot, out UserValue known))
        {
            Interval range = known.Range.Meet(typeRange);
            return known.WithRange(range.IsEmpty ? typeRange : range);
        }

        if (slot.Field is { } field)
        {
            // A field not written since its struct was: the struct's taint, the field's type.
            UserValue whole = Read(slot.Parent, null, state);
            string? user = whole.User is null ? null : slot.Root is { } root ? "'" + root.Name + "." + field.Name + "'" + FromUserMemory : whole.User;
            return new UserValue(typeRange, whole.Parameters, user);
        }

        // A variable a local function captures: what the enclosing method checked before the call is
        // not known here, so it is not taken as user-controlled (better a missed size than a false one).
        return UserValue.Plain(typeRange);
    }

    internal UserValue Eval(IOperation operation, RangeState state)
    {
        if (operation.ConstantValue is { HasValue: true, Value: { } constant } && Integer(constant) is { } number)
        {
            return UserValue.Plain(Interval.Of(number));
        }

        switch (operation)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IFlowCaptureReferenceOperation:
                return Read(SlotOf(operation)!.Value, operation.Type, state);
            case IFieldReferenceOperation field:
                return EvalField(field, state);
            case IPropertyReferenceOperation { Property.Name: "Length" or "Count" } property when property.Instance is not null:
                Eval(property.Instance, state);
                return UserValue.Plain(Interval.Length);
            case IFlowCaptureOperation capture:
                state.Set(new Slot(null, capture.Id, null), Eval(capture.Value, state));
                return UserValue.Plain(Interval.Full);
            case IConversionOperation conversion:
                UserValue operand = Eval(conversion.Operand, state);
                // To a non-integer (an Index, a Range end): the value goes along unchanged.
                return Interval.OfType(conversion.Type) is { } target ? operand.WithRange(operand.Range.In(target)) : operand;
            case IBinaryOperation binary:
                return EvalBinary(binary, state);
            case IUnaryOperation unary:
                return EvalUnary(unary, state);
            case ISimpleAssignmentOperation assignment:
                UserValue assigned = Eval(assignment.Value, state);
                Assign(assignment.Target, assigned, state);
                return assigned;
            case ICompoundAssignmentOperation compound:
                UserValue result = Arithmetic(compound.OperatorKind, Eval(compound.Target, state), Eval(compound.Value, state), compound.Type);
                Assign(compound.Target, result, state);
                return result;
            case IIncrementOrDecrementOperation step:
                UserValue before = Eval(step.Target, state);
                Interval one = Interval.Of(1);
                Interval range = step.Kind == OperationKind.Increment ? Interval.Add(before.Range, one) : Interval.Subtract(before.Range, one);
                UserValue after = before.WithRange(range.In(Interval.OfType(step.Type) ?? Interval.Full));
                Assign(step.Target, after, state);
                return step.IsPostfix ? before : after;
            case IInvocationOperation invocation:
                return EvalInvocation(invocation, state);
            case IRangeOperation rangeOperation:
                foreach (IOperation? bound in new[] { rangeOperation.LeftOperand, rangeOperation.RightOperand })
                {
                    if (bound is not null)
                    {
                        CheckSize(Eval(bound, state), bound, "a range bound");
                    }
                }

                return UserValue.Plain(Interval.Full);
            default:
                foreach (IOperation child in operation.ChildOperations)
                {
                    Eval(child, state);
                }

                return UserValue.Plain(Interval.OfType(operation.Type) ?? Interval.Full);
        }
    }

    private UserValue EvalField(IFieldReferenceOperation field, RangeState state)
    {
        if (SlotOf(field) is { } slot)
        {
            return Read(slot, field.Type, state);
        }

        Interval range = Interval.OfType(field.Type) ?? Interval.Full;
        if (field.Instance is null)
        {
            return UserValue.Plain(range);
        }

        // A field of a field (req.Inner.Size): the taint of what holds it.
        UserValue holder = Eval(field.Instance, state);
        return holder.WithRange(range);
    }

    private UserValue EvalBinary(IBinaryOperation binary, RangeState state)
    {
        UserValue left = Eval(binary.LeftOperand, state);
        UserValue right = Eval(binary.RightOperand, state);
        return Interval.OfType(binary.Type) is null ? UserValue.Plain(Interval.Full) : Arithmetic(binary.OperatorKind, left, right, binary.Type);
    }

    private static UserValue Arithmetic(BinaryOperatorKind kind, UserValue left, UserValue right, ITypeSymbol? type)
    {
        Interval a = left.Range, b = right.Range;
        Interval range = kind switch
        {
            BinaryOperatorKind.Add => Interval.Add(a, b),
            BinaryOperatorKind.Subtract => Interval.Subtract(a, b),
            BinaryOperatorKind.Multiply => Interval.Multiply(a, b),
            BinaryOperatorKind.Divide => Interval.Divide(a, b),
            BinaryOperatorKind.Remainder => Interval.Remainder(a, b),
            BinaryOperatorKind.And => Interval.And(a, b),
            BinaryOperatorKind.RightShift or BinaryOperatorKind.UnsignedRightShift when a.Lo >= 0 => Interval.ShiftRight(a, b),
            BinaryOperatorKind.LeftShift => Interval.ShiftLeft(a, b),
            _ => Interval.Full,
        };
        return left.Combine(right, range.In(Interval.OfType(type) ?? Interval.Full));
    }

    private UserValue EvalUnary(IUnaryOperation unary, RangeState state)
    {
        UserValue operand = Eval(unary.Operand, state);
        Interval type = Interval.OfType(unary.Type) ?? Interval.Full;
        return unary.OperatorKind switch
        {
            UnaryOperatorKind.Minus => operand.WithRange(Interval.Negate(operand.Range).In(type)),
            UnaryOperatorKind.BitwiseNegation => operand.WithRange(Interval.Subtract(Interval.Negate(operand.Range), Interval.Of(1)).In(type)),
            UnaryOperatorKind.Plus or UnaryOperatorKind.Hat => operand,
            _ => UserValue.Plain(type),
        };
    }

    private void Assign(IOperation target, UserValue value, RangeState state)
    {
        if (SlotOf(target) is { } slot)
        {
            state.Set(slot, value);
        }
    }

    internal static long? Integer(object constant) => constant switch
    {
        int i => i,
        long l => l,
        uint u => u,
        ulong ul => ul > long.MaxValue ? long.MaxValue : (long)ul,
        short s => s,
        ushort us => us,
        byte b => b,
        sbyte sb => sb,
        char c => c,
        _ => null,
    };
}
