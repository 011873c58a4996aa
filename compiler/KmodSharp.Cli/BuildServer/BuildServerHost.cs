using System.Net.Sockets;
using System.Text;

namespace KmodSharp.Cli.BuildServer;

/// <summary>
/// The warm compiler behind <c>dotnet build</c> (compiler/KmodSharp.Build/README.md): it listens on its
/// endpoint's socket and runs each client's <c>build</c> arguments through <see cref="Program.Run"/>, one at a
/// time (the working folder is the process's), exactly as the client's own process would; it exits when
/// told to, or after <c>idleTimeout</c> without a request. Only one server holds an endpoint's lock.
/// </summary>
internal sealed class BuildServerHost(BuildServerEndpoint endpoint, TimeSpan idleTimeout)
{
    private readonly Lock gate = new();
    private Socket? listener;
    private int busy;
    private bool stopping;

    /// <summary>Serves until idle or shut down; returns at once when another server holds the endpoint.</summary>
    public void Run()
    {
        using FileStream? held = TryLock(endpoint.LockPath);
        if (held is null)
        {
            return;
        }

        // A socket file left by a server that was killed: nothing listens on it any more (the lock was free).
        File.Delete(endpoint.SocketPath);
        listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(endpoint.SocketPath));
            listener.Listen(64);
            WarmUp();
            AcceptUntilIdle();
        }
        finally
        {
            // Before the lock goes: a new server may only bind once this socket file is gone. A shutdown
            // removed it already, and what is there now is someone else's.
            if (!Volatile.Read(ref stopping))
            {
                StopListening();
            }
        }
    }

    private void AcceptUntilIdle()
    {
        while (true)
        {
            Task<Socket> accepted = listener!.AcceptAsync();
            try
            {
                while (!accepted.Wait(idleTimeout))
                {
                    if (Volatile.Read(ref busy) == 0)
                    {
                        return;
                    }
                }
            }
            catch (AggregateException) when (Volatile.Read(ref stopping))
            {
                return;
            }

            Socket connection = accepted.Result;
            Interlocked.Increment(ref busy);
            _ = Task.Run(() =>
            {
                try
                {
                    Serve(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref busy);
                }
            });
        }
    }

    private void Serve(Socket connection)
    {
        using var stream = new NetworkStream(connection, ownsSocket: true);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            switch (BuildServerProtocol.ReadKind(reader))
            {
                case BuildServerProtocol.BuildRequest:
                    (string directory, string[] arguments) = BuildServerProtocol.ReadBuild(reader);
                    BuildReply? reply = Build(directory, arguments);
                    if (reply is not null)
                    {
                        BuildServerProtocol.WriteReply(stream, reply);
                    }

                    break;
                case BuildServerProtocol.ShutdownRequest:
                    // After the build under way: the gate is held while one runs.
                    // The socket goes before the client hears back, so a shutdown that returned left none.
                    lock (gate)
                    {
                        Volatile.Write(ref stopping, true);
                        StopListening();
                    }

                    break;
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or SocketException or ObjectDisposedException)
        {
            // A client that went away or spoke another protocol: nothing to answer.
        }
    }

    private void StopListening()
    {
        File.Delete(endpoint.SocketPath);
        listener!.Dispose();
    }

    // Null when the compiler threw: the client then runs the build itself and fails as a cold run fails.
    private BuildReply? Build(string directory, string[] arguments)
    {
        lock (gate)
        {
            try
            {
                Directory.SetCurrentDirectory(directory);
                var recorded = new RecordedOutput();
                int exitCode = Program.Run(arguments, recorded.Output, recorded.Error);
                return new BuildReply(recorded.Segments, exitCode);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }

    // The client that started this server built in its own process; by the next build, the compiler's code
    // paths are compiled and its types loaded: it translates `kmodsharp new`'s module once, output discarded.
    private void WarmUp()
    {
        string directory = Directory.CreateTempSubdirectory("kmodsharp-warmup-").FullName;
        try
        {
            using Stream template = typeof(Program).Assembly.GetManifestResourceStream("template/Syscalls.cs")!;
            string source = Path.Combine(directory, "Syscalls.cs");
            using (FileStream file = File.Create(source))
            {
                template.CopyTo(file);
            }

            lock (gate)
            {
                _ = Program.Run(["build", source, "-o", Path.Combine(directory, "kmod")], TextWriter.Null, TextWriter.Null);
            }
        }
        catch (Exception)
        {
            // Only slower: the first build warms it instead.
        }
        finally
        {
            DeleteScratch(directory);
        }
    }

    // A scratch folder left behind must not take the server down with it.
    private static void DeleteScratch(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    // flock(2) through FileShare.None: released by the kernel however the holder ends.
    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
