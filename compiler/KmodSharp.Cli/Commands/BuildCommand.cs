using System.Collections.Immutable;
using System.CommandLine;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;

namespace KmodSharp.Cli.Commands;

/// <summary><c>build &lt;input&gt; [-o DIR] [--output-list FILE]</c>: writes each module's files to <c>DIR/&lt;module&gt;/</c>, all modules or none (and their paths to FILE).</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var outputDirectory = new Option<string?>("--output", "-o") { Description = "Output folder (default: <input>/bin/kmod)" };
        Option<bool> noLines = CommonOptions.NoLineDirectives();
        var inTree = new Option<bool>("--in-tree") { Description = "Compile the syscalls into the kernel: sys_<module>.c, syscalls.master entries and the sys/conf/files line" };
        var sysdir = new Option<string?>("--freebsd-sysdir") { Description = "With --in-tree: the kernel's sys folder, to number the syscalls after the last entry of kern/syscalls.master" };
        Option<string[]> pathMap = CommonOptions.PathMap();
        Option<string[]> references = CommonOptions.References();
        Option<string[]> analyzerConfigs = CommonOptions.AnalyzerConfigs();
        var outputList = new Option<string?>("--output-list")
        {
            Description = "Write the full paths of the files written, one a line, to this file: deleted first, written (atomically) only when the build succeeds; dotnet build's record of its outputs",
        };
        var command = new Command("build", "Translate to a FreeBSD kernel module: C source, Makefile and a userland test")
        {
            input, outputDirectory, noLines, pathMap, inTree, sysdir, references, analyzerConfigs, outputList,
        };
        command.SetAction(parsed =>
        {
            string OutputDirectory(SourceInput loaded) => parsed.GetValue(outputDirectory) ?? loaded.DefaultOutputDirectory;

            // A list left from an earlier build would claim outputs this one may not write.
            string? list = parsed.GetValue(outputList) is { } listPath ? Path.GetFullPath(listPath) : null;
            if (list is not null && !TryDelete(list, error))
            {
                return ExitCodes.Usage;
            }

            // --no-line-directives overrides the project's KmodSharpLineDirectives; without it, the project decides.
            bool noLineDirectives = parsed.GetValue(noLines);
            bool toKernel = parsed.GetValue(inTree);
            var (result, source, exitCode) = CommonOptions.Compile(
                parsed.GetValue(input)!,
                settings => new LoweringOptions(settings.LineDirectives && !noLineDirectives, toKernel),
                parsed.GetValue(sysdir),
                output,
                error,
                parsed.GetValue(references),
                parsed.GetValue(analyzerConfigs),
                sourcePaths: loaded => new SourcePathMap(OutputDirectory(loaded), SourcePathMap.ParseMappings(parsed.GetValue(pathMap) ?? [])));
            if (result is null || source is null)
            {
                return exitCode;
            }

            string directory = OutputDirectory(source);
            ImmutableArray<string> written;
            try
            {
                written = ArtifactWriter.WriteAll(directory, result.Modules);
            }
            catch (OutputException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            var files = new List<string>();
            foreach ((ModuleArtifacts module, string folder) in result.Modules.Zip(written))
            {
                output.WriteLine($"{module.ModuleName}: {folder}");
                files.AddRange(module.Files.Select(f => Path.GetFullPath(Path.Combine(folder, f.FileName))));
            }

            if (list is not null && !TryWriteList(list, files, error))
            {
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    private static bool TryDelete(string path, TextWriter error)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            error.WriteLine($"kmodsharp: cannot delete '{path}': {e.Message}");
            return false;
        }
    }

    // Written beside its final name, then renamed over it: a reader sees the whole list or none.
    private static bool TryWriteList(string path, List<string> files, TextWriter error)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(temporary, files);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            error.WriteLine($"kmodsharp: cannot write '{path}': {e.Message}");
            return false;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
