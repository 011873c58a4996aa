using System;
using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.Frontend;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// A property of translated methods that holds when one of a method's own operations has it
/// (<paramref name="holdsAt"/>), or when the method calls a source method that has it and hands it
/// on to its callers (<paramref name="handsOn"/>). Each method is decided once.
/// </summary>
internal sealed class CallGraphProperty(Func<IOperation, bool> holdsAt, Func<IMethodSymbol, bool> handsOn)
{
    private readonly Dictionary<IMethodSymbol, bool> results = new(SymbolEqualityComparer.Default);

    public bool Of(IMethodSymbol method)
    {
        if (results.TryGetValue(method, out bool known))
        {
            return known;
        }

        // Recursion is rejected by the analyzer; until then a cycle counts as "does not hold".
        results[method] = false;
        IOperation? body = method.DeclaringSyntaxReferences.Length > 0 ? MethodBodies.Of(method, ((ISourceAssemblySymbol)method.ContainingAssembly).Compilation) : null;
        bool holds = body is not null && HoldsIn(body);
        results[method] = holds;
        return holds;
    }

    private bool HoldsIn(IOperation root)
    {
        foreach (IOperation operation in MethodBodies.OwnOperations(root))
        {
            if (holdsAt(operation))
            {
                return true;
            }

            if (operation is IInvocationOperation { TargetMethod: { } target } && target.DeclaringSyntaxReferences.Length > 0
                && handsOn(target) && Of(target))
            {
                return true;
            }
        }

        return false;
    }
}
