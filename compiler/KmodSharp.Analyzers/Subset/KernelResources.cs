using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The resources a <c>using</c> frees on every path: a <c>KernelBuffer&lt;T&gt;</c> declared with
/// <c>using</c> from <c>Kernel.Allocate</c> (malloc(9) … free(9)), and the guard of a lock of a static
/// <c>KernelMutex</c>/<c>KernelSxLock</c> field (mtx_lock … mtx_unlock). The analyzer (KMS0900) and the
/// backend both decide here which ones translate.
/// </summary>
public static class KernelResources
{
    /// <summary>
    /// A <c>KernelBuffer</c> declared with <c>using</c> from something other than <c>Kernel.Allocate</c> or a method returning one, or null
    /// (one declared without <c>using</c> is KMS0301's).
    /// </summary>
    public static Untranslatable? Check(IVariableDeclaratorOperation declarator) =>
        IsRuntimeType(declarator.Symbol.Type, "KernelBuffer") && IsUsing(declarator) && !IsAllocation(declarator)
            ? new Untranslatable(declarator, "This KernelBuffer (declare it with 'using' from Kernel.Allocate or a method returning one, so it is freed on every path)")
            : null;

    /// <summary>A <c>using (…)</c> resource given as an expression that is not a lock of a static field, or null.</summary>
    public static Untranslatable? Check(IUsingOperation usingOperation) =>
        usingOperation.Resources is not IVariableDeclarationGroupOperation && IsKernelResource(usingOperation.Resources.Type)
        && !IsStaticLock(usingOperation.Resources)
            ? new Untranslatable(usingOperation.Resources, "This using resource (use a KernelBuffer from Kernel.Allocate or a lock of a static KernelMutex/KernelSxLock field)")
            : null;

    /// <summary>Whether a <c>using</c> declares <paramref name="declarator"/>.</summary>
    public static bool IsUsing(IVariableDeclaratorOperation declarator) =>
        declarator.Parent?.Parent is IVariableDeclarationGroupOperation { Parent: IUsingOperation or IUsingDeclarationOperation };

    /// <summary><c>s_lock.Lock()</c> (or <c>LockShared</c>/<c>LockExclusive</c>) on a static field: the lock the guard releases.</summary>
    public static bool IsStaticLock(IOperation resource) =>
        resource is IInvocationOperation { Instance: IFieldReferenceOperation { Field.IsStatic: true } };

    private static bool IsAllocation(IVariableDeclaratorOperation declarator) =>
        IsAllocation(declarator.GetVariableInitializer()?.Value) && declarator.Symbol.Type is INamedTypeSymbol { TypeArguments.Length: 1 };

    /// <summary>
    /// <c>Kernel.Allocate&lt;T&gt;(…)</c>, or a call of a method returning a <c>KernelBuffer</c> (which returns
    /// one of these itself: <see cref="Check(IReturnOperation)"/>): a buffer whose owner is the one it is given to.
    /// </summary>
    public static bool IsAllocation(IOperation? value) => value switch
    {
        IInvocationOperation { TargetMethod.Name: "Allocate", Instance: null } allocate => TranslatableApi.IsRuntimeTypeNamed(allocate.TargetMethod.ContainingType, "Kernel"),
        IInvocationOperation { Instance: null } call => IsRuntimeType(call.Type, "KernelBuffer") && TranslatableApi.Classify(call.TargetMethod) == ApiKind.UserMethod,
        _ => false,
    };

    /// <summary>
    /// A <c>return</c> of a <c>KernelBuffer</c> that is not a new one (<see cref="IsAllocation(IOperation)"/>): a buffer
    /// held in a variable may be its <c>using</c>'s, freed as the method returns; or null.
    /// </summary>
    public static Untranslatable? Check(IReturnOperation ret) =>
        ret.ReturnedValue is { } value && IsRuntimeType(value.Type, "KernelBuffer") && !IsAllocation(value)
            ? new Untranslatable(value, "Returning this KernelBuffer (return 'Kernel.Allocate<T>(…)' itself, or a call of a method that does; the caller's 'using' frees it)")
            : null;

    // Other types in a using are refused by the rule on 'using' itself.
    private static bool IsKernelResource(ITypeSymbol? type) => IsRuntimeType(type, "KernelBuffer") || IsRuntimeType(type, "MutexGuard");

    private static bool IsRuntimeType(ITypeSymbol? type, string name) =>
        type is INamedTypeSymbol { Name: var typeName } named && typeName == name && TranslatableApi.IsRuntimeType(named);
}
