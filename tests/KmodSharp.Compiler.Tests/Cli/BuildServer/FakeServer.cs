using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace KmodSharp.Compiler.Tests.Cli.BuildServer;

/// <summary>Something listening on a server's socket that answers one connection with <c>reply</c>'s bytes, then hangs up; with no reply, it reads the request and never answers (a hung server).</summary>
internal sealed class FakeServer : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Task serving;
    private readonly CancellationTokenSource hangUp = new();

    public FakeServer(string socketPath, byte[]? reply)
    {
        // Bound elsewhere and moved in place: .NET unlinks the path a listener was bound to when it is
        // disposed, which would delete the socket of a real server that took the path over meanwhile.
        string boundAt = socketPath + ".fake";
        File.Delete(boundAt);
        listener.Bind(new UnixDomainSocketEndPoint(boundAt));
        listener.Listen(4);
        File.Move(boundAt, socketPath, overwrite: true);
        serving = Task.Run(async () =>
        {
            using Socket connection = await listener.AcceptAsync();
            byte[] request = new byte[4096];
            _ = await connection.ReceiveAsync(request);
            if (reply is null)
            {
                await Task.Delay(Timeout.Infinite, hangUp.Token);
                return;
            }

            _ = await connection.SendAsync(reply);
            connection.Shutdown(SocketShutdown.Both);
        });
    }

    /// <summary>Whether a client connected and was answered.</summary>
    public bool Answered => serving.Wait(TimeSpan.FromSeconds(30)) && serving.IsCompletedSuccessfully;

    public void Dispose()
    {
        hangUp.Cancel();
        hangUp.Dispose();
        listener.Dispose();
    }
}
