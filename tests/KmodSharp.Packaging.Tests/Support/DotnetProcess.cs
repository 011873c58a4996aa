using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>The result of one <c>dotnet</c> command: exit code and the interleaved output.</summary>
internal sealed record DotnetResult(int ExitCode, string Output);

/// <summary>Runs the <c>dotnet</c> CLI with an isolated environment (its own CLI home, packages folder and no build server).</summary>
internal sealed class DotnetProcess(IReadOnlyDictionary<string, string> environment)
{
    public DotnetResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";

        using Process process = Process.Start(start)!;
        var output = new StringBuilder();
        Task stdout = Task.Run(() => output.Append(process.StandardOutput.ReadToEnd()));
        Task stderr = Task.Run(() => output.Append(process.StandardError.ReadToEnd()));
        process.WaitForExit();
        Task.WaitAll(stdout, stderr);
        return new DotnetResult(process.ExitCode, output.ToString());
    }
}
