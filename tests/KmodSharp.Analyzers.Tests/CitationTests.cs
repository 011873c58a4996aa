using System.Diagnostics;
using System.Text.RegularExpressions;

namespace KmodSharp.Analyzers.Tests;

/// <summary>
/// Docs and comments cite only what a user of the repository has: FreeBSD's sources and manual
/// pages, and files in the repository. Over the git-tracked text files (md, cs, c, h, props,
/// targets, csproj, sh, Makefile; bin/ and obj/ skipped): no citation of the team's private notes,
/// every relative Markdown link resolves, and every path that starts with a top-level folder of the
/// repository exists. Each offender is reported as <c>file:line</c>.
/// </summary>
public sealed class CitationTests
{
    [Fact]
    public void No_file_cites_the_teams_private_notes() =>
        AssertNone(CitationScan.PrivateNotes(MetaTests.RepoRoot, CitationScan.TrackedTextFiles(MetaTests.RepoRoot)));

    [Fact]
    public void Every_relative_Markdown_link_resolves() =>
        AssertNone(CitationScan.BrokenLinks(MetaTests.RepoRoot, CitationScan.TrackedTextFiles(MetaTests.RepoRoot)));

    [Fact]
    public void Every_repository_path_a_file_names_exists() =>
        AssertNone(CitationScan.MissingPaths(MetaTests.RepoRoot, CitationScan.TrackedTextFiles(MetaTests.RepoRoot)));

    [Fact]
    public void The_scan_reports_each_bad_citation_with_its_file_and_line()
    {
        string root = Directory.CreateTempSubdirectory("kmodsharp-citations-").FullName;
        try
        {
            // Built from pieces, so this file does not itself hold what it plants.
            string page = "docs" + "/page.md";
            Write(root, page,
                "# Page",
                "[fine](other.md) and [fine too](other.md#a-heading) and [web](https://example.org/x)",
                "[broken](missing.md#anchor)",
                "see `" + "docs" + "/nowhere.md` and " + "examples" + "/<module>/ and " + "tests" + "/*.cs",
                "as the notes say (" + "DESIGN" + " §7)",
                "```",
                "a[i](j) in a code block is no link",
                "```");
            Write(root, "docs" + "/other.md", "# Other");
            Write(root, "src" + "/Code.cs", "// the slots (" + "FREEBSD" + ".md §1); " + "compiler" + "/Gone.cs");
            Write(root, "examples" + "/bin/Debug/out.txt", "not scanned: build output");
            string[] files = [page, "docs" + "/other.md", "src" + "/Code.cs"];

            Assert.Equal([page + ":5: cites the team's private notes (" + "DESIGN" + " §)", "src/Code.cs:1: cites the team's private notes (" + "FREEBSD" + ".md)"],
                CitationScan.PrivateNotes(root, files));
            Assert.Equal([page + ":3: link to missing.md#anchor, which does not exist"],
                CitationScan.BrokenLinks(root, files));
            Assert.Equal([page + ":4: " + "docs" + "/nowhere.md does not exist", "src/Code.cs:1: " + "compiler" + "/Gone.cs does not exist"],
                CitationScan.MissingPaths(root, files));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string path, params string[] lines)
    {
        string full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, string.Join('\n', lines) + "\n");
    }

    private static void AssertNone(IReadOnlyList<string> offenders) =>
        Assert.True(offenders.Count == 0, offenders.Count + " bad citation(s):\n" + string.Join('\n', offenders));
}

/// <summary>The scan behind <see cref="CitationTests"/>; paths in and out are relative to the root, with '/'.</summary>
internal static partial class CitationScan
{
    // Each built from pieces, so that this file does not cite them itself.
    private static readonly string[] PrivateNoteMarkers = ["DESIGN" + ".md", "DESIGN" + " §", "FREEBSD" + ".md", "../" + "shared/", "shared" + "/rig"];

    private static readonly string[] TopLevelFolders = ["compiler", "runtime-shims", "docs", "examples", "tests", "bench", "templates", ".ci"];

    private static readonly string[] TextExtensions = [".md", ".cs", ".c", ".h", ".props", ".targets", ".csproj", ".sh"];

    // Build outputs, as the .gitignore files name them: a path through one is not a citation.
    private static readonly HashSet<string> BuildOutputFolders = ["bin", "obj", "out", "build", "build-clang", "build-msan", "TestResults"];

