using System.CommandLine;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tools.HeaderImport;

namespace KmodSharp.Cli.Commands;

/// <summary>
/// <c>import-header foo.h [--struct NAME…] [-o File.cs] [--namespace N]</c>: C# mirrors of a C
/// header's structs (clang's offsets and sizes), enums and integer macros, so a struct shared with
/// C userland code is declared once.
/// </summary>
internal static class ImportHeaderCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var header = new Argument<string>("header") { Description = "The C header (.h)" };
        var structs = new Option<string[]>("--struct")
        {
            Description = "A struct to import (tag, 'struct tag' or typedef name); repeatable. Default: every struct the header defines",
            AllowMultipleArgumentsPerToken = true,
        };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write the C# here instead of to standard output" };
        var @namespace = new Option<string?>("--namespace") { Description = "The C# namespace of the declarations" };
        var includes = new Option<string[]>("--include-directory", "-I") { Description = "Another folder to search for includes; repeatable" };
        var command = new Command("import-header", "Declare a C header's structs, enums and constants in C# with clang's exact layout")
        {
            header, structs, outputFile, @namespace, includes,
        };
        command.SetAction(parsed =>
        {
            ImportedHeader imported;
            try
            {
                imported = HeaderImporter.Import(new HeaderImportOptions
                {
                    HeaderPath = parsed.GetValue(header)!,
                    Structs = [.. parsed.GetValue(structs) ?? []],
                    IncludeDirectories = [.. parsed.GetValue(includes) ?? []],
                });
            }
            catch (FileNotFoundException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }
            catch (DllNotFoundException)
            {
                error.WriteLine("kmodsharp: " + Native.LibClangResolver.MissingMessage);
                return ExitCodes.Usage;
            }

            CommonOptions.Print(imported.Diagnostics, output);
            if (imported.HasErrors)
            {
                return ExitCodes.Diagnostics;
            }

            string text = CSharpMirrorWriter.Write(imported, parsed.GetValue(@namespace));
            if (parsed.GetValue(outputFile) is not { } path)
            {
                output.Write(text);
                return ExitCodes.Success;
            }

            try
            {
                // Written beside the target and moved over it, so a failure leaves no half file.
                OutputPaths.ReplaceFiles([(path, temporary => File.WriteAllText(temporary, text))]);
            }
            catch (OutputException e)
            {
                error.WriteLine("kmodsharp: " + e.Message);
                return ExitCodes.Usage;
            }

            output.WriteLine($"{path}: {imported.Structs.Length} struct(s), {imported.Enums.Length} enum(s), {imported.Constants.Length} constant(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
