using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Infrastructure;

/// <summary>What a method is to the kernel module.</summary>
internal enum EntryKind
{
    None,
    Syscall,
    ModuleLoad,
    ModuleUnload,
    ModuleShutdown,
}

/// <summary>
/// Which code is kernel code: members of <c>[KernelModule]</c> and <c>[KernelHelper]</c> classes
/// (and, through <see cref="KernelSession"/>, anything they call). Results are cached per compilation.
/// </summary>
/// <remarks>
/// One instance per compilation is shared by every analyzer (<see cref="For"/>): the known types are
/// resolved, and each type's kind, each method's entry kind and each body's calls computed, once —
/// not once per analyzer. In the IDE every edit makes a new compilation, so this is per keystroke.
/// </remarks>
internal sealed class KernelScope
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<KernelScope?>> Shared = new();

    private readonly KnownTypes types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> kinds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, EntryKind> entries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<System.Type, object> summaryCaches = new();
    private readonly System.Func<INamedTypeSymbol, byte> computeKind;
    private readonly System.Func<IMethodSymbol, EntryKind> computeEntryKind;

    private KernelScope(Compilation compilation, KnownTypes types)
    {
        this.types = types;
        Bodies = new Flow.MethodBodies(compilation);
        computeKind = ComputeKind;
        computeEntryKind = ComputeEntryKind;
    }

    public KnownTypes Types => types;

    /// <summary>The calls each source method's body makes to source methods.</summary>
    public MethodCalls Calls { get; } = new();

    /// <summary>Any source method's body, for rules that read a callee (see <see cref="Flow.SummaryCache{T}"/>).</summary>
    public Flow.MethodBodies Bodies { get; }

    /// <summary>The compilation's one cache of <typeparamref name="T"/> summaries, whichever analyzer asks first creating it.</summary>
    public Flow.SummaryCache<T> Summaries<T>(System.Func<IMethodSymbol, IOperation, Flow.SummaryCache<T>, T> compute, T empty)
        where T : class =>
        (Flow.SummaryCache<T>)summaryCaches.GetOrAdd(typeof(T), _ => new Flow.SummaryCache<T>(Bodies, compute, empty));

    /// <summary>The compilation's scope, shared by all analyzers; null when it does not reference the KmodSharp runtime (then no rule runs).</summary>
    public static KernelScope? For(Compilation compilation) =>
        Shared.GetValue(compilation, c => new StrongBox<KernelScope?>(KnownTypes.Create(c) is { } known ? new KernelScope(c, known) : null)).Value;

    /// <summary>The type, or a type containing it, is a module or helper class.</summary>
    public bool IsKernelType(INamedTypeSymbol? type) => type is not null && Kind(type) != 0;

    /// <summary>The type, or a type containing it, is a <c>[KernelModule]</c> class.</summary>
    public bool IsModuleType(INamedTypeSymbol? type) => type is not null && Kind(type) == 2;

    /// <summary>The symbol is declared in a module or helper class.</summary>
    public bool IsKernelCode(ISymbol? symbol) =>
        symbol is not null && IsKernelType(symbol as INamedTypeSymbol ?? symbol.ContainingType);

    public bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (AttributeData data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
            {
                return true;
            }
        }

        return false;
    }

    public EntryKind GetEntryKind(ISymbol? symbol) =>
        symbol is IMethodSymbol method ? entries.GetOrAdd(method, computeEntryKind) : EntryKind.None;

    private EntryKind ComputeEntryKind(IMethodSymbol method)
    {
        foreach (AttributeData data in method.GetAttributes())
        {
            INamedTypeSymbol? c = data.AttributeClass;
            if (c is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(c, types.SyscallAttribute))
            {
                return EntryKind.Syscall;
            }

            if (SymbolEqualityComparer.Default.Equals(c, types.ModuleLoadAttribute))
            {
                return EntryKind.ModuleLoad;
            }

            if (SymbolEqualityComparer.Default.Equals(c, types.ModuleUnloadAttribute))
            {
                return EntryKind.ModuleUnload;
            }

            if (SymbolEqualityComparer.Default.Equals(c, types.ModuleShutdownAttribute))
            {
                return EntryKind.ModuleShutdown;
            }
        }

        return EntryKind.None;
    }

    /// <summary>The attribute data of <c>[Syscall]</c> on <paramref name="method"/>, if any.</summary>
    public AttributeData? GetSyscallAttribute(IMethodSymbol method)
    {
        foreach (AttributeData data in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, types.SyscallAttribute))
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>The syscall's name as the backend uses it: <c>Name</c>, or the snake_case method name.</summary>
    public string GetSyscallName(IMethodSymbol method)
    {
        if (GetSyscallAttribute(method) is { } data)
        {
            foreach (var argument in data.NamedArguments)
            {
                if (argument.Key == "Name" && argument.Value.Value is string name)
                {
                    return name;
                }
            }
        }

        return Subset.CIdentifiers.ToSnakeCase(method.Name);
    }

    /// <summary>How a chain shows a method: a syscall by its syscall name, anything else by its C# name.</summary>
    public string DisplayName(IMethodSymbol method) =>
        GetEntryKind(method) == EntryKind.Syscall ? GetSyscallName(method) : method.Name;

    private byte Kind(INamedTypeSymbol type) => kinds.GetOrAdd(type, computeKind);

    private byte ComputeKind(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (HasAttribute(current, types.KernelModuleAttribute))
            {
                return 2;
            }

            if (HasAttribute(current, types.KernelHelperAttribute))
            {
                return 1;
            }
        }

        return 0;
    }
}
