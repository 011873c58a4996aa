using System.Diagnostics;
using KmodSharp.Bench.CodeGen;
using KmodSharp.Compiler.Tools.Simulation;

namespace KmodSharp.Bench.MsBuild;

/// <summary>
/// A module project as a user has it: a csproj like <c>dotnet new kmod</c>'s referencing KmodSharp.Runtime,
/// packed from this checkout into a local feed (the analyzers, the buildTransitive targets and the CLI under
/// tools/kmodsharp, ReadyToRun), restored into a packages folder of its own with its own CLI home and build
/// server folder, so the user's caches and servers are neither used nor touched.
/// </summary>
internal sealed class PackedModuleProject : IDisposable
{
    private readonly string root;
    private readonly Dictionary<string, string> environment;

    private PackedModuleProject(string root, string project, string version)
    {
        this.root = root;
        Directory = project;
        Version = version;
        environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(root, "packages"),
            ["DOTNET_CLI_HOME"] = Path.Combine(root, "home"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["KMODSHARP_BUILD_SERVER_DIR"] = Path.Combine(root, "servers"),
        };
    }

    public string Directory { get; }

    public string Version { get; }

    /// <summary>The compiler the package ships, as restored.</summary>
    public string PackagedCli => Path.Combine(environment["NUGET_PACKAGES"], "kmodsharp.runtime", Version, "tools", "kmodsharp", "KmodSharp.Cli.dll");

    /// <summary>Packs the runtime and writes the project (<paramref name="files"/>: name and text of each source).</summary>
    public static PackedModuleProject Create(string feed, string version, IEnumerable<(string Name, string Text)> files)
    {
        string root = System.IO.Directory.CreateTempSubdirectory("kmodsharp-bench-msbuild-").FullName;
        string project = Path.Combine(root, "Mod");
        System.IO.Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="KmodSharp.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        string template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "templates", "KmodSharp.Templates", "content", "kmod", "KmodTemplate.csproj"));
        File.WriteAllText(Path.Combine(project, "Mod.csproj"), template.Replace("KMODSHARP_VERSION", version, StringComparison.Ordinal));
        foreach ((string name, string text) in files)
        {
            File.WriteAllText(Path.Combine(project, name), text);
        }

        return new PackedModuleProject(root, project, version);
    }

    /// <summary>Packs KmodSharp.Runtime of this checkout into <paramref name="feed"/> as <paramref name="version"/>.</summary>
    public static void Pack(string feed, string version) =>
        Check(ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepositoryPaths.Root, "runtime-shims", "KmodSharp.Runtime"), "-c", "Release", "-o", feed, "-p:PackageVersion=" + version, "-v:q", "-nologo"],
            timeout: TimeSpan.FromMinutes(20)), "pack");

    /// <summary><c>dotnet VERB PROJECT-FOLDER ARGUMENTS…</c> (<paramref name="arguments"/>: the verb first): its wall time and output; a failure is an error.</summary>
    public (double Seconds, string Output) Dotnet(params string[] arguments)
    {
        var timer = Stopwatch.StartNew();
        ProcessOutcome outcome = ProcessRunner.Run("dotnet", [arguments[0], Directory, .. arguments[1..]], environment, TimeSpan.FromMinutes(10));
        timer.Stop();
        Check(outcome, string.Join(' ', arguments));
        return (timer.Elapsed.TotalSeconds, outcome.Stdout);
    }

    /// <summary>Replaces what <paramref name="pattern"/> matches in <paramref name="file"/> (a one-line edit).</summary>
    public void Edit(string file, System.Text.RegularExpressions.Regex pattern, string replacement)
    {
        string path = Path.Combine(Directory, file);
        string text = File.ReadAllText(path);
        File.WriteAllText(path, pattern.IsMatch(text) ? pattern.Replace(text, replacement, 1) : throw new InvalidOperationException($"'{pattern}' is not in {file}"));
    }

    /// <summary>Stops the build servers the project's builds started (the MSBuild and csc servers stay, as a user's do).</summary>
    public void Dispose()
    {
        if (File.Exists(PackagedCli))
        {
            _ = ProcessRunner.Run("dotnet", ["exec", PackagedCli, "build-server", "shutdown"], environment);
        }

        System.IO.Directory.Delete(root, recursive: true);
    }

    private static void Check(ProcessOutcome outcome, string what)
    {
        if (outcome.ExitCode != 0)
        {
            string text = outcome.Stdout + outcome.Stderr;
            throw new InvalidOperationException($"dotnet {what} failed ({outcome.ExitCode}):\n{(text.Length > 4000 ? text[^4000..] : text)}");
        }
    }
}
