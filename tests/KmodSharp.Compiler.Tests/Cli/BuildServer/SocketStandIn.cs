using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace KmodSharp.Compiler.Tests.Cli.BuildServer;

/// <summary>
/// Something other than a build server listening on a server's socket: it reads each request and answers with
/// <c>reply</c>'s bytes, or with nothing at all and never hangs up (a hung server, when null). The CLI's and the
/// build step's tests share it.
/// </summary>
internal sealed class SocketStandIn : IDisposable
{
    private readonly Socket listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource stop = new();
    private int requests;

    public SocketStandIn(string socketPath, byte[]? reply)
    {
        // Bound elsewhere and moved in place: .NET unlinks the path a listener was bound to when it is
        // disposed, which would delete the socket of a real server that took the path over meanwhile.
        string boundAt = socketPath + ".standin";
        File.Delete(boundAt);
        listener.Bind(new UnixDomainSocketEndPoint(boundAt));
        listener.Listen(16);
        File.Move(boundAt, socketPath, overwrite: true);
        _ = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Socket connection = await listener.AcceptAsync(stop.Token);
                Interlocked.Increment(ref requests);
                _ = Task.Run(async () =>
                {
                    using (connection)
                    {
                        _ = await connection.ReceiveAsync(new byte[65536], SocketFlags.None, stop.Token);
                        if (reply is null)
                        {
                            await Task.Delay(Timeout.Infinite, stop.Token);
                        }

                        _ = await connection.SendAsync(reply, SocketFlags.None, stop.Token);
                        connection.Shutdown(SocketShutdown.Both);
                    }
                });
            }
        });
    }

    /// <summary>How many clients connected.</summary>
    public int Requests => Volatile.Read(ref requests);

    public void Dispose()
    {
        stop.Cancel();
        listener.Dispose();
    }
}
