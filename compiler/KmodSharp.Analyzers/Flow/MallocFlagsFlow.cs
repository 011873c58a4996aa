using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The <c>MallocFlags</c> each non-constant flags argument of a method (and of its local functions) may
/// hold, keyed by the argument's syntax: forward over the control-flow graph, joining at merges, so only
/// the assignments that reach the call count (<c>var f = WaitOk; f = NoWait; Allocate(n, f)</c> cannot sleep).
/// </summary>
internal sealed class MallocFlagsFlow
{
    public static readonly MallocFlagsFlow Empty = new(new Dictionary<SyntaxNode, MallocFlagsValue>());

    private readonly Dictionary<SyntaxNode, MallocFlagsValue> arguments;

    private MallocFlagsFlow(Dictionary<SyntaxNode, MallocFlagsValue> arguments) => this.arguments = arguments;

    /// <summary>What the flags argument <paramref name="value"/> may hold; a constant needs no graph.</summary>
    public static MallocFlagsValue ValueOf(IOperation value, SummaryCache<MallocFlagsFlow> flows, IMethodSymbol? method)
    {
        if (value.ConstantValue is { HasValue: true, Value: int flags })
        {
            return MallocFlagsValue.Constant(flags);
        }

        if (method is null)
        {
            return MallocFlagsValue.Unknown;
        }

        // A local function's graph is part of its outermost method's.
        while (method.MethodKind == MethodKind.LocalFunction && method.ContainingSymbol is IMethodSymbol outer)
        {
            method = outer;
        }

        return flows.Of(method).arguments.TryGetValue(value.Syntax, out MallocFlagsValue known) ? known : MallocFlagsValue.Unknown;
    }

    public static MallocFlagsFlow Compute(IMethodSymbol method, IOperation body, KnownTypes types)
    {
        IOperation root = body;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        ControlFlowGraph? graph = root switch
        {
            IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody),
            IBlockOperation block => ControlFlowGraph.Create(block),
            _ => null,
        };
        if (graph is null)
        {
            return Empty;
        }

        var arguments = new Dictionary<SyntaxNode, MallocFlagsValue>();
        Analyse(graph, method, types, arguments);
        return new MallocFlagsFlow(arguments);
    }

    private static void Analyse(ControlFlowGraph graph, IMethodSymbol method, KnownTypes types, Dictionary<SyntaxNode, MallocFlagsValue> arguments)
    {
        ImmutableArray<BasicBlock> blocks = graph.Blocks;
        var entries = new Dictionary<object, MallocFlagsValue>?[blocks.Length];
        var start = new Dictionary<object, MallocFlagsValue>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (KnownTypes.Is(parameter.Type, types.MallocFlags))
            {
                start[parameter] = MallocFlagsValue.Parameter(parameter.Ordinal);
            }
        }

        entries[0] = start;

        // Values only grow (a join of finitely many bits), so the iteration ends.
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (BasicBlock block in blocks)
            {
                if (entries[block.Ordinal] is not { } entry)
                {
                    continue;
                }

                var state = new Dictionary<object, MallocFlagsValue>(entry);
                foreach (IOperation operation in block.Operations)
                {
                    Transfer(operation, state, types, arguments);
                }

                if (block.BranchValue is { } branch)
                {
                    Transfer(branch, state, types, arguments);
                }

                changed |= Merge(entries, block.FallThroughSuccessor, state);
                changed |= Merge(entries, block.ConditionalSuccessor, state);
            }
        }

        foreach (IMethodSymbol local in graph.LocalFunctions)
        {
            Analyse(graph.GetLocalFunctionControlFlowGraph(local), local, types, arguments);
        }
    }

    private static bool Merge(Dictionary<object, MallocFlagsValue>?[] entries, ControlFlowBranch? branch, Dictionary<object, MallocFlagsValue> state)
    {
        if (branch?.Destination is not { } destination)
        {
            return false;
        }

        if (entries[destination.Ordinal] is not { } entry)
        {
            entries[destination.Ordinal] = new Dictionary<object, MallocFlagsValue>(state);
            return true;
        }

        bool changed = false;
        foreach (KeyValuePair<object, MallocFlagsValue> pair in state)
        {
            bool had = entry.TryGetValue(pair.Key, out MallocFlagsValue old);
            MallocFlagsValue joined = had ? old.Join(pair.Value) : pair.Value;
            if (!had || old != joined)
            {
                entry[pair.Key] = joined;
                changed = true;
            }
        }

        return changed;
    }

    // Records the flags arguments the operation passes, then applies its assignment to the state.
    private static void Transfer(IOperation operation, Dictionary<object, MallocFlagsValue> state, KnownTypes types, Dictionary<SyntaxNode, MallocFlagsValue> arguments)
    {
        foreach (IOperation inner in operation.DescendantsAndSelf())
        {
            if (inner is IArgumentOperation argument && KnownTypes.Is(argument.Parameter?.Type, types.MallocFlags) && !argument.Value.ConstantValue.HasValue)
            {
                MallocFlagsValue value = Evaluate(argument.Value, state);
                arguments[argument.Value.Syntax] = arguments.TryGetValue(argument.Value.Syntax, out MallocFlagsValue seen) ? seen.Join(value) : value;
            }
        }

        switch (operation is IExpressionStatementOperation statement ? statement.Operation : operation)
        {
            case IFlowCaptureOperation capture:
                state[capture.Id] = Evaluate(capture.Value, state);
                break;
            case ISimpleAssignmentOperation assignment when Variable(assignment.Target) is { } variable:
                state[variable] = Evaluate(assignment.Value, state);
                break;
            case ICompoundAssignmentOperation compound when Variable(compound.Target) is { } variable:
                MallocFlagsValue current = state.TryGetValue(variable, out MallocFlagsValue held) ? held : MallocFlagsValue.Unknown;
                state[variable] = Combine(compound.OperatorKind, current, compound.Value, state);
                break;
        }
    }

    private static ISymbol? Variable(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    private static MallocFlagsValue Evaluate(IOperation value, Dictionary<object, MallocFlagsValue> state)
    {
        if (value.ConstantValue is { HasValue: true, Value: int flags })
        {
            return MallocFlagsValue.Constant(flags);
        }

        switch (value)
        {
            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, state);
            case IFlowCaptureReferenceOperation capture:
                return state.TryGetValue(capture.Id, out MallocFlagsValue captured) ? captured : MallocFlagsValue.Unknown;
            case IBinaryOperation binary:
                return Combine(binary.OperatorKind, Evaluate(binary.LeftOperand, state), binary.RightOperand, state);
            case IConditionalOperation conditional when conditional.WhenFalse is { } whenFalse:
                return Evaluate(conditional.WhenTrue, state).Join(Evaluate(whenFalse, state));
            default:
                return Variable(value) is { } variable && state.TryGetValue(variable, out MallocFlagsValue known) ? known : MallocFlagsValue.Unknown;
        }
    }

    // `f | Zero` keeps what f may hold; `f & ~WaitOk` (a mask without the bit) cannot wait.
    private static MallocFlagsValue Combine(BinaryOperatorKind kind, MallocFlagsValue left, IOperation right, Dictionary<object, MallocFlagsValue> state) => kind switch
    {
        BinaryOperatorKind.Or => left.Join(Evaluate(right, state)),
        BinaryOperatorKind.And when right.ConstantValue is { HasValue: true, Value: int mask } && (mask & MallocFlagsValue.WaitOk) == 0 => MallocFlagsValue.Unknown,
        BinaryOperatorKind.And => left,
        _ => MallocFlagsValue.Unknown,
    };
}
