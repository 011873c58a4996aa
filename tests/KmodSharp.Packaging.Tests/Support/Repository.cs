using System;
using System.IO;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>Paths inside the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Example(string name) => Path.Combine(Root, "examples", name);

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
