namespace KmodSharp.Bench.CodeGen;

/// <summary>Folders of the repository the benchmark runs from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Example(string folder) => Path.Combine(Root, "examples", folder);

    public static string HandWritten(string module) => Path.Combine(Root, "bench", "codegen", "handwritten", module + ".c");

    public static string Harness => Path.Combine(Root, "runtime-shims", "host");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KmodSharp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from inside the KmodSharp repository");
    }
}
