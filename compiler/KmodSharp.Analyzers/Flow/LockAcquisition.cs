using System.Collections.Generic;
using KmodSharp.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Flow;

/// <summary>How a lock is taken: an <c>mtx(9)</c> mutex, or an <c>sx(9)</c> lock exclusively or shared.</summary>
internal enum LockKind
{
    Mutex,
    SxExclusive,
    SxShared,
}

/// <summary>
/// A lock taken by <c>KernelMutex.Lock</c>, <c>KernelSxLock.LockExclusive</c> or <c>LockShared</c>. The lock
/// is identified by its static field (<see cref="Field"/>); a lock reached any other way (a parameter, an
/// instance field) has no identity the rules can compare, so <see cref="Field"/> is null.
/// </summary>
internal sealed record LockAcquisition(IFieldSymbol? Field, string Name, LockKind Kind)
{
    public bool IsMutex => Kind == LockKind.Mutex;

    /// <summary>The same lock as <paramref name="other"/> (both identified by their field).</summary>
    public bool SameLock(LockAcquisition other) => Field is not null && SymbolEqualityComparer.Default.Equals(Field, other.Field);

    /// <summary>The lock <paramref name="invocation"/> takes, or null when it takes none.</summary>
    public static LockAcquisition? Of(IInvocationOperation invocation, KnownTypes types)
    {
        IMethodSymbol method = invocation.TargetMethod;
        LockKind kind;
        if (method.Name == "Lock" && KnownTypes.Is(method.ContainingType, types.KernelMutex))
        {
            kind = LockKind.Mutex;
        }
        else if (method.Name is "LockExclusive" or "LockShared" && KnownTypes.Is(method.ContainingType, types.KernelSxLock))
        {
            kind = method.Name == "LockShared" ? LockKind.SxShared : LockKind.SxExclusive;
        }
        else
        {
            return null;
        }

        return invocation.Instance switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true } field } => new LockAcquisition(field.OriginalDefinition, field.Name, kind),
            IFieldReferenceOperation reference => new LockAcquisition(null, reference.Field.Name, kind),
            { } instance => new LockAcquisition(null, instance.Syntax.ToString(), kind),
            _ => new LockAcquisition(null, kind == LockKind.Mutex ? "mutex" : "sx lock", kind),
        };
    }

    /// <summary>
    /// The locks whose guards are held around <paramref name="operation"/>, innermost first, or null when
    /// none: the resources of enclosing <c>using</c> statements and the <c>using</c> declarations before it
    /// in enclosing blocks. A guard always lives in a <c>using</c> (KMS0301), so its scope is the held region.
    /// A local function or lambda starts with nothing held: it is a function of its own.
    /// </summary>
    public static List<LockAcquisition>? HeldAround(IOperation operation, KnownTypes types)
    {
        List<LockAcquisition>? held = null;
        IOperation child = operation;
        for (IOperation? parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return held;
                case IUsingOperation usingOperation when !ReferenceEquals(child, usingOperation.Resources):
                    AddTaken(usingOperation.Resources, types, ref held);
                    break;
                case IBlockOperation block:
                    // Walked backwards so the list stays innermost first.
                    int index = block.Operations.IndexOf(child);
                    for (int i = index - 1; i >= 0; i--)
                    {
                        if (block.Operations[i] is IUsingDeclarationOperation declaration)
                        {
                            AddTaken(declaration.DeclarationGroup, types, ref held);
                        }
                    }

                    break;
            }
        }

        return held;
    }

    private static void AddTaken(IOperation resources, KnownTypes types, ref List<LockAcquisition>? held)
    {
        foreach (IOperation operation in resources.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && Of(invocation, types) is { } taken)
            {
                (held ??= new List<LockAcquisition>()).Add(taken);
            }
        }
    }
}
