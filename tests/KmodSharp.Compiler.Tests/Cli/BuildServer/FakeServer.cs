using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace KmodSharp.Compiler.Tests.Cli.BuildServer;

/// <summary>Something listening on a server's socket that answers one connection with <c>reply</c>'s bytes, then hangs up.</summary>
internal sealed class FakeServer : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly Task serving;

    public FakeServer(string socketPath, byte[] reply)
    {
        File.Delete(socketPath);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(4);
        serving = Task.Run(async () =>
        {
            using Socket connection = await listener.AcceptAsync();
            byte[] request = new byte[4096];
            _ = await connection.ReceiveAsync(request);
            _ = await connection.SendAsync(reply);
            connection.Shutdown(SocketShutdown.Both);
        });
    }

    /// <summary>Whether a client connected and was answered.</summary>
    public bool Answered => serving.Wait(TimeSpan.FromSeconds(30)) && serving.IsCompletedSuccessfully;

    public void Dispose() => listener.Dispose();
}
