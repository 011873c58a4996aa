using System.Net.Sockets;
using System.Text;

namespace KmodSharp.Cli.BuildServer;

/// <summary>A server's complete reply, or why there is none (<see cref="TimedOut"/>: it took the request and did not reply in time).</summary>
internal sealed record BuildAnswer(BuildReply? Reply, string? WhyNot, bool TimedOut);

/// <summary>
/// A client's side of one request to a build server: the CLI's <c>build</c> (BuildServerClient)
/// and the MSBuild step's task (compiler/KmodSharp.Build/Tasks) both send a build through here, so they
/// treat a missing, cut, foreign or hung server alike. A reply is used only when complete.
/// </summary>
internal static class BuildServerConnection
{
    /// <summary>A server that hangs must not hang the build: past this, the client builds without it.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The server's complete reply, or null when none answers or the reply is cut or foreign.</summary>
    public static BuildReply? TryBuild(BuildServerEndpoint endpoint, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan? replyTimeout = null) =>
        Ask(endpoint, workingDirectory, arguments, replyTimeout ?? ReplyTimeout).Reply;

    /// <summary>The server's complete reply, or why there is none.</summary>
    public static BuildAnswer Ask(BuildServerEndpoint endpoint, string workingDirectory, IReadOnlyList<string> arguments, TimeSpan replyTimeout)
    {
        Socket socket;
        try
        {
            socket = Connect(endpoint.SocketPath);
        }
        catch (SocketException e)
        {
            return new BuildAnswer(null, $"no build server answers at {endpoint.SocketPath} ({e.SocketErrorCode})", TimedOut: false);
        }

        try
        {
            socket.ReceiveTimeout = (int)replyTimeout.TotalMilliseconds;
            using var stream = new NetworkStream(socket, ownsSocket: false);
            BuildServerProtocol.WriteBuild(stream, workingDirectory, arguments);
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            return new BuildAnswer(BuildServerProtocol.ReadReply(reader), null, TimedOut: false);
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or ObjectDisposedException)
        {
            bool timedOut = (e as SocketException ?? e.InnerException as SocketException)?.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock;
            return new BuildAnswer(null, timedOut
                ? $"the build server at {endpoint.SocketPath} gave no reply within {replyTimeout.TotalSeconds:0} s"
                : $"the build server at {endpoint.SocketPath} gave no complete reply ({e.Message})", timedOut);
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>A stream socket connected to <paramref name="socketPath"/>; throws SocketException when nothing listens.</summary>
    public static Socket Connect(string socketPath)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
