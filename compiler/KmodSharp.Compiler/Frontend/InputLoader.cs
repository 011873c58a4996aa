using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace KmodSharp.Compiler.Frontend;

/// <summary>
/// The C# files of one input, and where its build output goes by default. <paramref name="References"/>
/// and <paramref name="AnalyzerConfigFiles"/> come from a build (MSBuild's response file): when set,
/// the compilation uses exactly those instead of the defaults and the <c>.editorconfig</c> search.
/// </summary>
public sealed record SourceInput(
    ImmutableArray<SourceFile> Files,
    string ProjectDirectory,
    ImmutableArray<string> References = default,
    ImmutableArray<string> AnalyzerConfigFiles = default)
{
    /// <summary><c>&lt;input&gt;/bin/kmod</c>, the default output of <c>build</c>.</summary>
    public string DefaultOutputDirectory => Path.Combine(ProjectDirectory, "bin", "kmod");
}

/// <summary>A C# source file's path and text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// Resolves an input as DESIGN §6 defines it: a <c>.csproj</c> or a folder (its <c>**/*.cs</c>
/// minus <c>bin/</c> and <c>obj/</c>), or one or more <c>.cs</c> files.
/// </summary>
public static class InputLoader
{
    public static SourceInput Load(ImmutableArray<string> inputs)
    {
        if (inputs.IsDefaultOrEmpty)
        {
            throw new InputException("no input given: pass a .csproj, a folder or .cs files");
        }

        if (inputs.Length == 1 && !inputs[0].EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
        {
            return LoadProject(inputs[0]);
        }

        ImmutableArray<string> paths = [.. inputs.Select(Path.GetFullPath)];
        foreach (string path in paths)
        {
            if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException($"'{path}' is not a .cs file; several inputs must all be .cs files");
            }
        }

        return new SourceInput(ReadAll(paths), Path.GetDirectoryName(paths[0])!);
    }

    private static SourceInput LoadProject(string input)
    {
        string full = Path.GetFullPath(input);
        string directory;
        if (File.Exists(full) && full.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            directory = Path.GetDirectoryName(full)!;
        }
        else if (Directory.Exists(full))
        {
            directory = full;
        }
        else
        {
            throw new InputException(File.Exists(full)
                ? $"'{input}' is not a .csproj, a folder or a .cs file"
                : $"input not found: '{input}'");
        }

        ImmutableArray<string> files = [.. Directory
            .EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(directory, f)))
            .Order(StringComparer.Ordinal)];
        if (files.IsEmpty)
        {
            throw new InputException($"no C# files in '{input}'");
        }

        return new SourceInput(ReadAll(files), directory);
    }

    private static bool IsBuildOutput(string relativePath)
    {
        string first = relativePath.Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static ImmutableArray<SourceFile> ReadAll(ImmutableArray<string> paths)
    {
        var files = ImmutableArray.CreateBuilder<SourceFile>(paths.Length);
        foreach (string path in paths)
        {
            try
            {
                files.Add(new SourceFile(path, File.ReadAllText(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"cannot read '{path}': {e.Message}");
            }
        }

        return files.MoveToImmutable();
    }
}
