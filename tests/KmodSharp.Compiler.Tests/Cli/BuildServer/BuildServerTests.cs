using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using KmodSharp.Cli;
using KmodSharp.Cli.BuildServer;
using KmodSharp.Compiler.Tests.Support;
using Xunit;

namespace KmodSharp.Compiler.Tests.Cli.BuildServer;

/// <summary>
/// The warm compiler behind <c>dotnet build</c>'s step (compiler/KmodSharp.Build/README.md): what it writes and
/// prints is the cold run's, byte for byte; and every way it can fail — killed mid-build, a reply cut short or
/// foreign, two builds at once, a folder that is not private, an older server — costs at most one cold build.
/// Each test has its own server folder and its own real server process (killed at the end).
/// </summary>
[Trait("Category", "BuildServer")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BuildServerTests : IDisposable
{
    private readonly string temp = CliRun.NewTemp();
    private readonly string servers;

    public BuildServerTests()
    {
        servers = Path.Combine(temp, "servers");
        Directory.CreateDirectory(servers, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public static TheoryData<string> Inputs => new() { "Counter", "ErrorHandling", "big" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void A_served_build_writes_and_prints_byte_for_byte_what_the_cold_run_does(string input)
    {
        string[] arguments = BuildArguments(input, "out");
        using ServerProcess server = StartServer("same", out BuildServerEndpoint endpoint);

        (int exit, string stdout, string stderr, Dictionary<string, byte[]> files) = Cold(arguments);
        BuildReply reply = BuildServerConnection.TryBuild(endpoint, temp, arguments) ?? throw new InvalidOperationException("the server did not answer");

        Assert.Equal(exit, reply.ExitCode);
        Assert.Equal(stdout, Text(reply, error: false));
        Assert.Equal(stderr, Text(reply, error: true));
        AssertSameFiles(files, Snapshot(Path.Combine(temp, "out")));
        if (input == "big")
        {
            Assert.Equal(ExitCodes.Diagnostics, exit); // the failing case really failed: KMS diagnostics, nothing written
            Assert.Contains("KMS", stderr + stdout);
        }
        else
        {
            Assert.Equal(ExitCodes.Success, exit);
            Assert.NotEmpty(files);
        }
    }

    [Fact]
    public async Task Two_builds_at_once_are_both_served_and_both_right()
    {
        using ServerProcess server = StartServer("twice", out BuildServerEndpoint endpoint);
        (_, _, _, Dictionary<string, byte[]> counter) = Cold(BuildArguments("Counter", "cold-counter"));
        (_, _, _, Dictionary<string, byte[]> errors) = Cold(BuildArguments("ErrorHandling", "cold-errorhandling"));

        Task<BuildReply?> first = Task.Run(() => BuildServerConnection.TryBuild(endpoint, temp, BuildArguments("Counter", "cold-counter")));
        Task<BuildReply?> second = Task.Run(() => BuildServerConnection.TryBuild(endpoint, temp, BuildArguments("ErrorHandling", "cold-errorhandling")));
        BuildReply?[] replies = await Task.WhenAll(first, second);

        Assert.All(replies, reply => Assert.Equal(ExitCodes.Success, reply?.ExitCode));
        AssertSameFiles(counter, Snapshot(Path.Combine(temp, "cold-counter")));
        AssertSameFiles(errors, Snapshot(Path.Combine(temp, "cold-errorhandling")));
    }

    [Fact]
    public async Task A_server_killed_mid_build_gives_no_reply_and_a_new_server_takes_its_place()
    {
        string[] arguments = BuildArguments("Counter", "out");
        BuildServerEndpoint endpoint = Endpoint("killed");
        using (ServerProcess server = ServerProcess.Start(endpoint.SocketPath))
        {
            server.WaitUntilListening(endpoint.SocketPath);
            Task<BuildReply?> build = Task.Run(() => BuildServerConnection.TryBuild(endpoint, temp, arguments));
            server.Process.Kill(); // before, during or after accepting: the client must never take a partial reply
            server.Process.WaitForExit();
            BuildReply? reply = await build;
            Assert.True(reply is null || reply.ExitCode == ExitCodes.Success, "a reply the server finished before it died is a whole one");
        }

        Assert.True(File.Exists(endpoint.SocketPath), "a killed server leaves its socket file");
        Assert.Null(BuildServerConnection.TryBuild(endpoint, temp, arguments)); // nothing listens on it

        using ServerProcess successor = ServerProcess.Start(endpoint.SocketPath);
        successor.WaitUntilListening(endpoint.SocketPath);
        CliRun.Delete(Path.Combine(temp, "out")); // whatever the killed server got to write
        (int exit, _, _, Dictionary<string, byte[]> files) = Cold(arguments);
        BuildReply? served = BuildServerConnection.TryBuild(endpoint, temp, arguments);
        Assert.Equal(exit, served?.ExitCode);
        AssertSameFiles(files, Snapshot(Path.Combine(temp, "out")));
    }

    public static TheoryData<string> BrokenReplies => new() { "nothing", "cut", "foreign" };

    [Theory]
    [MemberData(nameof(BrokenReplies))]
    public void A_reply_cut_short_or_foreign_is_never_used(string kind)
    {
        BuildServerEndpoint endpoint = Endpoint("broken-" + kind);
        using var standIn = new SocketStandIn(endpoint.SocketPath, BrokenReply(kind));

        Assert.Null(BuildServerConnection.TryBuild(endpoint, temp, BuildArguments("Counter", "out")));
        Assert.Equal(1, standIn.Requests);
    }

    [Fact]
    public void A_server_that_never_replies_is_given_up_after_the_reply_timeout()
    {
        BuildServerEndpoint endpoint = BuildServerClient.ForThisProcess(servers, out _)!;
        using var hung = new SocketStandIn(endpoint.SocketPath, reply: null);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Null(BuildServerConnection.TryBuild(endpoint, temp, BuildArguments("Counter", "out"), TimeSpan.FromSeconds(1)));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void The_client_builds_in_its_own_process_when_the_server_fails_and_prints_what_the_cold_run_prints()
    {
        string[] arguments = BuildArguments("Counter", "out");
        (int exit, string stdout, string stderr, Dictionary<string, byte[]> files) = Cold(arguments);
        BuildServerEndpoint endpoint = BuildServerClient.ForThisProcess(servers, out _)!;

        var (output, error) = (new StringWriter(), new StringWriter());
        int served;
        using (var standIn = new SocketStandIn(endpoint.SocketPath, BrokenReply("cut")))
        {
            served = BuildServerClient.Run(arguments, output, error, servers);
            Assert.Equal(1, standIn.Requests);
        }

        Assert.Equal(exit, served);
        Assert.Equal(stdout, output.ToString());
        Assert.Equal(stderr, error.ToString());
        AssertSameFiles(files, Snapshot(Path.Combine(temp, "out")));

        // It started a real server for the next build, which took the socket over: the next build is served.
        BuildReply next = ServedWithin(endpoint, arguments, TimeSpan.FromMinutes(2));
        Assert.Equal(exit, next.ExitCode);
        Assert.Equal(stdout, Text(next, error: false));
        Assert.Equal(1, BuildServerClient.ShutdownAll(servers));
    }

    [Fact]
    public void No_server_where_its_folder_cannot_be_created_or_is_not_private_and_the_build_still_runs()
    {
        string file = Path.Combine(temp, "a-file");
        File.WriteAllText(file, "");
        string shared = Path.Combine(temp, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("777", 8));

        Assert.Null(BuildServerClient.ForThisProcess(Path.Combine(file, "servers"), out string? notCreated));
        Assert.Contains("cannot create", notCreated);
        Assert.Null(BuildServerClient.ForThisProcess(shared, out string? notPrivate));
        Assert.Contains("not private", notPrivate);

        string[] arguments = BuildArguments("Counter", "out");
        (int exit, string stdout, _, Dictionary<string, byte[]> files) = Cold(arguments);
        var output = new StringWriter();
        Assert.Equal(exit, BuildServerClient.Run(arguments, output, new StringWriter(), shared));
        Assert.Equal(stdout, output.ToString());
        AssertSameFiles(files, Snapshot(Path.Combine(temp, "out")));
        Assert.Empty(Directory.GetFiles(shared)); // no socket, no lock, no server
    }

    [Fact]
    public void A_second_server_for_the_same_socket_leaves_at_once_and_shutdown_stops_every_server()
    {
        using ServerProcess first = StartServer("one", out BuildServerEndpoint one);
        using ServerProcess other = StartServer("two", out _);
        using ServerProcess second = ServerProcess.Start(one.SocketPath);
        Assert.True(second.Process.WaitForExit(TimeSpan.FromMinutes(1)), "a second server for a held socket must leave");
        Assert.Equal(0, second.Process.ExitCode);
        Assert.False(first.Process.HasExited);

        Assert.Equal(2, BuildServerClient.ShutdownAll(servers));
        Assert.True(first.Process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.True(other.Process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Empty(Directory.GetFiles(servers, "*.sock"));
    }

    [Fact]
    public void A_stopped_servers_socket_is_gone_when_shutdown_returns_and_what_takes_its_place_stays()
    {
        using ServerProcess server = StartServer("replaced", out BuildServerEndpoint endpoint);
        Assert.Equal(1, BuildServerClient.ShutdownAll(servers));
        Assert.False(File.Exists(endpoint.SocketPath));

        // Something binds the path at once: the old server, still on its way out, must not delete it.
        using var standIn = new SocketStandIn(endpoint.SocketPath, reply: null);
        Assert.True(server.Process.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.True(File.Exists(endpoint.SocketPath), "the stopped server deleted a socket that was not its own");
    }

    [Fact]
    public void An_idle_server_exits_and_removes_its_socket()
    {
        BuildServerEndpoint endpoint = Endpoint("idle");
        using ServerProcess server = ServerProcess.Start(endpoint.SocketPath, idleSeconds: 1);
        server.WaitUntilListening(endpoint.SocketPath);

        Assert.True(server.Process.WaitForExit(TimeSpan.FromMinutes(1)), "an idle server must exit");
        Assert.False(File.Exists(endpoint.SocketPath));
    }

    [Fact]
    public void Another_compiler_build_or_environment_is_another_server()
    {
        Guid mvid = Guid.NewGuid();
        var environment = new Hashtable { ["PATH"] = "/bin", ["FREEBSD_SYSDIR"] = "/usr/src/sys" };
        string key = BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", mvid, environment);

        Assert.Equal(key, BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", mvid, new Hashtable { ["FREEBSD_SYSDIR"] = "/usr/src/sys", ["PATH"] = "/bin" }));
        Assert.Equal(key, BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", mvid, new Hashtable(environment) { ["DOTNET_NUGET_SIGNATURE_VERIFICATION"] = "True" })); // set by dotnet build's restore only
        // Set by the shell the step's Exec runs the CLI through, and unseen by its task inside MSBuild: both find one server.
        Assert.Equal(key, BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", mvid, new Hashtable(environment) { ["PWD"] = "/home/u/Mod", ["OLDPWD"] = "/", ["SHLVL"] = "2", ["_"] = "/usr/bin/dotnet" }));
        Assert.NotEqual(key, BuildServerEndpoint.Key("/other/KmodSharp.Cli.dll", mvid, environment));
        Assert.NotEqual(key, BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", Guid.NewGuid(), environment)); // an older build
        Assert.NotEqual(key, BuildServerEndpoint.Key("/tools/kmodsharp/KmodSharp.Cli.dll", mvid, new Hashtable { ["PATH"] = "/bin", ["FREEBSD_SYSDIR"] = "/usr/src/sys13" }));
    }

    public void Dispose() => CliRun.Delete(temp);

    // A server started in the background answers once it has bound its socket; until then nothing, or the
    // socket file of what it replaces, is there.
    private BuildReply ServedWithin(BuildServerEndpoint endpoint, string[] arguments, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (BuildServerConnection.TryBuild(endpoint, temp, arguments) is { } reply)
            {
                return reply;
            }

            System.Threading.Thread.Sleep(50);
        }

        throw new TimeoutException("no server answered on " + endpoint.SocketPath);
    }

    private ServerProcess StartServer(string name, out BuildServerEndpoint endpoint)
    {
        endpoint = Endpoint(name);
        ServerProcess server = ServerProcess.Start(endpoint.SocketPath);
        server.WaitUntilListening(endpoint.SocketPath);
        return server;
    }

    private BuildServerEndpoint Endpoint(string name) => BuildServerEndpoint.For(servers, name, out string? whyNot) ?? throw new InvalidOperationException(whyNot);

    // Counter and Errors are examples; "big" is a module over its stack budget (KMS diagnostics, exit 1).
    private string[] BuildArguments(string input, string output)
    {
        string source = input == "big"
            ? CliRun.Folder(temp, "big-" + output, ("Big.cs", CliRun.TwoKilobyteHandler))
            : Repository.Example(input);
        return ["build", source, "-o", Path.Combine(temp, output)];
    }

    // The cold run: the CLI's own entry in this process, as `dotnet exec KmodSharp.Cli.dll build …` runs it.
    private (int Exit, string Stdout, string Stderr, Dictionary<string, byte[]> Files) Cold(string[] arguments)
    {
        (int exit, string stdout, string stderr) = CliRun.Run(arguments);
        string output = arguments[^1];
        Dictionary<string, byte[]> files = Snapshot(output);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        return (exit, stdout, stderr, files);
    }

    private static Dictionary<string, byte[]> Snapshot(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(directory, f), File.ReadAllBytes)
        : [];

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach ((string name, byte[] bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), name + " differs from the cold run's");
        }
    }

    private static string Text(BuildReply reply, bool error) => string.Concat(reply.Output.Where(s => s.IsError == error).Select(s => s.Text));

    private static byte[] BrokenReply(string kind)
    {
        var bytes = new MemoryStream();
        var writer = new BinaryWriter(bytes, Encoding.UTF8);
        switch (kind)
        {
            case "cut": // a server that died after some output, before the exit code
                writer.Write(BuildServerProtocol.Magic);
                writer.Write((byte)1);
                writer.Write("counter: /somewhere\n");
                break;
            case "foreign": // something else listening there
                writer.Write(0x12345678);
                writer.Write((byte)0);
                writer.Write(0);
                break;
        }

        writer.Flush();
        return bytes.ToArray();
    }
}
