using System.Diagnostics;
using System.Net.Sockets;

namespace KmodSharp.Cli.BuildServer;

/// <summary>
/// <c>build</c> as the MSBuild step runs it (<c>KMODSHARP_BUILD_SERVER=1</c>): handed to the warm server of
/// this compiler and environment when one answers, otherwise run in this process as always — and a server
/// started in the background for the next build. A reply is used only when complete, so a server that
/// dies, refuses, or speaks another protocol costs one cold build, never a different or half output.
/// </summary>
internal static class BuildServerClient
{
    public static bool Requested(string[] args) =>
        args is ["build", ..] && Environment.GetEnvironmentVariable(BuildServerEndpoint.ClientVariable) == "1";

    /// <summary>The endpoint of this process's compiler and environment, or null (with why) when no server can be used here.</summary>
    public static BuildServerEndpoint? ForThisProcess(string directory, out string? whyNot) =>
        BuildServerEndpoint.For(directory, BuildServerEndpoint.Key(typeof(Program).Assembly.Location, typeof(Program).Assembly.ManifestModule.ModuleVersionId, Environment.GetEnvironmentVariables()), out whyNot);

    /// <summary>The build, by the server of <paramref name="serverDirectory"/> or in this process (see the class).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string serverDirectory)
    {
        BuildServerEndpoint? endpoint = ForThisProcess(serverDirectory, out _);
        if (endpoint is null)
        {
            return Program.Run(args, output, error);
        }

        if (BuildServerConnection.TryBuild(endpoint, Environment.CurrentDirectory, args) is { } reply)
        {
            Replay(reply, output, error);
            return reply.ExitCode;
        }

        StartServer(endpoint);
        return Program.Run(args, output, error);
    }

    /// <summary>Asks every server in <paramref name="directory"/> to stop (after the build it is running); returns how many were asked.</summary>
    public static int ShutdownAll(string directory)
    {
        int stopped = 0;
        foreach (string socketPath in Directory.Exists(directory) ? Directory.GetFiles(directory, "*.sock") : [])
        {
            try
            {
                using Socket socket = BuildServerConnection.Connect(socketPath);
                using var stream = new NetworkStream(socket, ownsSocket: false);
                BuildServerProtocol.WriteShutdown(stream);
                socket.Shutdown(SocketShutdown.Send);
                _ = stream.Read(new byte[1]); // the server closes once it has stopped listening
                stopped++;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                // Nothing listens there (a server that was killed): not running.
            }
        }

        return stopped;
    }

    /// <summary>Starts <c>build-server run</c> of this compiler, detached from this process's output.</summary>
    public static void StartServer(BuildServerEndpoint endpoint)
    {
        string host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = endpoint.Directory,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(Program).Assembly.Location);
        }

        foreach (string argument in (string[])["build-server", "run", "--socket", endpoint.SocketPath])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            // Its own pipes, closed at once: MSBuild's Exec waits for whoever holds the build's output.
            using Process server = Process.Start(start)!;
            server.StandardInput.Close();
            server.StandardOutput.Close();
            server.StandardError.Close();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException)
        {
            // No server: every build stays in its own process, as without one.
        }
    }

    private static void Replay(BuildReply reply, TextWriter output, TextWriter error)
    {
        foreach (OutputSegment segment in reply.Output)
        {
            (segment.IsError ? error : output).Write(segment.Text);
        }

        output.Flush();
        error.Flush();
    }
}
