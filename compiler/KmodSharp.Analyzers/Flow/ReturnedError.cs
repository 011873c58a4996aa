using System.Collections.Generic;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// Whether a method's returned <c>Errno</c> can carry the failure of a runtime call that must be checked
/// (<c>CopyIn</c>, <c>CopyOut</c>, <c>PrivCheck</c>, …), directly or through the helpers it calls: then
/// ignoring or overwriting the method's result loses that error just as with the runtime call itself.
/// </summary>
internal sealed record ReturnedError
{
    public ReturnedError(string? api) => Api = api;

    /// <summary>The runtime call whose error it returns (<c>Kernel.CopyIn</c>), or null when it returns none.</summary>
    public string? Api { get; }

    public static ReturnedError None { get; } = new((string?)null);

    /// <summary>The compilation's summaries, shared by every rule that asks.</summary>
    public static SummaryCache<ReturnedError> Cache(Infrastructure.KernelScope scope) => scope.Summaries<ReturnedError>(Compute, None);

    /// <summary>The checked runtime call behind a value of type <c>Errno</c>: a direct call, or a source helper whose summary says it returns one's error.</summary>
    public static ErrorSource? SourceOf(IOperation value, SummaryCache<ReturnedError> cache)
    {
        if (Conversions.Strip(value) is not IInvocationOperation { TargetMethod: var method })
        {
            return null;
        }

        if (RuntimeApi.Find(method) is { MustBeChecked: true })
        {
            return new ErrorSource(null, method.ContainingType.Name + "." + method.Name);
        }

        return Infrastructure.KernelSession.IsSource(method) && IsErrno(method.ReturnType) && cache.Of(method).Api is { } inner
            ? new ErrorSource(method.Name, inner)
            : null;
    }

    public static bool IsErrno(ITypeSymbol? type) => TranslatableApi.IsRuntimeTypeNamed(type, "Errno");

    // Flow-insensitive on purpose: a helper that returns a local once assigned a checked call's error may return that error.
    private static ReturnedError Compute(IMethodSymbol method, IOperation body, SummaryCache<ReturnedError> cache)
    {
        if (!IsErrno(method.ReturnType))
        {
            return None;
        }

        if (body is not IBlockOperation and not IMethodBodyOperation)
        {
            return Returned(body, new Dictionary<ILocalSymbol, ErrorSource>(SymbolEqualityComparer.Default), cache) is { } direct ? new ReturnedError(direct.Api) : None;
        }

        var locals = new Dictionary<ILocalSymbol, ErrorSource>(SymbolEqualityComparer.Default);
        var returns = new List<IOperation>();
        Collect(body, locals, returns, cache);
        foreach (IOperation returned in returns)
        {
            if (Returned(returned, locals, cache) is { } source)
            {
                return new ReturnedError(source.Api);
            }
        }

        return None;
    }

    // The Errno locals assigned a checked error, and the returned values, of this function's own body (not of nested local functions or lambdas).
    private static void Collect(IOperation operation, Dictionary<ILocalSymbol, ErrorSource> locals, List<IOperation> returns, SummaryCache<ReturnedError> cache)
    {
        foreach (IOperation child in operation.ChildOperations)
        {
            switch (child)
            {
                case ILocalFunctionOperation or IAnonymousFunctionOperation:
                    continue;
                case IReturnOperation { ReturnedValue: { } value }:
                    returns.Add(value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value } when SourceOf(value, cache) is { } source:
                    locals[target.Local] = source;
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator when SourceOf(value, cache) is { } source:
                    locals[declarator.Symbol] = source;
                    break;
            }

            Collect(child, locals, returns, cache);
        }
    }

    private static ErrorSource? Returned(IOperation value, Dictionary<ILocalSymbol, ErrorSource> locals, SummaryCache<ReturnedError> cache)
    {
        value = Conversions.Strip(value);
        switch (value)
        {
            case ILocalReferenceOperation local:
                return locals.TryGetValue(local.Local, out ErrorSource source) ? source : (ErrorSource?)null;
            case IConditionalOperation conditional:
                return Returned(conditional.WhenTrue, locals, cache) ?? (conditional.WhenFalse is { } otherwise ? Returned(otherwise, locals, cache) : null);
            case ISwitchExpressionOperation switchExpression:
                foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                {
                    if (Returned(arm.Value, locals, cache) is { } armSource)
                    {
                        return armSource;
                    }
                }

                return null;
            default:
                return SourceOf(value, cache);
        }
    }
}

/// <summary>Where an <c>Errno</c> value's failure comes from: a checked runtime call, possibly inside a helper.</summary>
internal readonly record struct ErrorSource
{
    public ErrorSource(string? helper, string api)
    {
        Helper = helper;
        Api = api;
    }

    /// <summary>The source method called, or null for a direct runtime call.</summary>
    public string? Helper { get; }

    /// <summary>The checked runtime call (<c>Kernel.CopyOut</c>).</summary>
    public string Api { get; }

    /// <summary>For messages: <c>'Kernel.CopyOut'</c>, or <c>'Validate' (which returns the error of 'Kernel.CopyIn')</c>.</summary>
    public string Display => Helper is null ? "'" + Api + "'" : "'" + Helper + "' (which returns the error of '" + Api + "')";
}
