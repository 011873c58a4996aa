using System.CommandLine;

namespace KmodSharp.Cli.Commands;

/// <summary><c>check &lt;input&gt;</c>: diagnostics only.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Argument<string[]> input = CommonOptions.Input();
        Option<string[]> references = CommonOptions.References();
        Option<string[]> analyzerConfigs = CommonOptions.AnalyzerConfigs();
        var command = new Command("check", "Report diagnostics without generating anything") { input, references, analyzerConfigs };
        command.SetAction(parsed => CommonOptions.Compile(
            parsed.GetValue(input)!,
            CommonOptions.FromProject,
            null,
            output,
            error,
            parsed.GetValue(references),
            parsed.GetValue(analyzerConfigs),
            translate: false).ExitCode);
        return command;
    }
}
