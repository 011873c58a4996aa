using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;

namespace KmodSharp.Compiler.Tests.Userland;

/// <summary>A syzlang type: its name and type-options (each itself a type, or a number/identifier).</summary>
internal sealed record SyzType(string Name, ImmutableArray<SyzType> Options)
{
    public override string ToString() => Options.IsEmpty ? Name : $"{Name}[{string.Join(", ", Options)}]";
}

internal sealed record SyzSyscall(string Name, ImmutableArray<(string Name, SyzType Type)> Arguments, SyzType? Result);

internal sealed record SyzDescription(
    ImmutableDictionary<string, string> Defines,
    ImmutableDictionary<string, ImmutableArray<(string Name, SyzType Type)>> Structs,
    ImmutableDictionary<string, ImmutableArray<string>> Flags,
    ImmutableArray<SyzSyscall> Syscalls);

/// <summary>
/// A parser for the subset of syzlang the generator may emit, written from syzkaller's
/// https://github.com/google/syzkaller/blob/master/docs/syscall_descriptions_syntax.md: comments, <c>include</c>/<c>define</c>, structs
/// (<c>name { field type … } [attrs]</c>) and calls <c>name(arg type, …) [type]</c> with
/// <c>type = typename [ "[" type-options "]" ]</c>, and integer flags (<c>name = A, B</c>). Anything else
/// is a parse error, every type name must be a builtin of the grammar or a struct declared in the file,
/// and every <c>flags[…]</c> must name flags declared in the file. <see cref="ParseConstFile"/> reads a
/// <c>.const</c> file as syzkaller's pkg/compiler/const_file.go does (an <c>arches</c> line first, then
/// <c>NAME = unsigned value</c>).
/// </summary>
internal static partial class SyzlangParser
{
    private static readonly ImmutableHashSet<string> Builtins =
    [
        "const", "intptr", "flags", "array", "ptr", "ptr64", "buffer", "string", "stringnoz", "strconst", "filename", "len",
        "bytesize", "bitsize", "vma", "proc", "in", "out", "inout", "bool8", "bool16", "bool32", "bool64", "boolptr",
        "int8", "int16", "int32", "int64", "int16be", "int32be", "int64be", "opt",
    ];

    public static SyzDescription Parse(string text)
    {
        var defines = ImmutableDictionary.CreateBuilder<string, string>();
        var structs = ImmutableDictionary.CreateBuilder<string, ImmutableArray<(string, SyzType)>>();
        var syscalls = ImmutableArray.CreateBuilder<SyzSyscall>();
        var flags = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0 || line.StartsWith("include <", StringComparison.Ordinal))
            {
                continue;
            }

