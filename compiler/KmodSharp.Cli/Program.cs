using System.CommandLine;
using KmodSharp.Cli.Commands;

namespace KmodSharp.Cli;

/// <summary>The <c>kmodsharp</c> command line (docs/cli.md): exit 0 success, 1 diagnostics with errors, 2 bad usage or input.</summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        Native.LibClangResolver.Register();
        var root = new RootCommand("KmodSharp: FreeBSD kernel modules from annotated C#.")
        {
            CheckCommand.Create(output, error),
            BuildCommand.Create(output, error),
            SimCommand.Create(output, error),
            VerifyCommand.Create(output, error),
            ImportHeaderCommand.Create(output, error),
            NewCommand.Create(output, error),
            PackageCommand.Create(output, error),
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parsed.Errors)
            {
                error.WriteLine("kmodsharp: " + parseError.Message);
            }

            return ExitCodes.Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
