using System.Collections.Immutable;
using System.CommandLine;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Frontend;
using KmodSharp.Compiler.Lowering;

namespace KmodSharp.Cli.Commands;

/// <summary>The input argument and options every compiling command shares, and the shared compile step.</summary>
internal static class CommonOptions
{
    public static Argument<string[]> Input() => new("input")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = "A .csproj, a folder (its **/*.cs minus bin/ and obj/) or .cs files",
    };

    public static Option<bool> NoLineDirectives() => new("--no-line-directives")
    {
        Description = "Do not map the generated C back to the C# source with #line",
    };

    /// <summary>Compiles and prints diagnostics; null with an exit code when compilation cannot go on.</summary>
    public static (CompileResult? Result, SourceInput? Input, int ExitCode) Compile(string[] inputs, bool lineDirectives, TextWriter output, TextWriter error) =>
        Compile(inputs, new LoweringOptions(lineDirectives), null, output, error);

    public static (CompileResult? Result, SourceInput? Input, int ExitCode) Compile(string[] inputs, LoweringOptions options, string? freebsdSysdir, TextWriter output, TextWriter error)
    {
        SourceInput input;
        CompileResult result;
        try
        {
            input = InputLoader.Load([.. inputs]);
            result = KmodCompiler.Compile(input, options, freebsdSysdir);
        }
        catch (InputException e)
        {
            error.WriteLine("kmodsharp: " + e.Message);
            return (null, null, ExitCodes.Usage);
        }

        Print(result.Diagnostics, output);
        return result.HasErrors ? (null, input, ExitCodes.Diagnostics) : (result, input, ExitCodes.Success);
    }

    public static void Print(ImmutableArray<KmsDiagnostic> diagnostics, TextWriter output)
    {
        foreach (KmsDiagnostic diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
    }
}
