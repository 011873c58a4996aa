using System.CommandLine;
using System.CommandLine.Parsing;
using KmodSharp.Cli.Commands;

namespace KmodSharp.Cli;

/// <summary>The <c>kmodsharp</c> command line (docs/cli.md): exit 0 success, 1 diagnostics with errors, 2 bad usage or input.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildServer.BuildServerClient.Requested(args)
        ? BuildServer.BuildServerClient.Run(args, Console.Out, Console.Error, BuildServer.BuildServerEndpoint.DefaultDirectory())
        : Run(args, Console.Out, Console.Error);

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
            KdumpCommand.Create(output, error),
            BuildServerCommand.Create(output, error),
        };
        ParseResult parsed = root.Parse(args);
        if (UnknownOption(parsed) is { } unknown)
        {
            error.WriteLine($"kmodsharp: unknown option '{unknown}' (see kmodsharp {parsed.CommandResult.Command.Name} --help)");
            return ExitCodes.Usage;
        }

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

    /// <summary>
    /// A token that looks like an option but is none of the command's: System.CommandLine would
    /// take it as an input path or a syscall argument. A negative number (<c>--call f -5</c>) is an
    /// argument, and so is everything after <c>--</c>.
    /// </summary>
    private static string? UnknownOption(ParseResult parsed)
    {
        foreach (Token token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                return null;
            }

            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value))
            {
                return token.Value;
            }
        }

        return parsed.UnmatchedTokens.FirstOrDefault(LooksLikeOption);
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !(char.IsAsciiDigit(token[1]) || (token[1] == '.' && token.Length > 2 && char.IsAsciiDigit(token[2])));
}
