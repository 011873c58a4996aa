using System.CommandLine;
using System.Globalization;
using KmodSharp.Cli.BuildServer;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>build-server shutdown</c>: stops the warm compilers <c>dotnet build</c> started (as <c>dotnet build-server
/// shutdown</c> does for the SDK's); <c>build-server run --socket FILE</c> is such a server, started by the build step.
/// </summary>
internal static class BuildServerCommand
{
    /// <summary>A server left without a request this long exits (the C# compiler server's default too).</summary>
    private const int DefaultIdleSeconds = 600;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var shutdown = new Command("shutdown", "Stop every KmodSharp build server of this user (after the build each one is running)");
        shutdown.SetAction(_ =>
        {
            string directory = BuildServerEndpoint.DefaultDirectory();
            int stopped = BuildServerClient.ShutdownAll(directory);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kmodsharp: {stopped} build server(s) stopped ({directory})"));
            return ExitCodes.Success;
        });

        var socket = new Option<string>("--socket") { Description = "The Unix socket to listen on, in a folder private to the user", Required = true };
        var idle = new Option<int>("--idle-timeout") { Description = "Exit after this many seconds without a request", DefaultValueFactory = _ => DefaultIdleSeconds };
        var run = new Command("run", "Run a build server (dotnet build's KmodSharp step starts it)") { socket, idle };
        run.SetAction(parsed =>
        {
            if (BuildServerEndpoint.FromSocket(parsed.GetValue(socket)!, out string? whyNot) is not { } endpoint)
            {
                error.WriteLine("kmodsharp: no build server: " + whyNot);
                return ExitCodes.Usage;
            }

            new BuildServerHost(endpoint, TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(idle)))).Run();
            return ExitCodes.Success;
        });

        return new Command("build-server", "The warm compiler dotnet build uses for the KmodSharp step") { shutdown, run };
    }
}
