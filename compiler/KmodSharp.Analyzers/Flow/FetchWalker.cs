using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// The transfer function of the double-fetch analysis: walks operations in evaluation order (children
/// first), updates a <see cref="FetchState"/> for writes and aliases, and hands each fetch, with where the
/// same location was fetched before on the path (or null), to a callback. Bodies of local functions and
/// lambdas are skipped: they run when called, and a call counts through the callee's summary.
/// </summary>
internal static class FetchWalker
{
    public static void Walk(IOperation root, FetchState state, SummaryCache<FetchSummary> summaries, Action<FetchEvent, FetchOrigin?> onFetch)
    {
        // Post-order with an explicit stack: deep expressions (long concatenations) must not overflow the stack.
        var stack = new Stack<(IOperation Operation, bool ChildrenDone)>();
        stack.Push((root, false));
        var children = new List<IOperation>();
        while (stack.Count > 0)
        {
            (IOperation operation, bool childrenDone) = stack.Pop();
            if (childrenDone)
            {
                Transfer(operation, state, summaries, onFetch);
                continue;
            }

            stack.Push((operation, true));
            children.Clear();
            foreach (IOperation child in operation.ChildOperations)
            {
                if (child is not (ILocalFunctionOperation or IAnonymousFunctionOperation))
                {
                    children.Add(child);
                }
            }

            for (int i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], false));
            }
        }
    }

    private static void Transfer(IOperation root, FetchState state, SummaryCache<FetchSummary> summaries, Action<FetchEvent, FetchOrigin?> onFetch)
    {
        switch (root)
        {
            case IInvocationOperation invocation:
                Invocation(invocation, state, summaries, onFetch);
                break;
            case ISimpleAssignmentOperation assignment when PlaceOf(assignment.Target) is { } place:
                state.Assign(place, Value(assignment.Value, state));
                break;
            case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator:
                state.Assign(UserLocation.Of(declarator.Symbol), Value(value, state));
                break;
            case IFlowCaptureOperation capture:
                state.Assign(UserLocation.Of(capture.Id), Value(capture.Value, state));
                break;
            case ICompoundAssignmentOperation or ICoalesceAssignmentOperation or IIncrementOrDecrementOperation or IDeconstructionAssignmentOperation:
                KillTargets(Target(root), state);
                break;
        }
    }

    /// <summary>The user address a runtime call reads from, or null when it reads no user memory.</summary>
    public static IArgumentOperation? RuntimeFetch(IInvocationOperation invocation) =>
        RuntimeApi.Find(invocation.TargetMethod) is { ReadsUser: true } api ? api.UserArgument(invocation) : null;

    /// <summary>The summary of a source method's fetches, or null for a call to anything else.</summary>
    public static FetchSummary? CalleeSummary(IInvocationOperation invocation, SummaryCache<FetchSummary> summaries) =>
        KernelSession.IsSource(invocation.TargetMethod) && MakesCalls(invocation.TargetMethod.OriginalDefinition)
        && summaries.Of(invocation.TargetMethod) is { Fetches.IsEmpty: false } summary ? summary : null;

    /// <summary>
    /// Whether the method's source has any call in it: without one it cannot fetch, and its body need
    /// not be bound for a summary (most helpers are arithmetic). Read from syntax, once per method.
    /// </summary>
    private static bool MakesCalls(IMethodSymbol method) =>
        (bool)CallsInSource.GetValue(method, m =>
        {
            foreach (SyntaxReference reference in m.DeclaringSyntaxReferences)
            {
                foreach (SyntaxNode node in reference.GetSyntax().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax)
                    {
                        return true;
                    }
                }
            }

            return false;
        });

    private static readonly ConditionalWeakTable<IMethodSymbol, object> CallsInSource = new();

    private static void Invocation(IInvocationOperation invocation, FetchState state, SummaryCache<FetchSummary> summaries, Action<FetchEvent, FetchOrigin?> onFetch)
    {
        if (RuntimeFetch(invocation) is { } address)
        {
            if (Resolve(address.Value, state) is { } location)
            {
                var fetch = new FetchEvent(invocation, location, address.Value.Syntax.ToString(), null);
                onFetch(fetch, state.Fetch(location, new FetchOrigin(invocation, null)));
            }
        }
        else if (CalleeSummary(invocation, summaries) is { } summary)
        {
            foreach (SummarizedFetch callee in summary.Fetches)
            {
                if (InCaller(invocation, callee, state, out string display) is { } location)
                {
                    onFetch(new FetchEvent(invocation, location, display, callee), state.Fetch(location, new FetchOrigin(invocation, callee.Chain)));
                }
            }
        }

        // A ref or out argument is written by the call, after it read what it fetches.
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out && PlaceOf(argument.Value) is { } place)
            {
                state.Kill(place);
            }
        }
    }

    /// <summary>The caller's location a callee's summarised fetch reads: the argument (by parameter, so named arguments map), or the captured variable.</summary>
    private static UserLocation? InCaller(IInvocationOperation invocation, SummarizedFetch callee, FetchState state, out string display)
    {
        display = "";
        if (callee.Captured is { } captured)
        {
            display = captured.Name;
            return state.Canonical(UserLocation.Of(captured)).Below(callee.Path, callee.Offset);
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == callee.Parameter && Resolve(argument.Value, state) is { } location)
            {
                display = argument.Value.Syntax.ToString() + (callee.Path.Length == 0 ? "" : "." + callee.Path) + (callee.Offset == 0 ? "" : ".Add(" + callee.Offset + ")");
                return location.Below(callee.Path, callee.Offset);
            }
        }

        return null;
    }

    /// <summary>The canonical location an expression names: a variable, a field of one, <c>.Add(constant)</c> of one, through aliases; null for anything else.</summary>
    public static UserLocation? Resolve(IOperation value, FetchState state)
    {
        value = Conversions.Strip(value);
        switch (value)
        {
            case IInvocationOperation { TargetMethod.Name: "Add", Instance: { } instance, Arguments: { Length: 1 } arguments }
                when IsUserType(instance.Type) && arguments[0].Value.ConstantValue is { HasValue: true, Value: { } constant }:
                return Resolve(instance, state) is { } pointer ? pointer.Below("", Convert.ToInt64(constant, CultureInfo.InvariantCulture)) : null;
            case IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } field:
                return Resolve(instance, state)?.Field(field.Field.Name) is { } member ? state.Canonical(member) : null;
            case IPropertyReferenceOperation { Property.IsStatic: false, Arguments.IsEmpty: true, Instance: { } instance } property:
                return Resolve(instance, state)?.Field(property.Property.Name) is { } got ? state.Canonical(got) : null;
            default:
                return Root(value) is { } root ? state.Canonical(UserLocation.Of(root)) : null;
        }
    }

    /// <summary>The storage an assignment target writes: a variable or a field path below one.</summary>
    private static UserLocation? PlaceOf(IOperation target) => target switch
    {
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } field => PlaceOf(instance)?.Field(field.Field.Name),
        IPropertyReferenceOperation { Property.IsStatic: false, Arguments.IsEmpty: true, Instance: { } instance } property => PlaceOf(instance)?.Field(property.Property.Name),
        _ => Root(target) is { } root ? UserLocation.Of(root) : null,
    };

    private static object? Root(IOperation operation) => operation switch
    {
        IParameterReferenceOperation p => p.Parameter,
        ILocalReferenceOperation l => l.Local,
        IFlowCaptureReferenceOperation f => f.Id,
        IDeclarationExpressionOperation d => Root(d.Expression),
        _ => null,
    };

    /// <summary>The location a stored value names, when it is a user pointer or a struct that may hold one; null for anything else (integers do not alias user memory).</summary>
    private static UserLocation? Value(IOperation value, FetchState state) =>
        value.Type is { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } ? Resolve(value, state) : null;

    private static bool IsUserType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "UserPtr" or "UserString", ContainingNamespace.Name: "KmodSharp" };

    private static IOperation? Target(IOperation operation) => operation switch
    {
        IAssignmentOperation assignment => assignment.Target,
        IIncrementOrDecrementOperation increment => increment.Target,
        _ => null,
    };

    private static void KillTargets(IOperation? target, FetchState state)
    {
        if (target is ITupleOperation tuple)
        {
            foreach (IOperation element in tuple.Elements)
            {
                KillTargets(element, state);
            }
        }
        else if (target is not null && PlaceOf(target) is { } place)
        {
            state.Kill(place);
        }
    }
}
