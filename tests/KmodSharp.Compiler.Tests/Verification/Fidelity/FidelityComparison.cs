using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tests.Verification.Fidelity;

/// <summary>The comparison behind <see cref="HeaderFidelity"/>: one method per kind of declaration, each collecting differences.</summary>
internal sealed partial class FidelityComparison(string ourRoot, HeaderReadResult ours, HeaderReadResult real)
{
    private int functions, macros, enumConstants, typedefs, fullRecords, partialRecords, fields, apiEntries;

    private readonly List<FidelityDifference> differences = [];

    // Names FreeBSD lacks as a declaration or integer macro, until a probe says whether it has another kind of macro.
    private readonly Dictionary<string, (FidelityDifference Difference, bool IsMacro)> pending = new(StringComparer.Ordinal);

    public IEnumerable<FidelityDifference> Differences => differences.Concat(pending.Values.Select(p => p.Difference));

    public List<string> Notes { get; } = [];

    public FidelityCounts Counts => new(functions, macros, enumConstants, typedefs, fullRecords, partialRecords, fields, apiEntries);

    public void MissingHeaders(ImmutableArray<string> headers)
    {
        foreach (string header in headers)
        {
            differences.Add(new(FidelityKind.Parse, header, header, "ships this header", "has no such header"));
        }
    }

    public void ParseErrors(string side, HeaderReadResult result)
    {
        foreach (HeaderDiagnostic diagnostic in result.Diagnostics.Where(d => d.IsError))
        {
            string where = diagnostic.Location is { } at ? Place(at) : "(command line)";
            string error = "error: " + diagnostic.Message;
            differences.Add(new(FidelityKind.Parse, side + " does not parse", where, side == "ours" ? error : "-", side == "ours" ? "-" : error));
        }
    }

    public void Functions()
    {
        foreach (HeaderFunction function in ours.Functions.Where(f => Mine(f.Location)))
        {
            functions++;
            HeaderFunction? theirs = real.FindFunction(function.Name);
            string prototype = Prototype(function);
            if (theirs is null)
            {
                pending[function.Name] = (new(FidelityKind.Function, function.Name, Place(function.Location), prototype, "does not declare it"), false);
            }
            else if (Prototype(theirs) is var realPrototype && realPrototype != prototype)
            {
                differences.Add(new(FidelityKind.Function, function.Name, Place(function.Location), prototype, $"{realPrototype} ({Place(theirs.Location)})"));
            }
        }
    }

    public void Macros(ImmutableArray<string> skipped)
    {
        foreach (HeaderMacro macro in ours.Macros.Where(m => Mine(m.Location) && !skipped.Contains(m.Name)))
        {
            macros++;
            string value = Value(macro);
            if (real.FindMacro(macro.Name) is { } theirs)
            {
                if (Value(theirs) != value)
                {
                    differences.Add(new(FidelityKind.Macro, macro.Name, Place(macro.Location), value, $"{Value(theirs)} ({Place(theirs.Location)})"));
                }
            }
            else if (RealEnumConstant(macro.Name) is { } constant)
            {
                if (constant.Constant.Value != macro.Value)
                {
                    differences.Add(new(FidelityKind.Macro, macro.Name, Place(macro.Location), value, $"enum constant {constant.Constant.Value} ({Place(constant.Enum.Location)})"));
                }
            }
            else
            {
                pending[macro.Name] = (new(FidelityKind.Macro, macro.Name, Place(macro.Location), value, "defines no macro or enum constant of that name"), true);
            }
        }
    }

    public void Enums()
    {
        foreach (HeaderEnum definition in ours.Enums.Where(e => Mine(e.Location) && !e.Constants.Any(c => c.Name.StartsWith(HeaderFidelity.MacroProbePrefix, StringComparison.Ordinal))))
        {
            if (!definition.IsAnonymous && real.FindEnum(definition.Name) is { } theirEnum
                && HeaderFidelity.Canonical(theirEnum.IntegerType) != HeaderFidelity.Canonical(definition.IntegerType))
            {
                differences.Add(new(FidelityKind.EnumConstant, definition.Spelling, Place(definition.Location), "underlying " + definition.IntegerType.CanonicalSpelling, $"underlying {theirEnum.IntegerType.CanonicalSpelling} ({Place(theirEnum.Location)})"));
            }

            foreach (HeaderEnumConstant constant in definition.Constants)
            {
                enumConstants++;
                string ourValue = constant.Value.ToString(CultureInfo.InvariantCulture);
                if (RealEnumConstant(constant.Name) is { } theirs)
                {
                    if (theirs.Constant.Value != constant.Value)
                    {
                        differences.Add(new(FidelityKind.EnumConstant, constant.Name, Place(definition.Location), ourValue, $"{theirs.Constant.Value} ({Place(theirs.Enum.Location)})"));
                    }
                }
                else if (real.FindMacro(constant.Name) is { } macro)
                {
                    if (macro.Value != constant.Value)
                    {
                        differences.Add(new(FidelityKind.EnumConstant, constant.Name, Place(definition.Location), ourValue, $"macro {Value(macro)} ({Place(macro.Location)})"));
                    }
                }
                else
                {
                    differences.Add(new(FidelityKind.EnumConstant, constant.Name, Place(definition.Location), ourValue, "has no enum constant or macro of that name"));
                }
            }
        }
    }

