using System;
using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Everything generated so far at module level, and the one source of randomness.</summary>
public sealed class ModuleContext(Random random, GeneratorFeatures features)
{
    public Random Random { get; } = random;

    /// <summary>The module's name (<c>[KernelModule]</c>), set once it is chosen.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Draws for the kernel-like local names alone, so that naming locals leaves <see cref="Random"/>
    /// (and so the program a seed gives) as it was: only names differ.
    /// </summary>
    public Random NameRandom { get; set; } = new(0);

    public GeneratorFeatures Features { get; } = features;

    public List<StructType> Structs { get; } = [];

    public List<InlineArrayType> InlineArrays { get; } = [];

    public List<Variable> Statics { get; } = [];

    /// <summary>The element kinds that need a span-returning helper (<c>Cut_int</c>) and a buffer-returning one (<c>Make_int</c>), written after the syscalls.</summary>
    public SortedSet<string> SpanHelperKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>The constant tables (<see cref="GeneratorFeatures.ConstantTables"/>): read-only element places, <c>T0[@]</c>.</summary>
    public List<Place> Tables { get; } = [];

    public List<Helper> Helpers { get; } = [];

    /// <summary>The module's mutex, if it has one.</summary>
    public string? Lock { get; set; }

    public bool Chance(int percent) => Random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public T? PickOrDefault<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? default : list[Random.Next(list.Count)];
    }
}

/// <summary>What a method body being generated may do and how it returns.</summary>
public sealed class MethodContext(string name)
{
    private int next;

    public string Name { get; } = name;

    public Scope Scope { get; } = new();

    /// <summary>The kernel-like local names this method has declared (each at most once: C# forbids one that hides another).</summary>
    public HashSet<string> KernelLikeNames { get; } = [];

    /// <summary>The text of an early error return (<c>return Errno.EINVAL;</c>), when the method may return an errno.</summary>
    public Func<string, string>? ErrorReturn { get; init; }

    /// <summary>Whether the body may contain operations that fail as .NET would throw.</summary>
    public bool AllowFailure { get; init; } = true;

    /// <summary>Whether the body may assign statics (helpers called from operands must not).</summary>
    public bool WritesStatics { get; init; } = true;

    /// <summary>Whether the body may call helpers that write statics.</summary>
    public bool AllowSideEffectCalls { get; init; } = true;

    /// <summary>The method's long accumulator every inner block folds its locals into.</summary>
    public string Accumulator { get; init; } = "acc";

    /// <summary>Static local functions declared in this body (name, parameter kinds, return kind).</summary>
    public List<(string Name, IntegerKind[] Parameters, IntegerKind Returns)> LocalFunctions { get; } = [];

    public int LoopDepth { get; set; }

    /// <summary>Whether a lock scope may be opened here: helpers never lock, since a syscall may call them with the mutex held (recursion panics).</summary>
    public bool MayLock { get; init; } = true;

    public bool InLock { get; set; }

    public bool InChecked { get; set; }

    public int Statements { get; set; }

    public string Fresh(string prefix) => prefix + next++;
}
