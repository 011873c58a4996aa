using System.CommandLine;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tools.Packaging;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>package &lt;input&gt; [-o FILE|DIR] [--freebsd-version OSRELDATE] [--ko PATH]</c>: a FreeBSD
/// <c>pkg</c> package per module with its generated files, man page, header and (when built) <c>.ko</c>.
/// </summary>
internal static class PackageCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var outputPath = new Option<string?>("--output", "-o") { Description = "The .pkg file, or a folder for one <name>-kmod-<version>.pkg per module (default: <input>/bin/kmod)" };
        var freebsdVersion = new Option<int>("--freebsd-version")
        {
            Description = "The __FreeBSD_version (osreldate) the module is built for; pinned in the manifest (default: the project's KmodSharpFreeBSDVersion, else 1501502)",
            DefaultValueFactory = _ => PackageOptions.DefaultFreeBsdVersion,
        };
        var ko = new Option<string?>("--ko") { Description = "A .ko built on FreeBSD (make in the module folder), installed under /boot/modules" };
        var version = new Option<string?>("--pkg-version") { Description = "The package version (default: the module's MODULE_VERSION)" };
        var maintainer = new Option<string>("--maintainer") { Description = "The maintainer's e-mail address", DefaultValueFactory = _ => "nobody@localhost" };
        Option<string[]> references = CommonOptions.References();
        Option<string[]> analyzerConfigs = CommonOptions.AnalyzerConfigs();
        var command = new Command("package", "Make a FreeBSD pkg package of each module")
        {
            input, outputPath, freebsdVersion, ko, version, maintainer, references, analyzerConfigs,
        };
        command.SetAction(parsed =>
        {
            var (result, source, exitCode) = CommonOptions.Compile(
                parsed.GetValue(input)!, CommonOptions.FromProject, null, output, error, parsed.GetValue(references), parsed.GetValue(analyzerConfigs));
            if (result is null || source is null)
            {
                return exitCode;
            }

            string? target = parsed.GetValue(outputPath);
            bool toFile = target is not null && target.EndsWith(".pkg", StringComparison.OrdinalIgnoreCase);
            if ((toFile || parsed.GetValue(ko) is not null) && result.Modules.Length > 1)
            {
                error.WriteLine("kmodsharp: -o FILE.pkg and --ko need an input with one module; this one has " + result.Modules.Length);
                return ExitCodes.Usage;
            }

            try
            {
                KernelObjectFile? kernelObject = parsed.GetValue(ko) is { } koPath ? KernelObjectFile.Read(koPath) : null;
                // --freebsd-version given overrides the project's KmodSharpFreeBSDVersion.
                int osreldate = parsed.GetResult(freebsdVersion) is { Implicit: false }
                    ? parsed.GetValue(freebsdVersion)
                    : result.Settings?.FreeBsdVersion ?? PackageOptions.DefaultFreeBsdVersion;
                var options = new PackageOptions(osreldate, parsed.GetValue(version), kernelObject, parsed.GetValue(maintainer)!);

                // Every manifest is made (and so validated) before the first archive is written,
                // and the archives are written all or none.
                var packages = result.Modules
                    .Select(module => PackageBuilder.Build(module, options))
                    .Select(manifest => (manifest, toFile ? target! : Path.Combine(target ?? source.DefaultOutputDirectory, PackageArchive.FileName(manifest))))
                    .ToList();
                PackageArchive.WriteAll(packages, Timestamp());
                foreach ((PkgManifest manifest, string path) in packages)
                {
                    output.WriteLine($"{manifest.Name}: {Path.GetFullPath(path)}");
                }
            }
            catch (PackagingException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }
            catch (OutputException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // SOURCE_DATE_EPOCH makes the archive reproducible, as it does for pkg create.
    private static DateTimeOffset Timestamp() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
}
