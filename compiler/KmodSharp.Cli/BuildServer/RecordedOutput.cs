using System.Text;

namespace KmodSharp.Cli.BuildServer;

/// <summary>Two writers (standard output and error) that record what is written to either, in order, for the client to replay.</summary>
internal sealed class RecordedOutput
{
    private readonly List<(bool IsError, StringBuilder Text)> segments = [];

    public RecordedOutput()
    {
        Output = new Recorder(this, isError: false);
        Error = new Recorder(this, isError: true);
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public IReadOnlyList<OutputSegment> Segments
    {
        get
        {
            lock (segments)
            {
                return [.. segments.Select(s => new OutputSegment(s.IsError, s.Text.ToString()))];
            }
        }
    }

    private void Add(bool isError, string text)
    {
        lock (segments)
        {
            if (segments.Count == 0 || segments[^1].IsError != isError)
            {
                segments.Add((isError, new StringBuilder()));
            }

            segments[^1].Text.Append(text);
        }
    }

    // Console's writers use "\n" on Unix; so do these, and the client writes the text as is.
    private sealed class Recorder(RecordedOutput owner, bool isError) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => owner.Add(isError, value.ToString());

        public override void Write(string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                owner.Add(isError, value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => owner.Add(isError, new string(buffer, index, count));
    }
}
