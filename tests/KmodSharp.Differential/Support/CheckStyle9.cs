using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace KmodSharp.Differential.Support;

/// <summary>
/// A test that runs FreeBSD's own style checker, <c>tools/build/checkstyle9.pl</c>, named by
/// <c>FREEBSD_CHECKSTYLE9</c> (run from its FreeBSD tree, never copied here). Without it, or
/// without perl, the test is skipped with the reason shown.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckStyle9FactAttribute : FactAttribute
{
    public CheckStyle9FactAttribute() => Skip = CheckStyle9.SkipReason;
}

/// <summary>One complaint of checkstyle9.pl: the line it names, that line's text, and the message.</summary>
public sealed record StyleComplaint(string File, int Line, string Text, string Message)
{
    /// <summary>Up to three lines before the one complained about.</summary>
    public IReadOnlyList<string> Preceding { get; init; } = [];

    public override string ToString() => $"{File}:{Line}: {Message}\n{string.Join("\n", Preceding.Select(l => "  \t" + l))}\n>>\t{Text}";
}

public static class CheckStyle9
{
    public static string? Script => Environment.GetEnvironmentVariable("FREEBSD_CHECKSTYLE9") is { Length: > 0 } value ? value : null;

    public static string? SkipReason =>
        Script is not { } script ? "set FREEBSD_CHECKSTYLE9 to FreeBSD's tools/build/checkstyle9.pl to check the generated C's style"
        : !File.Exists(script) ? $"FREEBSD_CHECKSTYLE9='{script}' does not exist"
        : null;

    // "file:line: ERROR: message" with --terse.
    private static readonly Regex Report = new(@"^(?<file>[^:]+):(?<line>\d+): (?<message>(?:ERROR|WARNING|CHECK): .*)$", RegexOptions.Compiled);

    /// <summary>
    /// Runs the checker on one C file written under a fresh temporary folder (its name must not
    /// contain "/tests/": checkstyle9.pl exempts such paths from the line-length rule).
    /// </summary>
    public static List<StyleComplaint> Run(string fileName, string source)
    {
        string work = Directory.CreateTempSubdirectory("kms-style-").FullName;
        try
        {
            string path = Path.Combine(work, fileName);
            File.WriteAllText(path, source);
            var start = new ProcessStartInfo("perl", [Script!, "--no-color", "--terse", "--no-summary", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("perl did not start");
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(stderr.Trim().Length == 0, $"checkstyle9.pl wrote to stderr:\n{stderr}");
            string[] lines = source.Split('\n');
            return [.. stdout.Split('\n').Select(l => Report.Match(l.Trim())).Where(m => m.Success).Select(m =>
            {
                int line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
                return new StyleComplaint(fileName, line, lines[line - 1], m.Groups["message"].Value)
                {
                    Preceding = lines[System.Math.Max(0, line - 4)..(line - 1)],
                };
            })];
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    // A member of a syscall's argument struct, laid out as makesyscalls lays out sys/sysproto.h's
    // (one line per argument: "char x_l_[PADL_(t)]; t x; char x_r_[PADR_(t)];"), which is over 80
    // columns there too (sys/sysproto.h's struct write_args, struct openat_args).
    private static readonly Regex SysprotoArgument = new(@"^\tchar (\w+)_l_\[KMS_PADL_\(([^\]]+)\)\]; .*\b\1; char \1_r_\[KMS_PADR_\(\2\)\];$", RegexOptions.Compiled);

    /// <summary>Whether a complaint is about a line that mirrors sys/sysproto.h's generated layout.</summary>
    public static bool MirrorsSysproto(StyleComplaint complaint) =>
        complaint.Message.Contains("line over", StringComparison.Ordinal) && SysprotoArgument.IsMatch(complaint.Text);

    // An operator spacing error: the checker took a unary operator (or a pointer declarator's '*') for a binary one.
    private static readonly Regex OperatorSpacing = new(@"^ERROR: spaces required around that '[*&-]' \(ctx:\w+\)$", RegexOptions.Compiled);

    /// <summary>
    /// Whether a complaint may come from the checker not parsing <c>#line</c>: its annotate_values
    /// knows #define, #include, #undef and #if/#else/#endif only, so a <c>#line 5 "x.cs"</c> leaves it
    /// reading the next lines as the middle of an expression. It then takes a statement's leading
    /// unary <c>*</c> for a multiplication, and misses a function header's types (the declaration
    /// after a #line is not seen as one, so a typedef such as u_int is not learnt: its parameters'
    /// <c>*</c>, and a later cast's <c>-</c>, read as binary). Only an operator spacing error within
    /// two lines of a #line qualifies; the caller also requires the same line of the same file
    /// without #line (<see cref="LineWithoutDirectives"/>) to draw no complaint.
    /// </summary>
    public static bool MisreadAfterLineDirective(StyleComplaint complaint) =>
        OperatorSpacing.IsMatch(complaint.Message)
        && complaint.Preceding.TakeLast(2).Any(l => l.StartsWith("#line ", StringComparison.Ordinal));

    /// <summary>The text without its #line directives: the C the lowering writes with them off.</summary>
    public static string WithoutLineDirectives(string source) =>
        string.Join("\n", source.Split('\n').Where(l => !l.StartsWith("#line ", StringComparison.Ordinal)));

    /// <summary>The number the 1-based line <paramref name="line"/> of <paramref name="source"/> has once its #line directives are gone.</summary>
    public static int LineWithoutDirectives(string source, int line) =>
        source.Split('\n').Take(line).Count(l => !l.StartsWith("#line ", StringComparison.Ordinal));
}
