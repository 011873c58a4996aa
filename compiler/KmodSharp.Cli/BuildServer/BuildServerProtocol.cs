using System.Text;

namespace KmodSharp.Cli.BuildServer;

/// <summary>One line of the build's output, on the stream it was written to.</summary>
internal sealed record OutputSegment(bool IsError, string Text);

/// <summary>A build the server ran: its output in the order written, and its exit code.</summary>
internal sealed record BuildReply(IReadOnlyList<OutputSegment> Output, int ExitCode);

/// <summary>
/// The bytes between client and server: a magic number and version first (a server of another
/// protocol, or anything else listening, is recognised and left alone), then length-prefixed UTF-8.
/// Request: kind, then for a build the working folder and the arguments. Reply to a build: the output
/// segments, a terminator and the exit code; the client uses a reply only when it is complete.
/// </summary>
internal static class BuildServerProtocol
{
    public const int Magic = 0x4B4D5301;
    public const byte BuildRequest = 1;
    public const byte ShutdownRequest = 2;

    private const byte OutputTag = 1;
    private const byte ErrorTag = 2;
    private const byte EndTag = 0;

    public static void WriteBuild(Stream stream, string workingDirectory, IReadOnlyList<string> arguments)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(BuildRequest);
        writer.Write(workingDirectory);
        writer.Write(arguments.Count);
        foreach (string argument in arguments)
        {
            writer.Write(argument);
        }
    }

    public static void WriteShutdown(Stream stream)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(ShutdownRequest);
    }

    /// <summary>The request's kind, or null when the peer does not speak this protocol.</summary>
    public static byte? ReadKind(BinaryReader reader) => reader.ReadInt32() == Magic ? reader.ReadByte() : null;

    public static (string WorkingDirectory, string[] Arguments) ReadBuild(BinaryReader reader)
    {
        string directory = reader.ReadString();
        string[] arguments = new string[reader.ReadInt32()];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = reader.ReadString();
        }

        return (directory, arguments);
    }

    public static void WriteReply(Stream stream, BuildReply reply)
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        foreach (OutputSegment segment in reply.Output)
        {
            writer.Write(segment.IsError ? ErrorTag : OutputTag);
            writer.Write(segment.Text);
        }

        writer.Write(EndTag);
        writer.Write(reply.ExitCode);
    }

    /// <summary>The whole reply; throws (EndOfStreamException, IOException) on a cut or foreign one.</summary>
    public static BuildReply ReadReply(BinaryReader reader)
    {
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("not a KmodSharp build server reply");
        }

        var output = new List<OutputSegment>();
        for (byte tag = reader.ReadByte(); tag != EndTag; tag = reader.ReadByte())
        {
            output.Add(tag switch
            {
                OutputTag => new OutputSegment(false, reader.ReadString()),
                ErrorTag => new OutputSegment(true, reader.ReadString()),
                _ => throw new InvalidDataException($"unknown reply tag {tag}"),
            });
        }

        return new BuildReply(output, reader.ReadInt32());
    }
}