    // A top-level folder, then path characters. Not preceded by a path character: "../../docs/x"
    // is relative to its file (the link check covers Markdown), "github.com/o/r/blob/main/docs/x"
    // is another repository's, "$(Dir)docs/x" an MSBuild expression.
    private static readonly Regex RepositoryPath = new(
        @"(?<![\w./\\$)-])(?:" + string.Join('|', TopLevelFolders.Select(Regex.Escape)) + @")/[\w.\-/]*",
        RegexOptions.CultureInvariant);

    // What follows a path that is a pattern rather than a file: <module>, *.cs, {a,b}, $(X), %(X), ?, […, …
    private static readonly char[] PatternStarts = ['<', '*', '{', '$', '%', '?', '[', '…'];

    public static IReadOnlyList<string> TrackedTextFiles(string root)
    {
        IEnumerable<string> files = GitLsFiles(root) ?? Directory
            .EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith(".git/", StringComparison.Ordinal));
        // A tracked file deleted from the work tree is not there to read.
        return [.. files.Where(IsScannedTextFile).Where(f => File.Exists(Path.Combine(root, f))).Order(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<string> PrivateNotes(string root, IEnumerable<string> files) =>
        [.. Lines(root, files).SelectMany(l => PrivateNoteMarkers
            .Where(marker => l.Text.Contains(marker, StringComparison.Ordinal))
            .Select(marker => $"{l.File}:{l.Number}: cites the team's private notes ({marker})"))];

    public static IReadOnlyList<string> BrokenLinks(string root, IEnumerable<string> files)
    {
        var offenders = new List<string>();
        foreach (string file in files.Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)))
        {
            bool inFence = false;
            foreach ((_, int number, string text) in Lines(root, [file]))
            {
                if (Fence().IsMatch(text))
                {
                    inFence = !inFence;
                    continue;
                }

                if (inFence)
                {
                    continue;
                }

                foreach (Match link in MarkdownLink().Matches(InlineCode().Replace(text, "")))
                {
                    string target = link.Groups["target"].Value;
                    string path = Uri.UnescapeDataString(target.Split('#')[0]);
                    if (path.Length == 0 || UriScheme().IsMatch(target))
                    {
                        continue;
                    }

                    string resolved = path.StartsWith('/')
                        ? Path.Combine(root, path.TrimStart('/'))
                        : Path.Combine(root, Path.GetDirectoryName(file) ?? "", path);
                    if (!File.Exists(resolved) && !Directory.Exists(resolved))
                    {
                        offenders.Add($"{file}:{number}: link to {target}, which does not exist");
                    }
                }
            }
        }

        return offenders;
    }

    public static IReadOnlyList<string> MissingPaths(string root, IEnumerable<string> files)
    {
        var offenders = new List<string>();
        foreach ((string file, int number, string text) in Lines(root, files))
        {
            foreach (Match match in RepositoryPath.Matches(text))
            {
                int end = match.Index + match.Length;
                if (end < text.Length && PatternStarts.Contains(text[end]))
                {
                    continue;
                }

                string path = match.Value.TrimEnd('.', ':');
                if (path.Split('/').Any(BuildOutputFolders.Contains) || Exists(root, file, path))
                {
                    continue;
                }

                offenders.Add($"{file}:{number}: {path} does not exist");
            }
        }

        return offenders;
    }

    // From the repository root, or (as a folder's README or Makefile means it) from the citing
    // file's folder or any folder above it.
    private static bool Exists(string root, string file, string path)
    {
        for (string? folder = Path.GetDirectoryName(file); ; folder = Path.GetDirectoryName(folder))
        {
            string candidate = Path.Combine(root, folder ?? "", path);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return true;
            }

            if (string.IsNullOrEmpty(folder))
            {
                return false;
            }
        }
    }

    private static bool IsScannedTextFile(string path)
    {
        string[] segments = path.Split('/');
        if (segments.Any(s => s is "bin" or "obj"))
        {
            return false;
        }

        string name = segments[^1];
        return name == "Makefile" || TextExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(string File, int Number, string Text)> Lines(string root, IEnumerable<string> files)
    {
        foreach (string file in files)
        {
            string[] lines = File.ReadAllText(Path.Combine(root, file)).Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                yield return (file, i + 1, lines[i].TrimEnd('\r'));
            }
        }
    }

    /// <summary>The files git tracks under <paramref name="root"/>, or null without git or a work tree (a source archive).</summary>
    private static IEnumerable<string>? GitLsFiles(string root)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-C", root, "ls-files", "-z" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            Task<string> errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output.Split('\0', StringSplitOptions.RemoveEmptyEntries) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex UriScheme();
}
