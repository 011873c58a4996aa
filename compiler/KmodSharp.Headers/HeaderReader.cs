using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;
using KmodSharp.Headers.Reading;

namespace KmodSharp.Headers;

/// <summary>
/// Reads a C header through libclang into plain records. Each call creates its own libclang
/// index and translation unit and disposes both before returning, so calls are independent and
/// may run on several threads at once.
/// </summary>
public static class HeaderReader
{
    // Function bodies are parsed (not skipped) so that inline definitions count as definitions
    // and errors inside them are reported, as a compiler would.
    private const CXTranslationUnitFlags ParseFlags =
        CXTranslationUnitFlags.DetailedPreprocessingRecord | CXTranslationUnitFlags.KeepGoing;

    /// <summary>The loaded libclang's version banner, e.g. <c>clang version 22.1.8</c>.</summary>
    public static string ClangVersion => LibClang.GetClangVersion();

    /// <summary>
    /// Parses the header and returns its diagnostics and declarations. Problems in the header are
    /// reported as <see cref="HeaderReadResult.Diagnostics"/>, never thrown; declarations clang
    /// could still make sense of are returned alongside them.
    /// </summary>
    /// <exception cref="DllNotFoundException">The native libclang library could not be loaded.</exception>
    public static HeaderReadResult Read(HeaderReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The path is made absolute so the macro-evaluation unit can include the header from
        // anywhere, and so both units name an in-memory header the same way.
        string path = Path.GetFullPath(options.FilePath);
        List<InMemoryFile> files = [.. options.InMemoryFiles];
        if (options.Contents is { } contents)
        {
            files.Add(new InMemoryFile(path, contents));
        }

        List<string> arguments = ClangArguments.Build(options);
        using ClangIndex index = ClangIndex.Create();
        (TranslationUnit? unit, CXErrorCode error) = TranslationUnit.Parse(index, path, arguments, files, ParseFlags);
        if (unit is null)
        {
            HeaderDiagnostic failure = new(
                HeaderDiagnosticSeverity.Fatal,
                $"libclang could not parse '{path}' ({error}); check that the file exists and the arguments are valid",
                null);
            return new HeaderReadResult([failure], [], [], [], [], []);
        }

        DeclarationReader declarations = new(options.Scope);
        ImmutableArray<HeaderDiagnostic> diagnostics;
        using (unit)
        {
            diagnostics = [.. unit.ReadDiagnostics()];
            declarations.Read(unit);
        }

        ImmutableArray<HeaderMacro> macros = options.EvaluateMacros && declarations.MacroCandidates.Count > 0
            ? [.. MacroEvaluator.Evaluate(index, path, arguments, files, declarations.MacroCandidates)]
            : [];
        return new HeaderReadResult(diagnostics, declarations.Functions, declarations.Records, declarations.Enums, declarations.Typedefs, macros)
        {
            MacroNames = declarations.MacroNames,
            Variables = declarations.Variables,
        };
    }
}
