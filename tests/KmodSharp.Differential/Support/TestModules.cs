using System;
using System.IO;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Differential.Support;

/// <summary>The C# modules under test: embedded text (Modules/*.cs) and the repository's examples.</summary>
internal static class TestModules
{
    public static string Text(string name)
    {
        using Stream stream = typeof(TestModules).Assembly.GetManifestResourceStream("Modules/" + name + ".cs")
            ?? throw new InvalidOperationException($"no embedded module {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Runs the embedded module in the harness against .NET with that many inputs per syscall, failing on any difference.</summary>
    public static void AgreesWithDotnet(string name, int inputsPerSyscall) =>
        Runner.DifferentialRunner.Run(Text(name), new Runner.DifferentialOptions { InputsPerSyscall = inputsPerSyscall }, name + ".cs").ThrowIfFailed();

    public static SourceInput Example(string name) => InputLoader.Load([Path.Combine(RepositoryRoot, "examples", name)]);

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "KmodSharp.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("the tests must run inside the KmodSharp repository");
    }
}
