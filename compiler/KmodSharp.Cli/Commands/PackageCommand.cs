using System.CommandLine;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Lowering;
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
        Option<string[]> pathMap = CommonOptions.PathMap();
        Option<string[]> references = CommonOptions.References();
        Option<string[]> analyzerConfigs = CommonOptions.AnalyzerConfigs();
        var command = new Command("package", "Make a FreeBSD pkg package of each module")
        {
            input, outputPath, freebsdVersion, ko, version, maintainer, pathMap, references, analyzerConfigs,
        };
        command.SetAction(parsed =>
        {
            string? target = parsed.GetValue(outputPath);
            bool toFile = target is not null && target.EndsWith(".pkg", StringComparison.OrdinalIgnoreCase);
            if (!TryTimestamp(out DateTimeOffset timestamp))
            {
                error.WriteLine("kmodsharp: SOURCE_DATE_EPOCH must be a count of seconds since 1970-01-01 UTC; it is '" + Environment.GetEnvironmentVariable(SourceDateEpoch) + "'");
                return ExitCodes.Usage;
            }

            // The C is the C `build -o <the package's folder>` writes, #line paths and all.
            var (result, source, exitCode) = CommonOptions.Compile(
                parsed.GetValue(input)!, CommonOptions.FromProject, null, output, error, parsed.GetValue(references), parsed.GetValue(analyzerConfigs),
                sourcePaths: loaded => new SourcePathMap(
                    toFile ? Path.GetDirectoryName(Path.GetFullPath(target!))! : target ?? loaded.DefaultOutputDirectory,
                    SourcePathMap.ParseMappings(parsed.GetValue(pathMap) ?? [])));
            if (result is null || source is null)
            {
                return exitCode;
            }

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
                PackageArchive.WriteAll(packages, timestamp);
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

    private const string SourceDateEpoch = "SOURCE_DATE_EPOCH";

    // SOURCE_DATE_EPOCH, when set, is every entry's mtime, as for pkg create; a malformed value is
    // an error (reproducible-builds.org's specification), not silently the current time.
    private static bool TryTimestamp(out DateTimeOffset timestamp)
    {
        string? epoch = Environment.GetEnvironmentVariable(SourceDateEpoch);
        if (string.IsNullOrEmpty(epoch))
        {
            timestamp = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            return true;
        }

        // ustar's mtime field holds eleven octal digits (8^11 - 1 seconds).
        bool valid = long.TryParse(epoch, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long seconds) && seconds <= 0x1_FFFF_FFFF;
        timestamp = valid ? DateTimeOffset.FromUnixTimeSeconds(seconds) : default;
        return valid;
    }
}
