using System.Collections.Immutable;
using System.Globalization;
using KmodSharp.Compiler.Tools.Simulation;
using KmodSharp.Compiler.Tools.Verification;

namespace KmodSharp.Bench.CodeGen;

/// <summary>
/// A module source compiled as <c>bsd.kmod.mk</c> compiles it for amd64 (clang, FreeBSD target,
/// kern.mk's flags, <c>-O2</c>), against a real tree when <c>FREEBSD_SYSDIR</c> is set or the
/// host harness headers otherwise; its functions' machine-code sizes read from the symbol table.
/// </summary>
internal static class KernelObject
{
    public const string Clang = "clang-16";

    /// <summary>Function name → <c>.text</c> bytes of the compiled <paramref name="source"/>.</summary>
    public static ImmutableDictionary<string, int> FunctionSizes(string source, string scratch)
    {
        string? sysdir = Environment.GetEnvironmentVariable("FREEBSD_SYSDIR");
        using KernelHeaders headers = sysdir is { Length: > 0 } ? KernelHeaders.FreeBsd(sysdir) : KernelHeaders.Host();
        string obj = Path.Combine(scratch, Path.GetFileNameWithoutExtension(source) + ".o");
        var arguments = headers.Options(source, null).ClangArguments().Concat(["-c", "-o", obj, source]);
        ProcessOutcome compiled = ProcessRunner.Run(Clang, arguments);
        if (compiled.ExitCode != 0)
        {
            throw new InvalidOperationException($"{source} does not compile for the kernel:\n{compiled.Stderr}");
        }

        return ReadFunctionSizes(obj);
    }

    /// <summary>Which headers <see cref="FunctionSizes"/> compiles against, for the report.</summary>
    public static string HeadersDescription =>
        Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } sysdir ? sysdir : "the host harness headers (set FREEBSD_SYSDIR for a real tree)";

    private static ImmutableDictionary<string, int> ReadFunctionSizes(string obj)
    {
        ProcessOutcome symbols = ProcessRunner.Run("readelf", ["-sW", obj]);
        var sizes = ImmutableDictionary.CreateBuilder<string, int>();

        // "  Num:    Value          Size Type    Bind   Vis      Ndx Name"
        foreach (string line in symbols.Stdout.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 8 && fields[3] == "FUNC")
            {
                sizes[fields[7]] = int.Parse(fields[2], CultureInfo.InvariantCulture);
            }
        }

        return sizes.ToImmutable();
    }
}
