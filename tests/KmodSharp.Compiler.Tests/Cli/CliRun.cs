using System;
using System.IO;
using KmodSharp.Cli;

namespace KmodSharp.Compiler.Tests.Cli;

/// <summary>Runs the CLI in process and captures what it prints.</summary>
internal static class CliRun
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A syscall module whose one handler needs about 2 KiB of stack: over the default budget of 1024 bytes.</summary>
    public const string TwoKilobyteHandler = """
        using System;
        using KmodSharp;

        [KernelModule("big")]
        public static class Big
        {
            [Syscall]
            public static int Fill(int value)
            {
                Span<byte> buffer = stackalloc byte[2048];
                buffer[0] = (byte)value;
                return buffer[0];
            }
        }
        """;

    /// <summary>A minimal module named <paramref name="name"/>.</summary>
    public static string Module(string name) => $$"""
        using KmodSharp;

        [KernelModule("{{name}}")]
        public static class Module_{{name}}
        {
            [Syscall(Name = "{{name}}_double")]
            public static int Double(int value) => value * 2;
        }
        """;

    /// <summary>Writes a folder with the given files (name, text) and returns its path.</summary>
    public static string Folder(string parent, string name, params (string Name, string Text)[] files)
    {
        string folder = Directory.CreateDirectory(Path.Combine(parent, name)).FullName;
        foreach ((string file, string text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }

    /// <summary>An SDK project file, with <paramref name="properties"/> as the inside of its PropertyGroup.</summary>
    public static string Project(string properties = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            {properties}
          </PropertyGroup>
        </Project>
        """;

    public static string NewTemp() => Directory.CreateTempSubdirectory("kmodsharp-cli-").FullName;

    public static void Delete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