            if (Define().Match(line) is { Success: true } define)
            {
                defines.Add(define.Groups[1].Value, define.Groups[2].Value);
            }
            else if (StructStart().Match(line) is { Success: true } start)
            {
                var fields = ImmutableArray.CreateBuilder<(string, SyzType)>();
                for (i++; i < lines.Length && !StripComment(lines[i]).Trim().StartsWith('}'); i++)
                {
                    string[] parts = StripComment(lines[i]).Trim().Split((char[])['\t', ' '], 2, StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length != 2 || !Identifier().IsMatch(parts[0]))
                    {
                        throw new FormatException($"line {i + 1}: expected 'fieldname type': {lines[i]}");
                    }

                    fields.Add((parts[0], ParseType(parts[1].Trim())));
                }

                string close = i < lines.Length ? StripComment(lines[i]).Trim() : throw new FormatException("unterminated struct " + start.Groups[1].Value);
                if (close != "}" && !StructAttributes().IsMatch(close))
                {
                    throw new FormatException($"line {i + 1}: bad struct end: {close}");
                }

                structs.Add(start.Groups[1].Value, fields.ToImmutable());
            }
            else if (FlagsDeclaration().Match(line) is { Success: true } declared)
            {
                flags.Add(declared.Groups[1].Value, [.. declared.Groups[2].Value.Split(',').Select(v => v.Trim())]);
            }
            else if (Call().Match(line) is { Success: true } call)
            {
                var arguments = SplitTopLevel(call.Groups[2].Value).Select(a =>
                {
                    string[] parts = a.Trim().Split(' ', 2);
                    return parts.Length == 2 && Identifier().IsMatch(parts[0])
                        ? (parts[0], ParseType(parts[1].Trim()))
                        : throw new FormatException($"line {i + 1}: expected 'argname type': {a}");
                });
                string result = call.Groups[3].Value.Trim();
                syscalls.Add(new SyzSyscall(call.Groups[1].Value, [.. arguments], result.Length > 0 ? ParseType(result) : null));
            }
            else
            {
                throw new FormatException($"line {i + 1}: not syzlang: {line}");
            }
        }

        var description = new SyzDescription(defines.ToImmutable(), structs.ToImmutable(), flags.ToImmutable(), syscalls.ToImmutable());
        foreach (SyzType type in description.Syscalls.SelectMany(s => s.Arguments.Select(a => a.Type)))
        {
            CheckNames(type, description, argument: true);
        }

        foreach (SyzType type in description.Structs.Values.SelectMany(f => f.Select(x => x.Type)))
        {
            CheckNames(type, description, argument: false);
        }

        // The keywords are a syntax error as a name (pkg/ast/scanner.go); pkg/compiler checkFieldGroup
        // reserves "parent" and "syscall", which name the enclosing struct and call in len[].
        foreach (string name in description.Syscalls.SelectMany(s => s.Arguments.Select(a => a.Name)).Concat(description.Structs.Values.SelectMany(f => f.Select(x => x.Item1))))
        {
            if (name is "include" or "incdir" or "define" or "resource" or "parent" or "syscall")
            {
                throw new FormatException("reserved field or argument name " + name);
            }
        }

        return description;
    }

    // type = typename [ "[" type-options "]" ], type-options = [type-opt ["," type-opt]]
    public static SyzType ParseType(string text)
    {
        int open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return Option().IsMatch(text) ? new SyzType(text, []) : throw new FormatException("bad type: " + text);
        }

        if (!text.EndsWith(']') || !Identifier().IsMatch(text[..open]))
        {
            throw new FormatException("bad type: " + text);
        }

        return new SyzType(text[..open], [.. SplitTopLevel(text[(open + 1)..^1]).Select(o => ParseType(o.Trim()))]);
    }

    // A syscall argument's flags take no base type (pkg/compiler: NeedBase only outside arguments).
    private static void CheckNames(SyzType type, SyzDescription description, bool argument)
    {
        bool numeric = NumberOrRange().IsMatch(type.Name);
        if (!numeric && !Builtins.Contains(type.Name) && !description.Structs.ContainsKey(type.Name) && !type.Name.StartsWith("int", StringComparison.Ordinal))
        {
            // A len[] target names an argument, which is also an identifier: accept those only under len.
            throw new FormatException("unknown type " + type.Name);
        }

        if (type.Name == "flags" && (type.Options.Length != (argument ? 1 : 2) || !description.Flags.ContainsKey(type.Options[0].Name)))
        {
            throw new FormatException("flags of undeclared values: " + type);
        }

        foreach (SyzType option in type.Name is "len" or "bytesize" or "bitsize" or "flags" ? type.Options.Skip(1) : type.Options)
        {
            CheckNames(option, description, argument: false);
        }
    }

    /// <summary>A <c>.const</c> file: its arches and each constant's value.</summary>
    public static (ImmutableArray<string> Arches, ImmutableDictionary<string, ulong> Values) ParseConstFile(string text)
    {
        ImmutableArray<string>? arches = null;
        var values = ImmutableDictionary.CreateBuilder<string, ulong>();
        foreach (string line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                throw new FormatException("expect '=': " + line);
            }

            string name = line[..equals].Trim();
            string value = line[(equals + 1)..].Trim();
            if (arches is null)
            {
                arches = name == "arches" ? [.. value.Split(',').Select(a => a.Trim())] : throw new FormatException("missing arches header");
            }
            else
            {
                values.Add(name, ulong.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return (arches ?? throw new FormatException("missing arches header"), values.ToImmutable());
    }

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] == '[' || text[i] == '(' ? 1 : text[i] == ']' || text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        if (text[start..].Trim().Length > 0)
        {
            yield return text[start..];
        }
    }

    private static string StripComment(string line) => line.Contains('#', StringComparison.Ordinal) ? line[..line.IndexOf('#', StringComparison.Ordinal)] : line;

    [GeneratedRegex(@"^define\s+([A-Za-z_][A-Za-z0-9_]*)\s+(\S+)$")]
    private static partial Regex Define();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*\{$")]
    private static partial Regex StructStart();

    [GeneratedRegex(@"^\}\s*\[(packed|align_\d+|size\[\d+\])(,\s*(packed|align_\d+|size\[\d+\]))*\]$")]
    private static partial Regex StructAttributes();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)*)$")]
    private static partial Regex FlagsDeclaration();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*(?:\$[A-Za-z0-9_]+)?)\((.*)\)\s*(\S*)$")]
    private static partial Regex Call();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*|-?\d+(:-?\d+)?|0x[0-9a-fA-F]+)$")]
    private static partial Regex Option();

    [GeneratedRegex(@"^(-?\d+(:-?\d+)?|0x[0-9a-fA-F]+)$")]
    private static partial Regex NumberOrRange();
}
