using System.Runtime.InteropServices;

namespace KmodSharp.Bench.Measuring;

/// <summary>
/// The programs compared: our CLI (published ReadyToRun, as the tool package installs it), and the SDK's own
/// C# compiler with the reference assemblies of the framework, for the Roslyn-alone floor.
/// </summary>
internal static class Toolchain
{
    public static string DotnetRoot { get; } = Path.GetDirectoryName(
        Path.GetFullPath(Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "/usr/share/dotnet/dotnet"))!;

    public static string Dotnet => Path.Combine(DotnetRoot, "dotnet");

    private static string CliBin => Path.Combine(CodeGen.RepositoryPaths.Root, "compiler", "KmodSharp.Cli", "bin", "Release", "net10.0");

    /// <summary>The CLI as the tool package ships it for this machine: published ReadyToRun.</summary>
    public static string Cli => Existing(Path.Combine(CliBin, RuntimeInformation.RuntimeIdentifier, "publish", "KmodSharp.Cli.dll"),
        $"publish it first: dotnet publish -c Release -r {RuntimeInformation.RuntimeIdentifier} compiler/KmodSharp.Cli");

    /// <summary>The same CLI as a plain build leaves it (IL only, JIT-compiled at run time): what the precompilation saves.</summary>
    public static string JitCli => Existing(Path.Combine(CliBin, "KmodSharp.Cli.dll"), "build it first: dotnet build -c Release compiler/KmodSharp.Cli");

    public static string Runtime => Path.Combine(Path.GetDirectoryName(Cli)!, "KmodSharp.Runtime.dll");

    public static string Csc => Directory.GetFiles(Path.Combine(DotnetRoot, "sdk"), "csc.dll", SearchOption.AllDirectories)
        .Where(p => p.Contains("bincore", StringComparison.Ordinal)).Order().Last();

    public static IEnumerable<string> FrameworkReferences => Directory.GetDirectories(Path.Combine(DotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
        .Order().Last() is var pack ? Directory.GetFiles(Path.Combine(pack, "ref", "net10.0"), "*.dll") : [];

    /// <summary>csc arguments that compile <paramref name="sources"/> as a library against the framework and the KmodSharp runtime.</summary>
    public static IEnumerable<string> CscArguments(IEnumerable<string> sources, string output) =>
        ["exec", Csc, "-nologo", "-noconfig", "-nostdlib", "-t:library", "-nullable:enable", "-out:" + output,
         .. FrameworkReferences.Select(r => "-r:" + r), "-r:" + Runtime, .. sources];

    private static string Existing(string path, string hint) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing; {hint}");
}
