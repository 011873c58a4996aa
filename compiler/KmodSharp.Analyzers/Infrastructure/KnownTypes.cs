using KmodSharp.Analyzers.Subset;
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
        // Each type is looked up in the assembly that declares it: a compilation-wide lookup searches every
        // reference (about 2 ms for 25 names against .NET 10), and the IDE makes a new compilation per edit.
        IAssemblySymbol runtime = kernelModule.ContainingAssembly;
        IAssemblySymbol core = compilation.ObjectType.ContainingAssembly;
        KernelModuleAttribute = kernelModule;
        KernelHelperAttribute = Get(compilation, runtime, "KmodSharp.KernelHelperAttribute");
        SyscallAttribute = Get(compilation, runtime, "KmodSharp.SyscallAttribute");
        ModuleLoadAttribute = Get(compilation, runtime, "KmodSharp.ModuleLoadAttribute");
        ModuleUnloadAttribute = Get(compilation, runtime, "KmodSharp.ModuleUnloadAttribute");
        ModuleShutdownAttribute = Get(compilation, runtime, "KmodSharp.ModuleShutdownAttribute");
        Kernel = Get(compilation, runtime, "KmodSharp.Kernel");
        Errno = Get(compilation, runtime, "KmodSharp.Errno");
        SyscallResult = Get(compilation, runtime, "KmodSharp.SyscallResult`1");
        UserPtr = Get(compilation, runtime, "KmodSharp.UserPtr`1");
        UserString = Get(compilation, runtime, "KmodSharp.UserString");
        CallingThread = Get(compilation, runtime, "KmodSharp.CallingThread");
        KernelBuffer = Get(compilation, runtime, "KmodSharp.KernelBuffer`1");
        MutexGuard = Get(compilation, runtime, "KmodSharp.MutexGuard");
        KernelMutex = Get(compilation, runtime, "KmodSharp.KernelMutex");
        KernelSxLock = Get(compilation, runtime, "KmodSharp.KernelSxLock");
        MallocFlags = Get(compilation, runtime, "KmodSharp.MallocFlags");
        Span = Get(compilation, core, "System.Span`1");
        ReadOnlySpan = Get(compilation, core, "System.ReadOnlySpan`1");
        SkipLocalsInitAttribute = Get(compilation, core, "System.Runtime.CompilerServices.SkipLocalsInitAttribute");
        InlineArrayAttribute = Get(compilation, core, "System.Runtime.CompilerServices.InlineArrayAttribute");
        Enumerable = Get(compilation, Referenced(compilation, "System.Linq"), "System.Linq.Enumerable");
        Queryable = Get(compilation, Referenced(compilation, "System.Linq.Queryable"), "System.Linq.Queryable");
        ValueTuple2 = Get(compilation, core, "System.ValueTuple`2");
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
        Get(compilation, Referenced(compilation, TranslatableApi.RuntimeAssembly), TranslatableApi.RuntimeNamespace + ".KernelModuleAttribute") is { } module ? new KnownTypes(compilation, module) : null;

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    public bool IsSpan(ITypeSymbol? type) => Is(type, Span) || Is(type, ReadOnlySpan);

    public bool IsByteSpan(ITypeSymbol? type) =>
        IsSpan(type) && type is INamedTypeSymbol { TypeArguments: { Length: 1 } arguments } && arguments[0].SpecialType == SpecialType.System_Byte;

    public bool IsKernelMember(ISymbol? symbol, string name) =>
        symbol is not null && symbol.Name == name && Is(symbol.ContainingType, Kernel);

    // A compilation-wide lookup reads the namespaces of every reference: 150 ms for .NET 10's 160
    // assemblies in a cold process, far more than the rules cost. A reference found by name is asked first.
    private static IAssemblySymbol? Referenced(Compilation compilation, string name)
    {
        foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name == name)
            {
                return assembly;
            }
        }

        return null;
    }

    /// <summary>The type from <paramref name="assembly"/> when it declares it, else from the whole compilation.</summary>
    private static INamedTypeSymbol? Get(Compilation compilation, IAssemblySymbol? assembly, string name) =>
        assembly?.GetTypeByMetadataName(name) ?? compilation.GetTypeByMetadataName(name);
}
