using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using KmodSharp.Compiler.Tests.Cli.BuildServer;
using KmodSharp.Packaging.Tests.Support;
using Xunit;

namespace KmodSharp.Packaging.Tests;

/// <summary>
/// <c>dotnet build</c>'s step through its warm build server (compiler/KmodSharp.Build/README.md), with the packed
/// package: the first build starts the server, the next is served (by the ServedBuild task, inside MSBuild), and
/// what it writes and reports is what the cold step (<c>KmodSharpBuildServer=false</c>, the CLI run by Exec)
/// writes and reports; a missing, hung or foreign server costs a build in the CLI's own process, never another
/// result; <c>build-server shutdown</c> finds and stops that one server.
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

    private const string ByServer = "KmodSharp: built by the build server at ";
    private const string NoServer = "KmodSharp: no build server answers at ";

    [Fact]
    public void A_served_step_reports_the_cold_steps_errors_warnings_and_outputs()
    {
        // With the analyzers off in CoreCompile, every KMS diagnostic below comes from the step: the fixed syscall
        // number's warning (KMS0406), the handler's frame over the budget (KMS0102, an error) and the throw (KMS0002).
        string project = feed.Project("Mixed", "<KmodSharpStackBudget>64</KmodSharpStackBudget>", ("Syscalls.cs", MixedSource(failing: true)));
        string[] quiet = ["--no-restore", "-p:RunAnalyzers=false", "-v:n"];

        DotnetResult first = feed.Build(project, "-p:RunAnalyzers=false", "-v:n");
        Assert.True(first.ExitCode != 0, first.Output);
        Assert.Contains(NoServer, first.Output); // the task found none: the CLI ran, and started one
        string socket = WaitForServer(feed.ServerDirectory);

        DotnetResult served = feed.Build(project, quiet);
        DotnetResult cold = feed.Build(project, [.. quiet, "-p:KmodSharpBuildServer=false"]);
        Assert.Contains(ByServer + socket, served.Output);
        Assert.DoesNotContain("KmodSharp: built by", cold.Output);
        Assert.DoesNotContain(NoServer, cold.Output);
        foreach (DotnetResult build in new[] { first, served, cold })
        {
            Assert.True(build.ExitCode != 0, build.Output);
            Assert.Contains("Mixed does not translate to a kernel module", build.Output);
        }

        HashSet<string> expected = Diagnostics(cold.Output);
        Assert.Contains(expected, d => d.Contains("warning KMS0406", StringComparison.Ordinal) && d.Contains("Syscalls.cs(", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Contains("error KMS0102", StringComparison.Ordinal) && d.Contains("Syscalls.cs(", StringComparison.Ordinal));
        Assert.Contains(expected, d => d.Contains("error KMS0002", StringComparison.Ordinal) && d.Contains("Syscalls.cs(", StringComparison.Ordinal));
        Assert.Equal(expected, Diagnostics(first.Output));
        Assert.Equal(expected, Diagnostics(served.Output));

        // Fixed: the served step writes the cold step's files and the same output list, and says where.
        File.WriteAllText(Path.Combine(project, "Syscalls.cs"), MixedSource(failing: false));
        string kmod = Path.Combine(project, "bin", "Debug", "net10.0", "kmod");
        string outputList = Path.Combine(project, "obj", "Debug", "net10.0", "kmodsharp.outputs.txt");
        DotnetResult fixedServed = feed.Build(project, quiet);
        Assert.True(fixedServed.ExitCode == 0, fixedServed.Output);
        Assert.Contains(ByServer + socket, fixedServed.Output);
        Assert.Contains("Mixed -> " + kmod + "/", fixedServed.Output);
        (Dictionary<string, byte[]> files, string list) = (Snapshot(kmod), File.ReadAllText(outputList));

        DotnetResult fixedCold = feed.Build(project, [.. quiet, "--no-incremental", "-p:KmodSharpBuildServer=false"]);
        Assert.True(fixedCold.ExitCode == 0, fixedCold.Output);
        Assert.Contains("Mixed -> " + kmod + "/", fixedCold.Output);
        Assert.Equal(list, File.ReadAllText(outputList));
        AssertSameFiles(Snapshot(kmod), files);
        Assert.Contains(files.Keys, name => name.EndsWith(".c", StringComparison.Ordinal));
        Assert.Equal(Diagnostics(fixedCold.Output), Diagnostics(fixedServed.Output)); // the warning, on its own
        Assert.Contains(Diagnostics(fixedServed.Output), d => d.Contains("warning KMS0406", StringComparison.Ordinal));

        Assert.True(feed.ShutdownBuildServers().ExitCode == 0);
    }

    [Fact]
    public void A_hung_or_foreign_server_costs_a_build_in_the_clis_own_process()
    {
        string project = feed.Project("Stood", "", ("Syscalls.cs", Source(2)));
        string kmod = Path.Combine(project, "bin", "Debug", "net10.0", "kmod");
        Assert.True(feed.Build(project).ExitCode == 0);
        string socket = WaitForServer(feed.ServerDirectory);
        DotnetResult stopped = feed.ShutdownBuildServers();
        Assert.True(stopped.ExitCode == 0, stopped.Output);
        Assert.False(File.Exists(socket));

        // Hung: the task gives up after its (here shortened) timeout, and the CLI then builds without asking the
        // server again, which would wait as long (its own timeout is 5 minutes; so is the task's by default).
        using (var hung = new SocketStandIn(socket, reply: null))
        {
            File.WriteAllText(Path.Combine(project, "Syscalls.cs"), Source(3));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            DotnetResult built = feed.Build(project, "--no-restore", "-v:n", "-p:_KmodSharpBuildServerReplySeconds=2");
            Assert.True(built.ExitCode == 0, built.Output);
            Assert.Contains("gave no reply within 2 s", built.Output);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(4));
            Assert.Equal(1, hung.Requests);
            Assert.Contains("* 3", Module(kmod), StringComparison.Ordinal);
        }

        // Foreign: something else answers. The CLI builds, and starts a server that takes the socket over.
        using (var foreign = new SocketStandIn(socket, [0x12, 0x34, 0x56, 0x78, 0, 0, 0, 0, 0]))
        {
            File.WriteAllText(Path.Combine(project, "Syscalls.cs"), Source(4));
            DotnetResult built = feed.Build(project, "--no-restore", "-v:n");
            Assert.True(built.ExitCode == 0, built.Output);
            Assert.Contains("gave no complete reply", built.Output);
            Assert.Contains("* 4", Module(kmod), StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(project, "Syscalls.cs"), Source(5));
            DotnetResult next = BuildWhenServed(project);
            Assert.True(next.ExitCode == 0, next.Output);
            Assert.Contains("* 5", Module(kmod), StringComparison.Ordinal);
        }

        Assert.True(feed.ShutdownBuildServers().ExitCode == 0);
    }

    // The server a build started answers once it has warmed up: until then a build runs the CLI itself.
    private DotnetResult BuildWhenServed(string project)
    {
        for (var deadline = DateTime.UtcNow.AddMinutes(3); ; Thread.Sleep(500))
        {
            File.SetLastWriteTimeUtc(Path.Combine(project, "Syscalls.cs"), DateTime.UtcNow);
            DotnetResult built = feed.Build(project, "--no-restore", "-v:n");
            if (built.Output.Contains(ByServer, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                Assert.Contains(ByServer, built.Output);
                return built;
            }
        }
    }

    private static string Module(string kmod) =>
        string.Concat(Directory.GetFiles(kmod, "*.c", SearchOption.AllDirectories).Select(File.ReadAllText));

    // "1>/p/Syscalls.cs(9,13): error KMS0002: … [/p/Mixed.csproj]": MSBuild prints each error twice (as it happens,
    // with its node, and in the summary), so the distinct lines are the diagnostics with file, line, column and code.
    private static HashSet<string> Diagnostics(string output) =>
        [.. output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"^\d+>", "")).Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\S.*\(\d+,\d+\): (error|warning) KMS\d{4}: "))];

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), file.Key + " differs"));
    }

    private static string MixedSource(bool failing) => $$"""
        using System;
        using KmodSharp;

        namespace Mixed;

        [KernelModule("mixed")]
        public static class MixedModule
        {
            [Syscall(Name = "mixed_fill", Number = 600)]
            public static int Fill(int value)
            {
                Span<byte> scratch = stackalloc byte[{{(failing ? 128 : 16)}}];
                scratch.Fill((byte)value);
                {{(failing ? "if (value < 0) throw new ArgumentException(\"negative\");" : "")}}
                return scratch[0];
            }
        }
        """;

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
