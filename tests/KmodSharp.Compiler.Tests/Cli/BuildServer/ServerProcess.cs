using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using KmodSharp.Cli;

namespace KmodSharp.Compiler.Tests.Cli.BuildServer;

/// <summary>A real <c>kmodsharp build-server run</c> process (the CLI assembly the tests reference), killed on dispose.</summary>
internal sealed class ServerProcess : IDisposable
{
    private ServerProcess(Process process) => Process = process;

    public Process Process { get; }

    public static ServerProcess Start(string socketPath, int idleSeconds = 300)
    {
        // The tests' own runtimeconfig and deps.json carry everything the CLI needs.
        string bin = AppContext.BaseDirectory;
        string tests = Path.Combine(bin, typeof(ServerProcess).Assembly.GetName().Name!);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["exec", "--runtimeconfig", tests + ".runtimeconfig.json", "--depsfile", tests + ".deps.json",
            typeof(Program).Assembly.Location, "build-server", "run", "--socket", socketPath, "--idle-timeout", idleSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        return new ServerProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the socket accepts connections (the server has warmed up once it does its first build).</summary>
    public void WaitUntilListening(string socketPath)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"the server exited ({Process.ExitCode}): {Process.StandardError.ReadToEnd()}");
            }

            try
            {
                using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                socket.Connect(new UnixDomainSocketEndPoint(socketPath));
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException("the build server never listened on " + socketPath);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            Process.WaitForExit();
        }

        Process.Dispose();
    }
}
