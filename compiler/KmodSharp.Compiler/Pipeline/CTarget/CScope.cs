using System;
using System.Collections.Generic;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The C names of one scope — a function's parameters and locals, a struct's members: each name
/// is one the policy allows (<see cref="CNames.Local"/>) that nothing else in the scope holds
/// (<c>max</c> and <c>max_</c> become <c>max_</c> and <c>max__1</c>). Inside a module's functions
/// no name may hide a module-level one: those all start with <c>&lt;module&gt;_</c> and never end
/// in <c>_</c> (<see cref="CNames.FileScopeStem"/>), so a local of that shape gets a trailing <c>_</c>.
/// </summary>
internal sealed class CScope(string? module = null, IEnumerable<string>? reserved = null)
{
    private readonly HashSet<string> taken = [.. reserved ?? []];

    /// <summary>The C name for a C# name declared in this scope.</summary>
    public string Add(string csharpName) => Claim(CNames.Local(csharpName));

    /// <summary>A free name closest to <paramref name="preferred"/>, numbered when it is taken.</summary>
    public string Claim(string preferred)
    {
        string name = Unshadowing(preferred);
        for (int i = 1; !taken.Add(name); i++)
        {
            name = Unshadowing($"{preferred}_{i}");
        }

        return name;
    }

    /// <summary>Whether every one of the names is free, without claiming them.</summary>
    public bool AreFree(params string[] names) => Array.TrueForAll(names, n => !taken.Contains(n));

    /// <summary>Claims names chosen elsewhere (derived from one claimed here).</summary>
    public void Reserve(params string[] names) => taken.UnionWith(names);

    private string Unshadowing(string name) =>
        module is not null && name.StartsWith(module + "_", StringComparison.Ordinal) && !name.EndsWith('_') ? name + "_" : name;
}
