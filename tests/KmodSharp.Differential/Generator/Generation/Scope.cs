using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>A named value in scope: a local, parameter or static field; <see cref="SyscallArgument"/> marks a syscall's own integer parameter.</summary>
public sealed record Variable(string Name, GenType Type, bool Writable = true, bool IsStatic = false, bool SyscallArgument = false);

/// <summary>The variables visible at the current point of a method body, block by block.</summary>
public sealed class Scope
{
    private readonly List<List<Variable>> blocks = [[]];

    public IEnumerable<Variable> Visible => blocks.SelectMany(b => b);

    /// <summary>The variables the innermost block declared.</summary>
    public IReadOnlyList<Variable> Innermost => blocks[^1];

    public void Add(Variable variable) => blocks[^1].Add(variable);

    public void Push() => blocks.Add([]);

    public IReadOnlyList<Variable> Pop()
    {
        List<Variable> popped = blocks[^1];
        blocks.RemoveAt(blocks.Count - 1);
        return popped;
    }
}
