using System.CommandLine;

namespace KmodSharp.Cli.Commands;

/// <summary><c>check &lt;input&gt;</c>: diagnostics only.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        var command = new Command("check", "Report diagnostics without generating anything") { input };
        command.SetAction(parsed => CommonOptions.Compile(parsed.GetValue(input)!, true, output, error).ExitCode);
        return command;
    }
}
