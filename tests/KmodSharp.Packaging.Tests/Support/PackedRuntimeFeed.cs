using System;
using System.Collections.Generic;
using System.IO;
using Xunit;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>
/// KmodSharp.Runtime packed once (a version unique to the run) into a local feed, and a
/// <c>dotnet</c> with its own CLI home and packages folder: projects written under
/// <see cref="Root"/> restore the package from the feed and run its build step, as a user's do.
/// Neither the user's NuGet cache nor their settings are touched. Shared by a test class
/// (<c>IClassFixture</c>): packing takes the better part of a minute, a build a few seconds.
/// </summary>
public sealed class PackedRuntimeFeed : IDisposable
{
    private readonly TempDirectory temp = new("kmodsharp-feed");

    public PackedRuntimeFeed()
    {
        Version = "0.1.0-step" + Guid.NewGuid().ToString("N")[..10];
        string feed = temp.Combine("feed");
        DotnetResult packed = new DotnetProcess(new Dictionary<string, string>())
            .Run(Repository.Root, "pack", "runtime-shims/KmodSharp.Runtime", "-c", "Release", "-o", feed, $"-p:PackageVersion={Version}");
        if (packed.ExitCode != 0)
        {
            // xunit disposes no fixture whose constructor threw.
            temp.Dispose();
            Assert.Fail(packed.Output);
        }

        Root = temp.Combine("projects");
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "nuget.config"), LocalFeed.NuGetConfig(feed));
        Dotnet = new DotnetProcess(new Dictionary<string, string>
        {
            ["DOTNET_CLI_HOME"] = temp.Combine("home"),
            ["NUGET_PACKAGES"] = temp.Combine("packages"),
            ["KMODSHARP_BUILD_SERVER_DIR"] = ServerDirectory,
        });
    }

    /// <summary>The packed package's version.</summary>
    public string Version { get; }

    /// <summary>The folder whose nuget.config points at the feed: projects go below it.</summary>
    public string Root { get; }

    internal DotnetProcess Dotnet { get; }

    /// <summary>A new project folder <c>Root/&lt;name&gt;-&lt;id&gt;/&lt;name&gt;</c> with a csproj referencing the packed runtime, and the given files.</summary>
    public string Project(string name, string properties, params (string Path, string Text)[] files)
    {
        string directory = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..6], name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KmodSharp.Runtime" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        foreach ((string path, string text) in files)
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }

        return directory;
    }

    /// <summary><c>dotnet build</c> of a project folder with extra arguments.</summary>
    internal DotnetResult Build(string project, params string[] arguments) =>
        Dotnet.Run(Path.GetDirectoryName(project)!, ["build", project, .. arguments]);

    /// <summary>Where the build step's servers listen (KMODSHARP_BUILD_SERVER_DIR): this feed's own folder, not the user's.</summary>
    public string ServerDirectory => temp.Combine("servers");

    /// <summary>The compiler inside the restored package (tools/kmodsharp).</summary>
    public string PackagedCli => temp.Combine("packages", "kmodsharp.runtime", Version, "tools", "kmodsharp", "KmodSharp.Cli.dll");

    /// <summary>Stops the build servers the step started for these projects (each lives in this feed's own folder).</summary>
    internal DotnetResult ShutdownBuildServers() => Dotnet.Run(Root, "exec", PackagedCli, "build-server", "shutdown");

    public void Dispose()
    {
        if (File.Exists(PackagedCli))
        {
            _ = ShutdownBuildServers();
        }

        temp.Dispose();
    }
}
