using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.Emit;

/// <summary>An output that cannot be written: the path and the problem, in one line.</summary>
public sealed class OutputException(string path, string problem) : Exception($"cannot write to '{path}': {problem}")
{
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}

/// <summary>
/// Checks, creates and writes output paths, turning the file system's failures into an
/// <see cref="OutputException"/> that names the path and says what is wrong.
/// </summary>
public static class OutputPaths
{
    /// <summary>Throws unless <paramref name="folder"/> is a folder or can be made one: neither it nor a parent is a file.</summary>
    public static void CheckFolder(string folder)
    {
        string full = System.IO.Path.GetFullPath(folder);
        if (FileInTheWay(full) is { } file)
        {
            throw new OutputException(folder, file == full ? "it is a file, not a folder" : $"'{file}' is a file, not a folder");
        }
    }

    /// <summary>Throws unless <paramref name="file"/> can be written as a file: it is not a folder and no parent is a file.</summary>
    public static void CheckFile(string file)
    {
        string full = System.IO.Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new OutputException(file, "it is a folder, not a file");
        }

        if (FileInTheWay(System.IO.Path.GetDirectoryName(full)!) is { } blocking)
        {
            throw new OutputException(file, $"'{blocking}' is a file, not a folder");
        }
    }

    /// <summary>Creates <paramref name="folder"/> and its missing parents; returns those it created, outermost first.</summary>
    public static List<string> CreateFolder(string folder)
    {
        CheckFolder(folder);
        var missing = new List<string>();
        for (string? current = System.IO.Path.GetFullPath(folder); current is not null && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing.Insert(0, current);
        }

        Run(folder, () => Directory.CreateDirectory(folder));
        return missing;
    }

    /// <summary>Removes the folders <see cref="CreateFolder"/> made, innermost first, while they are empty.</summary>
    public static void RemoveCreated(List<string> created)
    {
        for (int i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                Directory.Delete(created[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>Runs a file system <paramref name="action"/> on <paramref name="path"/>, describing its failure.</summary>
    public static void Run(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, Describe(path, e));
        }
    }

    /// <summary>
    /// Writes files all or nothing: each is written beside its target, then all are moved into
    /// place; on a failure the targets already replaced get their old contents back, and the
    /// temporary files and any folder made for them are removed.
    /// </summary>
    public static void ReplaceFiles(IReadOnlyList<(string Path, Action<string> WriteTo)> files)
    {
        foreach ((string path, _) in files)
        {
            CheckFile(path);
        }

        var created = new List<string>();
        var written = new List<(string Target, string Temporary, string Backup)>();
        var moved = new List<int>();
        try
        {
            foreach ((string path, Action<string> writeTo) in files)
            {
                string full = System.IO.Path.GetFullPath(path);
                string directory = System.IO.Path.GetDirectoryName(full)!;
                created.AddRange(CreateFolder(directory));
                string stem = $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}";
                var entry = (full, System.IO.Path.Combine(directory, stem + ".tmp"), System.IO.Path.Combine(directory, stem + ".old"));
                written.Add(entry);
                Run(path, () => writeTo(entry.Item2));
            }

            for (int i = 0; i < written.Count; i++)
            {
                (string target, string temporary, string backup) = written[i];
                Run(target, () =>
                {
                    if (File.Exists(target))
                    {
                        File.Move(target, backup);
                    }

                    File.Move(temporary, target);
                });
                moved.Add(i);
            }
        }
        catch (OutputException)
        {
            foreach (int i in Enumerable.Reverse(moved))
            {
                TryRun(() => File.Delete(written[i].Target));
            }

            foreach ((string target, _, string backup) in written)
            {
                TryRun(() =>
                {
                    if (File.Exists(backup) && !File.Exists(target))
                    {
                        File.Move(backup, target);
                    }
                });
            }

            throw;
        }
        finally
        {
            foreach ((string target, string temporary, string backup) in written)
            {
                TryRun(() => File.Delete(temporary));
                if (File.Exists(target))
                {
                    TryRun(() => File.Delete(backup));
                }
            }

            if (moved.Count < written.Count)
            {
                RemoveCreated(created);
            }
        }
    }

    /// <summary>What went wrong writing <paramref name="path"/>, in words: what is in the way if anything, else the system's reason.</summary>
    public static string Describe(string path, Exception exception)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (FileInTheWay(System.IO.Path.GetDirectoryName(full) ?? full) is { } file)
        {
            return $"'{file}' is a file, not a folder";
        }

        return exception switch
        {
            UnauthorizedAccessException => "permission denied",
            PathTooLongException => "the path is too long",
            DirectoryNotFoundException => "a folder on the way does not exist",
            _ => Reason(exception.Message),
        };
    }

    // The first of the path and its parents that exists, if it is a file.
    private static string? FileInTheWay(string fullPath)
    {
        for (string? current = fullPath; current is not null; current = System.IO.Path.GetDirectoryName(current))
        {
            if (File.Exists(current))
            {
                return current;
            }

            if (Directory.Exists(current))
            {
                return null;
            }
        }

        return null;
    }

    // .NET's "Read-only file system : '/x/y'" is the system's reason and the path, which we name already.
    private static string Reason(string message)
    {
        string line = message.ReplaceLineEndings(" ").Trim();
        int path = line.IndexOf(" : '", StringComparison.Ordinal);
        string reason = (path > 0 ? line[..path] : line).TrimEnd('.');
        return reason.Length > 1 ? char.ToLower(reason[0], CultureInfo.InvariantCulture) + reason[1..] : reason;
    }

    private static void TryRun(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort while undoing.
        }
    }
}
