using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>
/// The runtime and BCL types the rules check against, resolved once per compilation by metadata
/// name (the analyzer never references the runtime assembly itself).
/// </summary>
internal sealed class KnownTypes
{
    private KnownTypes(Compilation compilation, INamedTypeSymbol kernelModule)
    {
        KernelModuleAttribute = kernelModule;
        KernelHelperAttribute = Get(compilation, "KmodSharp.KernelHelperAttribute");
        SyscallAttribute = Get(compilation, "KmodSharp.SyscallAttribute");
        ModuleLoadAttribute = Get(compilation, "KmodSharp.ModuleLoadAttribute");
        ModuleUnloadAttribute = Get(compilation, "KmodSharp.ModuleUnloadAttribute");
        ModuleShutdownAttribute = Get(compilation, "KmodSharp.ModuleShutdownAttribute");
        Kernel = Get(compilation, "KmodSharp.Kernel");
        Errno = Get(compilation, "KmodSharp.Errno");
        SyscallResult = Get(compilation, "KmodSharp.SyscallResult`1");
        UserPtr = Get(compilation, "KmodSharp.UserPtr`1");
        UserString = Get(compilation, "KmodSharp.UserString");
        CallingThread = Get(compilation, "KmodSharp.CallingThread");
        KernelBuffer = Get(compilation, "KmodSharp.KernelBuffer`1");
        MutexGuard = Get(compilation, "KmodSharp.MutexGuard");
        KernelMutex = Get(compilation, "KmodSharp.KernelMutex");
        KernelSxLock = Get(compilation, "KmodSharp.KernelSxLock");
        MallocFlags = Get(compilation, "KmodSharp.MallocFlags");
        Span = Get(compilation, "System.Span`1");
        ReadOnlySpan = Get(compilation, "System.ReadOnlySpan`1");
        SkipLocalsInitAttribute = Get(compilation, "System.Runtime.CompilerServices.SkipLocalsInitAttribute");
        InlineArrayAttribute = Get(compilation, "System.Runtime.CompilerServices.InlineArrayAttribute");
        Enumerable = Get(compilation, "System.Linq.Enumerable");
        Queryable = Get(compilation, "System.Linq.Queryable");
        ValueTuple2 = Get(compilation, "System.ValueTuple`2");
    }

    public INamedTypeSymbol KernelModuleAttribute { get; }
    public INamedTypeSymbol? KernelHelperAttribute { get; }
    public INamedTypeSymbol? SyscallAttribute { get; }
    public INamedTypeSymbol? ModuleLoadAttribute { get; }
    public INamedTypeSymbol? ModuleUnloadAttribute { get; }
    public INamedTypeSymbol? ModuleShutdownAttribute { get; }
    public INamedTypeSymbol? Kernel { get; }
    public INamedTypeSymbol? Errno { get; }
    public INamedTypeSymbol? SyscallResult { get; }
    public INamedTypeSymbol? UserPtr { get; }
    public INamedTypeSymbol? UserString { get; }
    public INamedTypeSymbol? CallingThread { get; }
    public INamedTypeSymbol? KernelBuffer { get; }
    public INamedTypeSymbol? MutexGuard { get; }
    public INamedTypeSymbol? KernelMutex { get; }
    public INamedTypeSymbol? KernelSxLock { get; }
    public INamedTypeSymbol? MallocFlags { get; }
    public INamedTypeSymbol? Span { get; }
    public INamedTypeSymbol? ReadOnlySpan { get; }
    public INamedTypeSymbol? SkipLocalsInitAttribute { get; }
    public INamedTypeSymbol? InlineArrayAttribute { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? Queryable { get; }
    public INamedTypeSymbol? ValueTuple2 { get; }

    /// <summary>The known types, or null when the compilation does not reference the KmodSharp runtime (then no rule runs).</summary>
    public static KnownTypes? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("KmodSharp.KernelModuleAttribute") is { } module ? new KnownTypes(compilation, module) : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public bool IsSpan(ITypeSymbol? type) => Is(type, Span) || Is(type, ReadOnlySpan);

    public bool IsByteSpan(ITypeSymbol? type) =>
        IsSpan(type) && type is INamedTypeSymbol { TypeArguments: { Length: 1 } arguments } && arguments[0].SpecialType == SpecialType.System_Byte;

    public bool IsKernelMember(ISymbol? symbol, string name) =>
        symbol is not null && symbol.Name == name && Is(symbol.ContainingType, Kernel);

    private static INamedTypeSymbol? Get(Compilation compilation, string name) => compilation.GetTypeByMetadataName(name);
}
