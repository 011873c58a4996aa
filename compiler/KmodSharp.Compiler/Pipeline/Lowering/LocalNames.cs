using System;
using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The C names of one function's variables: its parameters' from the signature, and its locals,
/// declared at the top of the function (style(9)) under names no parameter or other local uses.
/// </summary>
internal sealed class LocalNames
{
    /// <summary>The preferred name of the compiler's own temporaries.</summary>
    public const string TemporaryStem = "kms_tmp";

    private readonly CScope scope;
    private readonly List<CStmt> declarations = [];
    private readonly Dictionary<ISymbol, string> names = new(SymbolEqualityComparer.Default);
    // The compiler's own temporaries: each holds one value, assigned before any expression reads it.
    private readonly HashSet<string> temporaries = [];

    public LocalNames(string module, IMethodSymbol method, FunctionSignature signature)
    {
        scope = new CScope(module, [.. FunctionSignature.Reserved, .. signature.Parameters.Select(p => p.Name)]);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            names[parameter] = signature.ParameterNames[parameter.Ordinal];
        }
    }

    /// <summary>The declarations of every local, in the order they were made.</summary>
    public IReadOnlyList<CStmt> Declarations => declarations;

    /// <summary>Declares a local at the top of the function under a name no other local uses.</summary>
    public string Declare(string preferred, CType type)
    {
        string name = scope.Claim(preferred);
        declarations.Add(new CLocalDeclaration(type, name));
        if (preferred == TemporaryStem)
        {
            temporaries.Add(name);
        }

        return name;
    }

    /// <summary>A C# local's name, declared with <paramref name="type"/> where it is first used.</summary>
    public string Of(ILocalSymbol local, Func<CType> type)
    {
        if (!names.TryGetValue(local, out string? name))
        {
            name = Declare(CNames.Local(local.Name), type());
            temporaries.Remove(name);
            names[local] = name;
        }

        return name;
    }

    /// <summary>A parameter's name, as the signature gives it.</summary>
    public string Of(IParameterSymbol parameter) => names[parameter];

    /// <summary>Whether the local is one of the compiler's temporaries: assigned once, before any read.</summary>
    public bool IsTemporary(string name) => temporaries.Contains(name);
}
