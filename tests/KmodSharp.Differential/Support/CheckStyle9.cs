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
public sealed record StyleComplaint(string File, int Line, string Text, string Previous, string Message)
{
    /// <summary>The lines before the one complained about, for the reader of a failure.</summary>
    public string Context { get; init; } = "";

    public override string ToString() => $"{File}:{Line}: {Message}\n{Context}\n>>\t{Text}";
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
                return new StyleComplaint(fileName, line, lines[line - 1], line > 1 ? lines[line - 2] : "", m.Groups["message"].Value)
                {
                    Context = string.Join("\n", lines[System.Math.Max(0, line - 4)..(line - 1)].Select(l => "  \t" + l)),
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

    /// <summary>
    /// Whether a complaint comes from the checker not parsing <c>#line</c>: its annotate_values knows
    /// #define, #include, #undef and #if/#else/#endif only, so after <c>#line 5 "x.cs"</c> it reads a
    /// statement's leading unary <c>*</c> as a multiplication. The same file without #line is checked too.
    /// </summary>
    public static bool MisreadAfterLineDirective(StyleComplaint complaint) =>
        complaint.Previous.StartsWith("#line ", StringComparison.Ordinal)
        && complaint.Message.Contains("spaces required around that '*' (ctx:ExV)", StringComparison.Ordinal)
        && complaint.Text.TrimStart('\t').StartsWith('*');
}
