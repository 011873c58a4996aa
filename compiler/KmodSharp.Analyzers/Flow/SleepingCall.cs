using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>Which runtime calls sleep, and how (the words KMS0300 uses).</summary>
internal static class SleepingCall
{
    public const string AllocateWaitOk = "'Kernel.Allocate' with MallocFlags.WaitOk (M_WAITOK)";

    /// <summary>How the runtime call sleeps, or null when it does not; <c>Kernel.Allocate</c> is left to <see cref="AllocateFlags"/>.</summary>
    public static string? How(IInvocationOperation invocation, KnownTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (RuntimeApi.Find(method) is { MaySleep: true } api)
        {
            return "'" + method.ContainingType.Name + "." + method.Name + "' (" + (api.TouchesUser ? "a page fault on user memory sleeps" : "it may sleep") + ")";
        }

        return KnownTypes.Is(method.ContainingType, types.KernelSxLock) && method.Name is "LockExclusive" or "LockShared"
            ? "Taking an sx lock ('" + method.Name + "')"
            : null;
    }

    /// <summary>The flags argument of a <c>Kernel.Allocate</c> call (it sleeps with M_WAITOK: a fact of the argument, not of the method), or null.</summary>
    public static IOperation? AllocateFlags(IInvocationOperation invocation, KnownTypes types)
    {
        if (invocation.TargetMethod.Name != "Allocate" || !KnownTypes.Is(invocation.TargetMethod.ContainingType, types.Kernel))
        {
            return null;
        }

        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (KnownTypes.Is(argument.Parameter?.Type, types.MallocFlags))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
