using System;
using System.IO;

namespace KmodSharp.Headers.Tests;

/// <summary>Reads headers the tests write themselves.</summary>
internal static class TestHeaders
{
    internal const string FreeBsdAmd64 = "x86_64-unknown-freebsd15.0";

    internal const string FreeBsdI386 = "i386-unknown-freebsd15.0";

    /// <summary>Reads <paramref name="source"/> from memory for FreeBSD/amd64 with no standard includes.</summary>
    internal static HeaderReadResult Read(string source, Func<HeaderReadOptions, HeaderReadOptions>? configure = null)
    {
        HeaderReadOptions options = new()
        {
            FilePath = "/virtual/test.h",
            Contents = source,
            TargetTriple = FreeBsdAmd64,
            NoStandardIncludes = true,
            Freestanding = true,
        };
        return HeaderReader.Read(configure is null ? options : configure(options));
    }
}

/// <summary>A temporary directory removed when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    internal TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("kmodsharp-headers-").FullName;
    }

    internal string Path { get; }

    /// <summary>Writes <paramref name="contents"/> to a file under the directory, creating folders, and returns its full path.</summary>
    internal string Write(string relativePath, string contents)
    {
        string full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
