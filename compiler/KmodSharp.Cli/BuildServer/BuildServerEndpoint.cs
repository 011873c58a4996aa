using System.Collections;
using System.Security.Cryptography;
using System.Text;

namespace KmodSharp.Cli.BuildServer;

/// <summary>
/// Where the build server of this exact compiler listens: a Unix domain socket in a folder only the
/// user can enter, named by a hash of the compiler's path, its assembly's MVID (a new build is a new
/// server) and the whole environment (the server inherits its first client's, so a client with other
/// variables — FREEBSD_SYSDIR, SOURCE_DATE_EPOCH, LANG — is never served by it). A lock file beside
/// the socket is held while the server lives: the operating system drops it when the server dies.
/// </summary>
internal sealed record BuildServerEndpoint(string Directory, string SocketPath, string LockPath)
{
    /// <summary>Overrides the folder (tests; a user whose temporary folder is shared).</summary>
    public const string DirectoryVariable = "KMODSHARP_BUILD_SERVER_DIR";

    /// <summary>Set to 1 by compiler/KmodSharp.Build's targets for the CLI they run: its <c>build</c> then uses a server.</summary>
    public const string ClientVariable = "KMODSHARP_BUILD_SERVER";

    // Not part of the key; none is read by the compiler. DOTNET_NUGET_SIGNATURE_VERIFICATION is set by `dotnet build`
    // only when it restores too (so `dotnet build` and `dotnet build --no-restore` would get two servers). The others
    // are set by the shell MSBuild's Exec runs the CLI through (PWD: its working folder, which a request carries),
    // and are absent where the step's task asks the server from inside MSBuild: both must find the same server.
    private static readonly string[] PerInvocation = ["DOTNET_NUGET_SIGNATURE_VERIFICATION", "PWD", "OLDPWD", "SHLVL", "_"];

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // sockaddr_un's sun_path is 108 bytes on Linux, 104 on BSD and macOS.
    private const int MaxSocketPath = 100;

    /// <summary>The folder the servers of this user listen in (it may not exist yet).</summary>
    public static string DefaultDirectory() =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } explicitDirectory ? Path.GetFullPath(explicitDirectory)
        : Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR") is { Length: > 0 } runtime ? Path.Combine(runtime, "kmodsharp")
        : Path.Combine(Path.GetTempPath(), "kmodsharp-" + Environment.UserName);

    /// <summary>The endpoint a client named on <c>build-server run --socket</c>.</summary>
    public static BuildServerEndpoint? FromSocket(string socketPath, out string? whyNot)
    {
        string full = Path.GetFullPath(socketPath);
        return For(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full), out whyNot);
    }

    public static BuildServerEndpoint? For(string directory, string key, out string? whyNot)
    {
        whyNot = OwnedFolder(directory);
        string socket = Path.Combine(directory, key + ".sock");
        if (whyNot is null && Encoding.UTF8.GetByteCount(socket) > MaxSocketPath)
        {
            whyNot = $"the socket path '{socket}' is longer than a Unix socket allows";
        }

        return whyNot is null ? new BuildServerEndpoint(directory, socket, Path.Combine(directory, key + ".lock")) : null;
    }

    /// <summary>The hash naming one server: the compiler's file and build, and every environment variable.</summary>
    public static string Key(string compilerPath, Guid mvid, IDictionary environment)
    {
        var text = new StringBuilder().Append(compilerPath).Append('\0').Append(mvid.ToString("N")).Append('\0');
        foreach (string name in environment.Keys.Cast<string>().Where(n => !PerInvocation.Contains(n)).Order(StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(environment[name]).Append('\0');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    // Created owner-only, or refused when it is not owner-only: another user could read or replace a socket there.
    private static string? OwnedFolder(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return "the build server needs Unix domain socket permissions";
        }

        try
        {
            System.IO.Directory.CreateDirectory(directory, OwnerOnly);
            UnixFileMode mode = File.GetUnixFileMode(directory);
            return mode == OwnerOnly ? null : $"'{directory}' is not private to its owner (mode {Convert.ToString((int)mode, 8)}, not 700)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot create '{directory}': {e.Message}";
        }
    }
}
