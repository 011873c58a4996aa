using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tools.Verification;

/// <summary>What a verification found, and how long clang took.</summary>
public sealed record VerifyResult(string FileName, ImmutableArray<KmsDiagnostic> Diagnostics, TimeSpan Elapsed)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Compiles a module's generated C in-process with libclang against kernel headers (a real
/// FreeBSD tree, or the host harness's) with the flags bsd.kmod.mk uses, and turns clang's
/// messages into <c>KMS0950</c> diagnostics. The C carries <c>#line</c> directives, so a message
/// about a translated statement points at its C# line.
/// </summary>
public static partial class ModuleVerifier
{
    /// <summary>The generated C does not compile against the FreeBSD headers.</summary>
    public const string DiagnosticId = KmodSharp.Analyzers.DiagnosticIds.GeneratedCDoesNotCompile;

    /// <summary>Verifies the module's <c>&lt;module&gt;.c</c>.</summary>
    public static VerifyResult Verify(ModuleArtifacts module, KernelHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(module);
        string fileName = module.ModuleName + ".c";
        return Verify(fileName, module[fileName].Text, headers);
    }

    /// <summary>Verifies C text named <paramref name="fileName"/> (as <c>make</c> would compile it from the module folder).</summary>
    public static VerifyResult Verify(string fileName, string source, KernelHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (Match include in OptionInclude().Matches(source))
        {
            headers.AddOptionHeader(include.Groups[1].Value);
        }

        // The file is handed to clang from memory, as if it sat in the object directory.
        string path = Path.Combine(headers.ObjectDirectory, Path.GetFileName(fileName));
        var clock = Stopwatch.StartNew();
        HeaderReadResult result = HeaderReader.Read(headers.Options(path, source));
        ImmutableArray<string> missing = MissingOptionHeaders(result);
        if (!missing.IsEmpty)
        {
            // A header asked for an option file the source did not name: bsd.kmod.mk would need
            // it in SRCS; create it empty and compile again rather than stop at the first.
            foreach (string option in missing)
            {
                headers.AddOptionHeader(option);
            }

            result = HeaderReader.Read(headers.Options(path, source));
        }

        clock.Stop();
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity is HeaderDiagnosticSeverity.Warning or HeaderDiagnosticSeverity.Error or HeaderDiagnosticSeverity.Fatal)
            .Select(d => Convert(d, path, fileName, headers))
            .ToImmutableArray();
        return new VerifyResult(fileName, diagnostics, clock.Elapsed);
    }

    private static KmsDiagnostic Convert(HeaderDiagnostic diagnostic, string path, string fileName, KernelHeaders headers)
    {
        SourceRef? location = diagnostic.Location is { } at
            ? new SourceRef(at.File == path ? fileName : at.File, at.Line, at.Column)
            : null;
        string message = $"the generated C does not compile against {headers.Description}: {diagnostic.Message}";
        return new KmsDiagnostic(DiagnosticId, diagnostic.IsError ? KmsSeverity.Error : KmsSeverity.Warning, message, location);
    }

    private static ImmutableArray<string> MissingOptionHeaders(HeaderReadResult result) =>
    [
        .. result.Diagnostics
            .Select(d => MissingOption().Match(d.Message))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(),
    ];

    [GeneratedRegex(@"^\s*#\s*include\s*[""<](opt_\w+\.h)["">]", RegexOptions.Multiline)]
    private static partial Regex OptionInclude();

    [GeneratedRegex(@"^'(opt_\w+\.h)' file not found")]
    private static partial Regex MissingOption();
}
