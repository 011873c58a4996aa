using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// How a <c>#line</c> directive names a C# source file, so that the generated files do not depend
/// on where the project was checked out. A path under a <see cref="Mappings"/> prefix (csc's
/// <c>-pathmap</c>, longest prefix first) has it replaced; any other path is written relative to
/// the module folder <c>&lt;OutputDirectory&gt;/&lt;module&gt;</c> the file is generated into, so
/// <c>make</c> and a debugger started there find the source (<c>../../Counter.cs</c>).
/// </summary>
public sealed record SourcePathMap(string OutputDirectory, ImmutableArray<KeyValuePair<string, string>> Mappings)
{
    /// <summary>The name <c>#line</c> gives <paramref name="sourcePath"/> in a file of module <paramref name="module"/>.</summary>
    public string Name(string sourcePath, string module)
    {
        foreach ((string from, string to) in Mappings)
        {
            if (sourcePath.StartsWith(from, StringComparison.Ordinal))
            {
                return to + sourcePath[from.Length..];
            }
        }

        // C reads '/' on every system; a path on another Windows drive stays absolute.
        string folder = Path.Combine(Path.GetFullPath(OutputDirectory), module);
        return Path.GetRelativePath(folder, sourcePath).Replace('\\', '/');
    }

    /// <summary>
    /// Parses <c>--pathmap</c> values in csc's form, <c>OLD=NEW</c> pairs separated by commas (so
    /// MSBuild's <c>$(PathMap)</c> passes as is), a doubled <c>,</c> or <c>=</c> standing for
    /// itself; both sides end with a separator as csc makes them. Throws
    /// <see cref="InputException"/> on a pair without exactly one <c>=</c> or with an empty side.
    /// </summary>
    public static ImmutableArray<KeyValuePair<string, string>> ParseMappings(IEnumerable<string> values)
    {
        var mappings = new List<KeyValuePair<string, string>>();
        foreach (string value in values)
        {
            foreach (string pair in SplitUnescaped(value, ',').Where(p => p.Length > 0))
            {
                string[] sides = SplitUnescaped(pair, '=');
                if (sides.Length != 2 || sides[0].Length == 0 || sides[1].Length == 0)
                {
                    throw new InputException($"--pathmap '{pair}' is not OLD=NEW (pairs separated by ',', as csc's -pathmap)");
                }

                mappings.Add(new(WithSeparator(sides[0]), WithSeparator(sides[1])));
            }
        }

        // The most specific prefix wins, whatever the order given (csc sorts the same way).
        return [.. mappings.OrderByDescending(m => m.Key.Length)];
    }

    private static string WithSeparator(string path) =>
        path.EndsWith('/') || path.EndsWith('\\') ? path : path + (path.Contains('\\') && !path.Contains('/') ? '\\' : '/');

    // Splits at single separators; a doubled one is the character itself.
    private static string[] SplitUnescaped(string text, char separator)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != separator)
            {
                current.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == separator)
            {
                current.Append(separator);
                i++;
            }
            else
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }

        parts.Add(current.ToString());
        return [.. parts];
    }
}
