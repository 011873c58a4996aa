using System.CommandLine;

namespace KmodSharp.Cli.Commands;

internal static class ImportHeaderCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = output;
        _ = error;
        return new Command("import-header", "stub");
    }
}
