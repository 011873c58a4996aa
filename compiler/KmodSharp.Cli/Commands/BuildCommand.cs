using System.Collections.Immutable;
using System.CommandLine;
using KmodSharp.Compiler.Emit;
using KmodSharp.Compiler.Lowering;

namespace KmodSharp.Cli.Commands;

/// <summary><c>build &lt;input&gt; [-o DIR]</c>: writes each module's files to <c>DIR/&lt;module&gt;/</c>, all modules or none.</summary>
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

            foreach ((ModuleArtifacts module, string folder) in result.Modules.Zip(written))
            {
                output.WriteLine($"{module.ModuleName}: {folder}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
