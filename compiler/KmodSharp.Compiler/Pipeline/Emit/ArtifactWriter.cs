using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.Emit;

/// <summary>
/// Writes module folders all or nothing. Every module is written into one staging folder beside
/// the destination (so on the same file system), then each <c>&lt;out&gt;/&lt;module&gt;</c> is
/// replaced whole by a rename — the old folder, stale files and all, goes — and a failure at any
/// point puts back what was there, removes the staging folder and any folder it created, and leaves
/// the destination as it was.
/// </summary>
public static class ArtifactWriter
{
    /// <summary>Writes one module folder; see <see cref="WriteAll(string, IReadOnlyList{ModuleArtifacts})"/>.</summary>
    public static string Write(string outputDirectory, ModuleArtifacts module) => WriteAll(outputDirectory, [module])[0];

    /// <summary>
    /// Writes <c>&lt;outputDirectory&gt;/&lt;module&gt;/</c> for every module and returns their paths,
    /// or throws <see cref="OutputException"/> naming the path and the problem, having changed nothing.
    /// </summary>
    public static ImmutableArray<string> WriteAll(string outputDirectory, IReadOnlyList<ModuleArtifacts> modules) =>
        WriteAll(outputDirectory, modules, beforePlacing: null);

    /// <summary><see cref="WriteAll(string, IReadOnlyList{ModuleArtifacts})"/>, calling <paramref name="beforePlacing"/> with each target before it is replaced (a test's fault injection).</summary>
    internal static ImmutableArray<string> WriteAll(string outputDirectory, IReadOnlyList<ModuleArtifacts> modules, Action<string>? beforePlacing)
    {
        string destination = Path.GetFullPath(outputDirectory);
        ImmutableArray<string> targets = [.. modules.Select(m => Path.Combine(destination, m.ModuleName))];
        OutputPaths.CheckFolder(destination);
        foreach (string target in targets)
        {
            if (File.Exists(target))
            {
                throw new OutputException(target, "it is a file, not a module folder");
            }
        }

        List<string> created = OutputPaths.CreateFolder(destination);
        string staging = Path.Combine(destination, $".kmodsharp.{Guid.NewGuid():N}.tmp");
        string previous = Path.Combine(staging, ".previous");
        var placed = new List<int>();
        var replaced = new HashSet<int>();
        int current = -1;
        try
        {
            OutputPaths.Run(staging, () => Directory.CreateDirectory(previous));

            // Each module folder is written on its own, so they are written side by side.
            modules.Select((module, index) => (module, index)).AsParallel().ForAll(m =>
            {
                string folder = Path.Combine(staging, m.index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                OutputPaths.Run(folder, () =>
                {
                    Directory.CreateDirectory(folder);
                    foreach (Artifact file in m.module.Files)
                    {
                        File.WriteAllText(Path.Combine(folder, file.FileName), file.Text);
                    }
                });
            });

            for (current = 0; current < targets.Length; current++)
            {
                string target = targets[current];
                string index = current.ToString(System.Globalization.CultureInfo.InvariantCulture);
                OutputPaths.Run(target, () =>
                {
                    beforePlacing?.Invoke(target);
                    if (Directory.Exists(target))
                    {
                        Directory.Move(target, Path.Combine(previous, index));
                        replaced.Add(current);
                    }

                    Directory.Move(Path.Combine(staging, index), target);
                });
                placed.Add(current);
            }

            return targets;
        }
        catch (Exception e) when (e is OutputException or IOException or UnauthorizedAccessException or AggregateException)
        {
            RollBack(targets, staging, previous, placed, replaced, current);
            TryDelete(staging);
            OutputPaths.RemoveCreated(created);
            throw e is AggregateException all && all.InnerExceptions.FirstOrDefault(i => i is OutputException) is { } inner ? inner : e;
        }
        finally
        {
            TryDelete(staging);
        }
    }

    // Undoes the renames, newest first: each placed folder goes back to staging, each old one back to its place.
    private static void RollBack(ImmutableArray<string> targets, string staging, string previous, List<int> placed, HashSet<int> replaced, int failedAt)
    {
        for (int i = Math.Min(failedAt, targets.Length - 1); i >= 0; i--)
        {
            string index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                if (placed.Contains(i))
                {
                    Directory.Move(targets[i], Path.Combine(staging, index));
                }

                if (replaced.Contains(i))
                {
                    Directory.Move(Path.Combine(previous, index), targets[i]);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing better to do: the rest is still put back.
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover hidden staging folder is harmless; the output is in place.
        }
    }
}
