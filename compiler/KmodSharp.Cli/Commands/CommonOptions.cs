using System.Collections.Immutable;
using System.CommandLine;
using KmodSharp.Analyzers;
using KmodSharp.Compiler;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;

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

    /// <summary>csc's <c>-pathmap</c> for the <c>#line</c> directives: <c>OLD=NEW</c>, repeatable, or pairs separated by commas (MSBuild's <c>$(PathMap)</c>).</summary>
    public static Option<string[]> PathMap() => new("--pathmap")
    {
        Description = "Write a C# path starting with OLD as starting with NEW in #line (OLD=NEW, repeatable or comma-separated as csc's -pathmap); other paths are relative to the module folder",
    };

    /// <summary>A build's references (MSBuild's <c>ReferencePath</c>), replacing the default .NET 10 + KmodSharp.Runtime set.</summary>
    public static Option<string[]> References() => new("--reference", "-r")
    {
        Description = "A metadata reference of the project (repeatable); given by the build's response file",
    };

    /// <summary>A build's analyzer config files (MSBuild's <c>EditorConfigFiles</c>), replacing the <c>.editorconfig</c> search.</summary>
    public static Option<string[]> AnalyzerConfigs() => new("--analyzer-config")
    {
        Description = "An .editorconfig or global analyzer config the compiler sees (repeatable); given by the build's response file",
    };

    /// <summary>The project's own settings (<c>KmodSharpLineDirectives</c>, …) decide the translation.</summary>
    public static LoweringOptions FromProject(KmodSharpSettings settings) => new(settings.LineDirectives);

    /// <summary>
    /// Compiles and prints diagnostics; null with an exit code when compilation cannot go on.
    /// <paramref name="options"/> makes the translation's options of the project's settings, so an
    /// explicit command-line option can override a project property. Analyzer configs given by a
    /// build carry its properties already; without them, a .csproj input's properties are read.
    /// Without <paramref name="translate"/>, only the diagnostics are made: the result has no modules.
    /// </summary>
    public static (CompileResult? Result, SourceInput? Input, int ExitCode) Compile(
        string[] inputs,
        Func<KmodSharpSettings, LoweringOptions> options,
        string? freebsdSysdir,
        TextWriter output,
        TextWriter error,
        string[]? references = null,
        string[]? analyzerConfigs = null,
        Action<ImmutableArray<KmsDiagnostic>>? diagnostics = null,
        Func<SourceInput, Compiler.Pipeline.Lowering.SourcePathMap>? sourcePaths = null,
        bool translate = true)
    {
        SourceInput input;
        CompileResult result;
        try
        {
            input = InputLoader.Load([.. inputs], readProjectProperties: analyzerConfigs is not { Length: > 0 }) with
            {
                References = references is { Length: > 0 } ? [.. references.Select(Path.GetFullPath)] : default,
                AnalyzerConfigFiles = analyzerConfigs is { Length: > 0 } ? [.. analyzerConfigs.Select(Path.GetFullPath)] : default,
            };
            SourceInput loaded = input;
            result = !translate ? KmodCompiler.Check(input)
                : KmodCompiler.Compile(input, sourcePaths is null ? options : settings => options(settings) with { SourcePaths = sourcePaths(loaded) }, freebsdSysdir);
        }
        catch (InputException e)
        {
            error.WriteLine("kmodsharp: " + e.Message);
            return (null, null, ExitCodes.Usage);
        }
        catch (InternalCompilerException e)
        {
            error.WriteLine(InternalError(e));
            return (null, null, ExitCodes.InternalError);
        }

        Print(result.Diagnostics, output);
        diagnostics?.Invoke(result.Diagnostics);
        return result.HasErrors ? (null, input, ExitCodes.Diagnostics) : (result, input, ExitCodes.Success);
    }

    /// <summary>One line naming the bug and where in the user's C# it was found, so it can be reported.</summary>
    public static string InternalError(InternalCompilerException e) =>
        $"kmodsharp: internal error{(e.SourceLocation is { } at ? " at " + at : "")}: {e.Message} (a KmodSharp bug; please report it with this line)";

    /// <summary>Prints diagnostics one a line: <c>path(line,col): error KMSnnnn: message (help link)</c>.</summary>
    public static void Print(ImmutableArray<KmsDiagnostic> diagnostics, TextWriter output)
    {
        foreach (KmsDiagnostic diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
    }
}
