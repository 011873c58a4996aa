using System;
using System.Diagnostics;
using System.IO;

namespace KmodSharp.Headers.Tests;

/// <summary>Compiles and runs a small C program with the host's <c>cc</c>, to check layouts against a real compiler.</summary>
internal static class HostCompiler
{
    /// <summary>Compiles <paramref name="program"/> and returns what it prints.</summary>
    internal static string Run(string program)
    {
        using TempDirectory directory = new();
        string source = directory.Write("probe.c", program);
        string binary = Path.Combine(directory.Path, "probe");
        Execute("cc", $"-std=gnu11 -o \"{binary}\" \"{source}\"");
        return Execute(binary, string.Empty);
    }

    private static string Execute(string file, string arguments)
    {
        ProcessStartInfo start = new(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}:\n{error}");
        }

        return output;
    }
}
