using System.CommandLine;
using System.Reflection;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Pipeline.Emit;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>new &lt;name&gt; [-o DIR]</c>: the <c>dotnet new kmod</c> project (the same files, embedded
/// from templates/KmodSharp.Templates), referencing the KmodSharp.Runtime of this tool's version.
/// </summary>
internal static partial class NewCommand
{
    private const string ResourcePrefix = "template/";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var name = new Argument<string>("name") { Description = "The project name; its lower-case form names the kernel module" };
        var outputDirectory = new Option<string?>("--output", "-o") { Description = "The project folder (default: ./<name>)" };
        var command = new Command("new", "Create a kernel module project (as dotnet new kmod)") { name, outputDirectory };
        command.SetAction(parsed =>
        {
            string projectName = parsed.GetValue(name)!;
            if (!Identifier().IsMatch(projectName))
            {
                error.WriteLine($"kmodsharp: '{projectName}' is not a valid name: use letters, digits and '_', starting with a letter (it becomes the C module name)");
                return ExitCodes.Usage;
            }

            string directory = Path.GetFullPath(parsed.GetValue(outputDirectory) ?? projectName);
            try
            {
                if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    throw new OutputException(directory, "it exists and is not empty");
                }

                Write(directory, projectName);
            }
            catch (OutputException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            output.WriteLine($"{projectName}: {directory}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The template's files with its symbols replaced, keyed by file name.</summary>
    public static IReadOnlyDictionary<string, string> Files(string projectName)
    {
        Assembly assembly = typeof(NewCommand).Assembly;
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            string fileName = resource[ResourcePrefix.Length..].Replace("KmodTemplate", projectName, StringComparison.Ordinal);
            files[fileName] = Instantiate(reader.ReadToEnd(), projectName);
        }

        return files;
    }

    // The same replacements as the template: sourceName, its lower-case form, the package version.
    private static string Instantiate(string text, string projectName) => text
        .Replace("KmodTemplate", projectName, StringComparison.Ordinal)
        .Replace("kmodtemplate", projectName.ToLowerInvariant(), StringComparison.Ordinal)
        .Replace("KMODSHARP_VERSION", ToolVersion(), StringComparison.Ordinal);

    private static string ToolVersion()
    {
        string version = typeof(NewCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        int metadata = version.IndexOf('+', StringComparison.Ordinal);
        return metadata < 0 ? version : version[..metadata];
    }

    // Written to a sibling folder first, then moved into place: never a half-made project, and
    // no folder left behind that this made.
    private static void Write(string directory, string projectName)
    {
        OutputPaths.CheckFolder(directory);
        string parent = Path.GetDirectoryName(directory)!;
        List<string> created = OutputPaths.CreateFolder(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(directory)}.{Guid.NewGuid():N}.tmp");
        bool placed = false;
        try
        {
            OutputPaths.Run(directory, () =>
            {
                Directory.CreateDirectory(staging);
                foreach ((string fileName, string text) in Files(projectName))
                {
                    File.WriteAllText(Path.Combine(staging, fileName), text);
                }

                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory);
                }

                Directory.Move(staging, directory);
            });
            placed = true;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (!placed)
            {
                OutputPaths.RemoveCreated(created);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
