using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// The C tag of each of the user's structs before the backend checks it against the headers: the
/// C# name in lower_snake (style(9)), which can make two structs one (<c>FooBar</c>, <c>Foo_Bar</c>
/// and <c>fooBar</c> are all <c>foo_bar</c>; <c>A.Point</c> and <c>B.Point</c> are both <c>point</c>).
/// So the tags are given once for all the kernel structs of an assembly: in ordinal order of their
/// full C# names, the first keeps the name and the next are numbered (<c>foo_bar_2</c>), as
/// functions are; never a number another struct has as its own name. A trailing <c>_</c> is dropped
/// (<c>Foo_</c> is <c>foo</c>, or numbered), so the backend's <c>_</c> for a header's tag meets none.
/// Every module and every file of a module (kernel C, userland header, syzkaller description) gets
/// the same tag for the same struct, whichever structs it uses.
/// </summary>
internal static class StructTags
{
    private static readonly ConditionalWeakTable<IAssemblySymbol, Dictionary<INamedTypeSymbol, string>> ByAssembly = [];

    /// <summary>The tags of every kernel struct of the assembly, in ordinal order.</summary>
    public static ImmutableArray<string> In(IAssemblySymbol assembly) => [.. ByAssembly.GetValue(assembly, Assign).Values.Order(StringComparer.Ordinal)];

    /// <summary>The tag of a struct <see cref="KernelType"/> maps to a kernel struct.</summary>
    public static string Of(INamedTypeSymbol type) =>
        ByAssembly.GetValue(type.ContainingAssembly, Assign).TryGetValue(type.OriginalDefinition, out string? tag) ? tag : Stem(type.Name);

    private static Dictionary<INamedTypeSymbol, string> Assign(IAssemblySymbol assembly)
    {
        INamedTypeSymbol[] structs = [.. Types(assembly.GlobalNamespace)
            .Where(t => t.TypeKind == TypeKind.Struct && KernelType.KindOf(t) == KernelTypeKind.Struct)
            .OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal)];
        var names = new HashSet<string>(structs.Select(s => Stem(s.Name)), StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var tags = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (INamedTypeSymbol type in structs)
        {
            string stem = Stem(type.Name);
            string tag = stem;
            for (int i = 2; !taken.Add(tag); i++)
            {
                while (names.Contains(tag = $"{stem}_{i}"))
                {
                    i++;
                }
            }

            tags.Add(type, tag);
        }

        return tags;
    }

    private static string Stem(string name)
    {
        string snake = ModuleBinder.SnakeCase(name);
        return snake.TrimEnd('_') is { Length: > 0 } trimmed ? trimmed : snake;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (ISymbol member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol inner)
            {
                if (inner is INamedTypeSymbol type)
                {
                    yield return type;
                }

                foreach (INamedTypeSymbol nested in Types(inner))
                {
                    yield return nested;
                }
            }
        }
    }
}
