using System.Collections;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using KmodSharp.Cli.BuildServer;
using Microsoft.Build.Framework;

namespace KmodSharp.Build.Tasks;

/// <summary>
/// KmodSharpGenerate's <c>kmodsharp build</c> handed to the warm build server from inside MSBuild: the server the
/// CLI's own client would ask (same endpoint: the CLI's resolved path, its MVID and the environment the step's
/// <c>Exec</c> gives it), with no process started. Its output is logged as <c>Exec</c> logs the CLI's:
/// canonical <c>file(line,col): error KMSnnnn: …</c> lines become errors and warnings, the rest messages
/// (standard output at normal importance, standard error at high). When no server gives a complete reply,
/// <see cref="Served"/> is false and the target runs the CLI as before (it builds, and starts a server).
/// </summary>
public sealed class ServedBuild : Microsoft.Build.Utilities.Task
{
    /// <summary>The KmodSharp.Cli.dll the target would run.</summary>
    [Required]
    public string CompilerPath { get; set; } = "";

    /// <summary>The CLI's arguments, <c>build</c> first, as the target's <c>Exec</c> would pass them.</summary>
    [Required]
    public string[] Arguments { get; set; } = [];

    /// <summary>The folder the CLI would run in (relative arguments and <see cref="CompilerPath"/> are from there).</summary>
    [Required]
    public string WorkingDirectory { get; set; } = "";

    /// <summary>Whether a server built it; <see cref="ExitCode"/> means something only then.</summary>
    [Output]
    public bool Served { get; private set; }

    /// <summary>The CLI's exit code, as the server's build returned it.</summary>
    [Output]
    public int ExitCode { get; private set; }

    /// <summary>
    /// A server took the request and gave no reply in time: the target's own run of the CLI then leaves the
    /// server alone (the CLI would wait for it as long again).
    /// </summary>
    [Output]
    public bool ServerHung { get; private set; }

    /// <summary>The reply's timeout (tests); the CLI's by default.</summary>
    public int ReplyTimeoutSeconds { get; set; } = (int)BuildServerConnection.ReplyTimeout.TotalSeconds;

    public override bool Execute()
    {
        string compiler = ResolvedPath.Of(Path.Combine(WorkingDirectory, CompilerPath));
        string? whyNot = "no compiler at " + compiler;
        if (!File.Exists(compiler) || TryEndpoint(compiler, ref whyNot) is not { } endpoint)
        {
            Log.LogMessage(MessageImportance.Normal, $"KmodSharp: no build server ({whyNot}); the compiler runs in its own process");
            return true;
        }

        BuildAnswer answer = BuildServerConnection.Ask(endpoint, WorkingDirectory, Arguments, TimeSpan.FromSeconds(ReplyTimeoutSeconds));
        if (answer.Reply is not { } reply)
        {
            ServerHung = answer.TimedOut;
            Log.LogMessage(MessageImportance.Normal, $"KmodSharp: {answer.WhyNot}; the compiler runs in its own process");
            return true;
        }

        Log.LogMessage(MessageImportance.Normal, $"KmodSharp: built by the build server at {endpoint.SocketPath}");
        Served = true;
        ExitCode = reply.ExitCode;
        new ReplyLog(Log).Write(reply);
        // As the Exec it replaces (IgnoreExitCode): the exit code, not the errors logged, is the target's to judge.
        return true;
    }

    // The endpoint the CLI computes in its own process: its path as the host resolved it (Assembly.Location),
    // its MVID, and this environment plus the variable the target's Exec sets for it. A compiler file that cannot
    // be read is the CLI's to report, when the target runs it.
    private static BuildServerEndpoint? TryEndpoint(string compiler, ref string? whyNot)
    {
        Hashtable environment = new(Environment.GetEnvironmentVariables()) { [BuildServerEndpoint.ClientVariable] = "1" };
        try
        {
            return BuildServerEndpoint.For(BuildServerEndpoint.DefaultDirectory(), BuildServerEndpoint.Key(compiler, Mvid(compiler), environment), out whyNot);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException)
        {
            whyNot = $"cannot read the compiler's identity from {compiler}: {e.Message}";
            return null;
        }
    }

    private static Guid Mvid(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
