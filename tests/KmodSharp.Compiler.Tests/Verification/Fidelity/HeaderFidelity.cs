using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tests.Verification.Fidelity;

/// <summary>
/// Compares the host harness headers with a real FreeBSD tree: one translation unit including
/// every header we ship is read against each side with the same target and kernel defines, and
/// every function prototype, integer macro, enum constant, typedef and struct layout that our
/// headers declare is looked up in FreeBSD's and compared. Structs we only partly mirror
/// (<see cref="PartialRecords"/>) are compared field by field, by type, not by offset. Against a
/// tree older than FreeBSD 15, the differences <see cref="ExpectedVersionDifferences"/> lists are
/// reported apart, as expected.
/// </summary>
public static partial class HeaderFidelity
{
    /// <summary>Structs our headers declare with a subset of FreeBSD's fields.</summary>
    /// <remarks>
    /// <c>struct prison</c> is listed too: our sys/jail.h says it declares the jail "as far as modules
    /// see them", and modules only ever hold a pointer to one.
    /// </remarks>
    public static ImmutableArray<string> PartialRecords { get; } = ["thread", "proc", "ucred", "prison"];

    // Macros whose value depends on where they are expanded (LOCK_LINE is __LINE__).
    private static readonly ImmutableArray<string> PositionDependentMacros = ["LOCK_LINE"];

    // Headers included first, in an order FreeBSD's own headers accept; the rest follow by name.
    private static readonly ImmutableArray<string> IncludeOrder =
    [
        "sys/param.h", "sys/systm.h", "sys/kernel.h", "sys/module.h", "sys/lock.h", "sys/mutex.h", "sys/sx.h",
        "sys/proc.h", "sys/ucred.h", "sys/priv.h", "sys/jail.h", "sys/capsicum.h", "sys/sysent.h", "sys/sysproto.h",
        "sys/malloc.h", "sys/sysctl.h", "sys/sdt.h",
    ];

    /// <summary>Compares every declaration of our headers (<paramref name="ours"/>) with FreeBSD's (<paramref name="real"/>).</summary>
    /// <param name="ours">Our headers, read with the same target as <paramref name="real"/>.</param>
    /// <param name="ourIncludeDirectory">The folder of our headers: what it holds is what is compared.</param>
    /// <param name="real">The FreeBSD tree.</param>
    public static FidelityReport Compare(KernelHeaders ours, string ourIncludeDirectory, KernelHeaders real)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(real);
        string root = Path.GetFullPath(ourIncludeDirectory);
        ImmutableArray<string> headers = HeadersIn(root, real, out ImmutableArray<string> missing);
        string umbrella = Umbrella(headers);
        HeaderReadResult ourResult = Read(ours, umbrella);
        HeaderReadResult realResult = Read(real, umbrella);

        var comparison = new FidelityComparison(root, ourResult, realResult);
        comparison.MissingHeaders(missing);
        comparison.ParseErrors("ours", ourResult);
        comparison.ParseErrors("FreeBSD", realResult);
        comparison.Functions();
        comparison.Macros(PositionDependentMacros);
        comparison.Enums();
        comparison.Typedefs();
        comparison.Records(PartialRecords);
        comparison.KernelApi(KernelApi.Entries);

        // What FreeBSD lacks as a declaration or integer macro may still be a macro of another
        // shape (atomic_add_int, critical_enter, __FreeBSD__): a second read answers, by name.
        ImmutableArray<(string Name, bool IsMacro)> unresolved = comparison.UnresolvedNames();
        if (!unresolved.IsEmpty)
        {
            comparison.ResolveMacros(Read(real, umbrella + Probes(unresolved)));
        }

        // Against a tree older than the FreeBSD our headers model, what FreeBSD changed since is listed and does not count.
        (ImmutableArray<FidelityDifference> differences, ImmutableArray<ExpectedFidelityDifference> expected) =
            ExpectedVersionDifferences.Classify(comparison.Differences, real.FreeBsdVersion);
        return new FidelityReport(real.TargetTriple, comparison.Counts, differences, [.. comparison.Notes], expected);
    }

    /// <summary>Our headers as include names (<c>sys/systm.h</c>), in the umbrella's order; those FreeBSD lacks are left out (and reported).</summary>
    private static ImmutableArray<string> HeadersIn(string root, KernelHeaders real, out ImmutableArray<string> missing)
    {
        var found = Directory.EnumerateFiles(root, "*.h", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .ToList();
        missing = [.. found.Where(h => real.Resolve(h) is null).Order(StringComparer.Ordinal)];
        var all = found.Except(missing).ToHashSet(StringComparer.Ordinal);
        return [.. IncludeOrder.Where(all.Contains), .. all.Except(IncludeOrder).Order(StringComparer.Ordinal)];
    }

    private static string Umbrella(ImmutableArray<string> headers)
    {
        var text = new StringBuilder();
        foreach (string header in headers)
        {
            text.Append("#include <").Append(header).AppendLine(">");
        }

        // Function-like macros are not declarations; an enum constant per macro tells whether it exists.
        foreach (KernelApiEntry entry in KernelApi.Entries.Where(e => e.Kind == KernelApiKind.Macro))
        {
            text.Append("#ifdef ").AppendLine(entry.Name)
                .Append("enum { ").Append(MacroProbePrefix).Append(entry.Name).AppendLine(" = 1 };")
                .AppendLine("#endif");
        }

        return text.ToString();
    }

    internal const string MacroProbePrefix = "kmodsharp_has_macro_";

    internal const string ValueProbePrefix = "kmodsharp_value_of_";

    // For each name: whether it is a macro at all, and (for an object-like one) its value if it has one.
    private static string Probes(ImmutableArray<(string Name, bool IsMacro)> names)
    {
        var text = new StringBuilder();
        foreach ((string name, bool isMacro) in names)
        {
            text.Append("#ifdef ").AppendLine(name)
                .Append("enum { ").Append(MacroProbePrefix).Append(name).AppendLine(" = 1 };");
            if (isMacro)
            {
                text.Append("enum { ").Append(ValueProbePrefix).Append(name).Append(" = (").Append(name).AppendLine(") };");
            }

            text.AppendLine("#endif");
        }

        return text.ToString();
    }

    private static HeaderReadResult Read(KernelHeaders headers, string umbrella) =>
        HeaderReader.Read(headers.Options(
            Path.Combine(headers.ObjectDirectory, "kmodsharp_fidelity.c"),
            umbrella,
            HeaderScope.AllFiles,
            evaluateMacros: true,
            warningsAsErrors: false));

    /// <summary>A type's canonical spelling with the file positions of anonymous records taken out (they differ between trees).</summary>
    internal static string Canonical(HeaderType type) => AnonymousTag().Replace(type.CanonicalSpelling, "(anonymous)");

    /// <summary>A parameter's type as a prototype compares it: top-level qualifiers do not count (C11 6.7.6.3p15).</summary>
    internal static string Unqualified(HeaderType type)
    {
        string spelling = Canonical(type);
        return type.StripTypedefs() is HeaderPointerType
            ? TrailingQualifiers().Replace(spelling, "")
            : LeadingQualifiers().Replace(spelling, "");
    }

    [GeneratedRegex(@"\((?:unnamed|anonymous)(?: (struct|union|enum))? at [^)]*\)")]
    private static partial Regex AnonymousTag();

    [GeneratedRegex(@"(\s*\b(const|volatile|restrict)\b)+$")]
    private static partial Regex TrailingQualifiers();

    [GeneratedRegex(@"^((const|volatile|restrict)\s+)+")]
    private static partial Regex LeadingQualifiers();
}
