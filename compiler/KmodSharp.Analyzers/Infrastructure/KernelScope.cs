using System.Collections.Concurrent;
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
internal sealed class KernelScope
{
    private readonly KnownTypes types;
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> kinds = new(SymbolEqualityComparer.Default);

    public KernelScope(KnownTypes types) => this.types = types;

    public KnownTypes Types => types;

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

    public EntryKind GetEntryKind(ISymbol? symbol)
    {
        if (symbol is not IMethodSymbol method)
        {
            return EntryKind.None;
        }

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

        return Subset.CNames.ToSnakeCase(method.Name);
    }

    /// <summary>How a chain shows a method: a syscall by its syscall name, anything else by its C# name.</summary>
    public string DisplayName(IMethodSymbol method) =>
        GetEntryKind(method) == EntryKind.Syscall ? GetSyscallName(method) : method.Name;

    private byte Kind(INamedTypeSymbol type) => kinds.GetOrAdd(type, t =>
    {
        for (INamedTypeSymbol? current = t; current is not null; current = current.ContainingType)
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
    });
}