    public void Typedefs()
    {
        foreach (HeaderTypedef typedef in ours.Typedefs.Where(t => Mine(t.Location)))
        {
            typedefs++;
            string type = HeaderFidelity.Canonical(typedef.UnderlyingType);
            if (real.FindTypedef(typedef.Name) is not { } theirs)
            {
                differences.Add(new(FidelityKind.Typedef, typedef.Name, Place(typedef.Location), type, "does not declare it"));
            }
            else if (HeaderFidelity.Canonical(theirs.UnderlyingType) is var realType && realType != type)
            {
                differences.Add(new(FidelityKind.Typedef, typedef.Name, Place(typedef.Location), type, $"{realType} ({Place(theirs.Location)})"));
            }
        }
    }

    public void KernelApi(ImmutableArray<KernelApiEntry> entries)
    {
        foreach (KernelApiEntry entry in entries)
        {
            apiEntries++;
            if (entry.Kind == KernelApiKind.Macro)
            {
                string probe = HeaderFidelity.MacroProbePrefix + entry.Name;
                bool ourMacro = ours.Enums.Any(e => e.Constants.Any(c => c.Name == probe));
                bool realMacro = real.Enums.Any(e => e.Constants.Any(c => c.Name == probe));
                if (ourMacro != realMacro)
                {
                    differences.Add(new(FidelityKind.KernelApi, entry.Name, entry.Header, ourMacro ? "a macro" : "no macro", realMacro ? "a macro" : "no macro"));
                }
            }

            foreach (string name in entry.CheckedFunctions)
            {
                HeaderFunction? mine = ours.FindFunction(name);
                HeaderFunction? theirs = real.FindFunction(name);
                string ourPrototype = mine is null ? "not declared" : Prototype(mine);
                string realPrototype = theirs is null ? "not declared" : Prototype(theirs);
                if (mine is null || theirs is null || ourPrototype != realPrototype)
                {
                    string label = name == entry.Name ? name : $"{entry.Name} -> {name}";
                    differences.Add(new(FidelityKind.KernelApi, label, mine is null ? entry.Header : Place(mine.Location), ourPrototype, realPrototype));
                }
            }
        }
    }

    /// <summary>The names to probe as macros in FreeBSD's headers.</summary>
    public ImmutableArray<(string Name, bool IsMacro)> UnresolvedNames() =>
        [.. pending.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.IsMacro))];

    /// <summary>Settles the pending names with a read whose probes tell which are macros, and their values.</summary>
    public void ResolveMacros(HeaderReadResult probed)
    {
        var constants = probed.Enums.SelectMany(e => e.Constants).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach ((string name, (FidelityDifference difference, bool isMacro)) in pending.ToList())
        {
            if (!constants.ContainsKey(HeaderFidelity.MacroProbePrefix + name))
            {
                continue;
            }

            pending.Remove(name);
            if (!isMacro)
            {
                Notes.Add($"{difference.OurFile}: {name}: ours is a function, FreeBSD's a macro of that name");
            }
            else if (!constants.TryGetValue(HeaderFidelity.ValueProbePrefix + name, out HeaderEnumConstant? value))
            {
                differences.Add(difference with { Real = "defines it as a macro with no integer value" });
            }
            else if (ours.FindMacro(name) is { } macro && macro.Value != value.Value)
            {
                differences.Add(difference with { Real = $"macro with the value {value.Value}" });
            }
        }
    }

    private static string Prototype(HeaderFunction function)
    {
        IEnumerable<string> parameters = function.Parameters.Select(p => HeaderFidelity.Unqualified(p.Type));
        if (function.IsVariadic)
        {
            parameters = parameters.Append("...");
        }

        string list = function.Parameters.IsEmpty && !function.IsVariadic ? "void" : string.Join(", ", parameters);
        string storage = function.Storage == HeaderStorageClass.Static ? "static " : "";
        string inline = function.IsInline ? "inline " : "";
        return $"{storage}{inline}{HeaderFidelity.Canonical(function.ReturnType)} {function.Name}({list})";
    }

    private static string Value(HeaderMacro macro) =>
        $"({macro.Type.CanonicalSpelling}){(macro.IsUnsigned ? macro.UnsignedValue.ToString(CultureInfo.InvariantCulture) : macro.Value.ToString(CultureInfo.InvariantCulture))}";

    private (HeaderEnum Enum, HeaderEnumConstant Constant)? RealEnumConstant(string name)
    {
        foreach (HeaderEnum definition in real.Enums)
        {
            if (definition.Constants.FirstOrDefault(c => c.Name == name) is { } constant)
            {
                return (definition, constant);
            }
        }

        return null;
    }

    private bool Mine(HeaderSourceLocation location) =>
        Path.GetFullPath(location.File).StartsWith(ourRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    // Our files relative to our include folder; FreeBSD's from their "sys/" on (the tree's root differs per machine).
    private string Place(HeaderSourceLocation location)
    {
        string file = Path.GetFullPath(location.File);
        if (file.StartsWith(ourRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            file = Path.GetRelativePath(ourRoot, file);
        }
        else if (file.LastIndexOf("/sys/", StringComparison.Ordinal) is var at and >= 0)
        {
            file = file[(at + 1)..];
        }
        else if (file.IndexOf("/kmodsharp-verify-", StringComparison.Ordinal) is var scratch and >= 0)
        {
            // Reached through the object directory's machine/x86 links.
            file = file[(file.IndexOf('/', scratch + 1) + 1)..];
        }

        return $"{file}:{location.Line}";
    }
}
