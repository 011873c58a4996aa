using System.CommandLine;
using KmodSharp.Compiler.Emit;
using KmodSharp.Compiler.Lowering;

namespace KmodSharp.Cli.Commands;

/// <summary><c>build &lt;input&gt; [-o DIR]</c>: writes each module's files to <c>DIR/&lt;module&gt;/</c>.</summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var outputDirectory = new Option<string?>("--output", "-o") { Description = "Output folder (default: <input>/bin/kmod)" };
        Option<bool> noLines = CommonOptions.NoLineDirectives();
        var inTree = new Option<bool>("--in-tree") { Description = "Compile the syscalls into the kernel: sys_<module>.c, syscalls.master entries and the sys/conf/files line" };
        var sysdir = new Option<string?>("--freebsd-sysdir") { Description = "With --in-tree: the kernel's sys folder, to number the syscalls after the last entry of kern/syscalls.master" };
        Option<string[]> references = CommonOptions.References();
        Option<string[]> analyzerConfigs = CommonOptions.AnalyzerConfigs();
        var command = new Command("build", "Translate to a FreeBSD kernel module: C source, Makefile and a userland test")
        {
            input, outputDirectory, noLines, inTree, sysdir, references, analyzerConfigs,
        };
        command.SetAction(parsed =>
        {
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
                parsed.GetValue(analyzerConfigs));
            if (result is null || source is null)
            {
                return exitCode;
            }

            string directory = parsed.GetValue(outputDirectory) ?? source.DefaultOutputDirectory;
            try
            {
                // Each module folder is written on its own (and replaced whole), so they are written side by side.
                foreach ((string name, string written) in result.Modules.AsParallel().AsOrdered().Select(m => (m.ModuleName, ArtifactWriter.Write(directory, m))))
                {
                    output.WriteLine($"{name}: {written}");
                }
            }
            catch (AggregateException all) when (all.InnerExceptions.FirstOrDefault(IsWriteFailure) is { } e)
            {
                error.WriteLine($"kmodsharp: cannot write to '{directory}': {e.Message}");
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;
}
