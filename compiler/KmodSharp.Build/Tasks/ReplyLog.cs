using System.Text;
using KmodSharp.Cli.BuildServer;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace KmodSharp.Build.Tasks;

/// <summary>
/// A server's reply logged line by line as MSBuild's <c>Exec</c> logs a process's output
/// (<c>StandardOutputImportance="normal"</c>, <c>StandardErrorImportance="high"</c>): each complete line of
/// either stream through <see cref="TaskLoggingHelper.LogMessageFromText"/>, which turns canonical
/// <c>file(line,col): error CODE: text</c> lines into errors and warnings, and the rest into messages.
/// </summary>
internal sealed class ReplyLog(TaskLoggingHelper log)
{
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    public void Write(BuildReply reply)
    {
        foreach (OutputSegment segment in reply.Output)
        {
            StringBuilder pending = segment.IsError ? error : output;
            pending.Append(segment.Text);
            LogCompleteLines(pending, segment.IsError);
        }

        // A last line without its newline, as a process's reader hands it over at the end.
        Flush(output, isError: false);
        Flush(error, isError: true);
    }

    private void LogCompleteLines(StringBuilder pending, bool isError)
    {
        string text = pending.ToString();
        int end = text.LastIndexOf('\n');
        if (end < 0)
        {
            return;
        }

        foreach (string line in text[..end].Split('\n'))
        {
            Log(line.TrimEnd('\r'), isError);
        }

        pending.Remove(0, end + 1);
    }

    private void Flush(StringBuilder pending, bool isError)
    {
        if (pending.Length > 0)
        {
            Log(pending.ToString().TrimEnd('\r'), isError);
            pending.Clear();
        }
    }

    private void Log(string line, bool isError) => log.LogMessageFromText(line, isError ? MessageImportance.High : MessageImportance.Normal);
}
