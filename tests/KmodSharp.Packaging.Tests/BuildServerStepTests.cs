using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// <c>dotnet build</c>'s step through its warm build server (compiler/KmodSharp.Build/README.md), with the packed
/// package: the first build starts the server, the next is served, and what it writes is what the cold step
/// (<c>KmodSharpBuildServer=false</c>) writes; <c>build-server shutdown</c> finds and stops that one server.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(PackingCollection.Name)]
public sealed class BuildServerStepTests(PackedRuntimeFeed feed) : IClassFixture<PackedRuntimeFeed>
{
    [Fact]
    public void A_served_step_writes_the_cold_steps_files_and_the_server_is_found_and_stopped()
    {
        string project = feed.Project("Served", "", ("Syscalls.cs", Source(2)));
        string kmod = Path.Combine(project, "bin", "Debug", "net10.0", "kmod");

        DotnetResult first = feed.Build(project);
        Assert.True(first.ExitCode == 0, first.Output);
        string socket = WaitForServer(feed.ServerDirectory);

        File.WriteAllText(Path.Combine(project, "Syscalls.cs"), Source(3)); // a one-line edit
        DotnetResult served = feed.Build(project, "--no-restore");
        Assert.True(served.ExitCode == 0, served.Output);
        Assert.Contains("Served -> " + kmod, served.Output);
        Dictionary<string, byte[]> fromServer = Snapshot(kmod);
        Assert.Contains(fromServer, file => file.Key.EndsWith(".c", StringComparison.Ordinal) && System.Text.Encoding.UTF8.GetString(file.Value).Contains("* 3", StringComparison.Ordinal));

        DotnetResult cold = feed.Build(project, "--no-restore", "--no-incremental", "-p:KmodSharpBuildServer=false");
        Assert.True(cold.ExitCode == 0, cold.Output);
        Dictionary<string, byte[]> fromCold = Snapshot(kmod);
        Assert.Equal(fromCold.Keys.Order(), fromServer.Keys.Order());
        Assert.All(fromCold, file => Assert.True(file.Value.AsSpan().SequenceEqual(fromServer[file.Key]), file.Key + " differs"));

        DotnetResult shutdown = feed.ShutdownBuildServers();
        Assert.True(shutdown.ExitCode == 0, shutdown.Output);
        Assert.Contains("1 build server(s) stopped", shutdown.Output);
        Assert.False(File.Exists(socket), "a stopped server removes its socket");
    }

    private static string Source(int factor) => $$"""
        using KmodSharp;

        namespace Served;

        [KernelModule("served")]
        public static class ServedModule
        {
            [Syscall(Name = "served_scale")]
            public static int Scale(int value) => value * {{factor}};
        }
        """;

    // The first build started it in the background; it listens once it has warmed up.
    private static string WaitForServer(string directory)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(3); DateTime.UtcNow < deadline; Thread.Sleep(100))
        {
            foreach (string socket in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.sock") : [])
            {
                try
                {
                    using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    client.Connect(new UnixDomainSocketEndPoint(socket));
                    return socket;
                }
                catch (SocketException)
                {
                    // Bound, not yet listening.
                }
            }
        }

        throw new TimeoutException("the first build started no build server in " + directory);
    }

    private static Dictionary<string, byte[]> Snapshot(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes);
}
