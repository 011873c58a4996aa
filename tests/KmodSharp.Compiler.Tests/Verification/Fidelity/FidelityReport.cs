using System.Collections.Immutable;
using System.Linq;
using System.Text;

namespace KmodSharp.Compiler.Tests.Verification.Fidelity;

/// <summary>What kind of declaration a fidelity finding is about.</summary>
public enum FidelityKind
{
    Function,
    Macro,
    EnumConstant,
    Typedef,
    Record,
    KernelApi,
    Parse,
}

/// <summary>One way our header differs from FreeBSD's.</summary>
/// <param name="Kind">What was compared.</param>
/// <param name="Name">The declaration (<c>copyin</c>, <c>struct sysent</c>, <c>struct thread.td_proc</c>).</param>
/// <param name="OurFile">Our header and line, relative to our include folder (<c>sys/systm.h:61</c>).</param>
/// <param name="Ours">Our side, as C spells it.</param>
/// <param name="Real">FreeBSD's side, with its file and line when it has one.</param>
public sealed record FidelityDifference(FidelityKind Kind, string Name, string OurFile, string Ours, string Real)
{
    public override string ToString() => $"{OurFile}: {Kind} {Name}: ours {Ours}; FreeBSD {Real}";
}

/// <summary>How many declarations of each kind were compared.</summary>
public sealed record FidelityCounts(int Functions, int Macros, int EnumConstants, int Typedefs, int FullRecords, int PartialRecords, int Fields, int KernelApiEntries)
{
    public override string ToString() =>
        $"{Functions} functions, {Macros} macros, {EnumConstants} enum constants, {Typedefs} typedefs, " +
        $"{FullRecords} full struct layouts + {PartialRecords} partial structs ({Fields} fields), {KernelApiEntries} kernel API entries";
}

/// <summary>The outcome of comparing our headers with a FreeBSD tree.</summary>
/// <param name="TargetTriple">The clang target both sides were read with.</param>
/// <param name="Counts">How many declarations were compared.</param>
/// <param name="Differences">Every difference that counts; none when our headers match.</param>
/// <param name="Notes">Findings that are not differences of type or value (a function of ours is a macro in FreeBSD).</param>
/// <param name="Expected">
/// Differences from a tree older than the FreeBSD our headers model that
/// <see cref="ExpectedVersionDifferences"/> lists, each with its reason; they do not count.
/// </param>
public sealed record FidelityReport(string TargetTriple, FidelityCounts Counts, ImmutableArray<FidelityDifference> Differences, ImmutableArray<string> Notes, ImmutableArray<ExpectedFidelityDifference> Expected)
{
    /// <summary>No difference counts (expected version differences aside).</summary>
    public bool Identical => Differences.IsEmpty;

    /// <summary>The counts, then one difference a line, then the expected version differences and the notes.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append(TargetTriple).Append(": compared ").Append(Counts).Append("; ")
            .Append(Differences.Length).Append(" difference(s), ")
            .Append(Expected.Length).AppendLine(" expected version difference(s)");
        foreach (FidelityDifference difference in Differences.OrderBy(d => d.OurFile, System.StringComparer.Ordinal))
        {
            text.Append("  ").AppendLine(difference.ToString());
        }

        if (!Expected.IsEmpty)
        {
            text.Append(Expected.Length).Append(" expected version difference(s): our headers model FreeBSD ")
                .Append(ExpectedVersionDifferences.ModelledVersion / 100000).AppendLine(", this tree is older");
        }

        foreach (ExpectedFidelityDifference expected in Expected.OrderBy(d => d.Difference.OurFile, System.StringComparer.Ordinal))
        {
            text.Append("  expected: ").AppendLine(expected.ToString());
        }

        text.Append(Notes.Length).AppendLine(" note(s)");
        foreach (string note in Notes.Order(System.StringComparer.Ordinal))
        {
            text.Append("  note: ").AppendLine(note);
        }

        return text.ToString();
    }
}
