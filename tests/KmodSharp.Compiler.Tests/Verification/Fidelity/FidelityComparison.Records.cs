using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tests.Verification.Fidelity;

/// <summary>Struct and union layouts: size, alignment and every field's offset and type.</summary>
internal sealed partial class FidelityComparison
{
    public void Records(ImmutableArray<string> partial)
    {
        foreach (HeaderRecord record in ours.Records.Where(r => Mine(r.Location) && r.IsComplete && !r.IsAnonymous))
        {
            HeaderRecord? theirs = real.Records.FirstOrDefault(r => r.Spelling == record.Spelling && r.IsComplete);
            if (theirs is null)
            {
                differences.Add(new(FidelityKind.Record, record.Spelling, Place(record.Location), $"complete, {record.Size} bytes", "has no complete definition in the headers we include"));
                continue;
            }

            if (partial.Contains(record.Name))
            {
                partialRecords++;
                CompareFieldTypes(record.Spelling, record, theirs);
            }
            else
            {
                fullRecords++;
                CompareLayouts(record.Spelling, record, theirs);
            }
        }
    }

    // A struct we mirror in part: the fields we declare must exist with the same types; offsets differ by design.
    private void CompareFieldTypes(string name, HeaderRecord mine, HeaderRecord theirs)
    {
        HeaderStructLayout ourLayout = LayoutBuilder(ours, mine);
        HeaderStructLayout realLayout = LayoutBuilder(real, theirs);
        foreach (HeaderFieldLayout field in ourLayout.Fields)
        {
            fields++;
            HeaderFieldLayout? other = realLayout.Fields.FirstOrDefault(f => f.Name == field.Name);
            string where = Place(mine.Location);
            if (other is null)
            {
                differences.Add(new(FidelityKind.Record, $"{name}.{field.Name}", where, HeaderFidelity.Canonical(field.Type), "has no such field"));
            }
            else
            {
                CompareFieldType($"{name}.{field.Name}", where, field, other);
            }
        }
    }

    private void CompareLayouts(string name, HeaderRecord mine, HeaderRecord theirs)
    {
        string where = Place(mine.Location);
        if (mine.Size != theirs.Size || mine.Alignment != theirs.Alignment)
        {
            differences.Add(new(FidelityKind.Record, name, where, $"size {mine.Size}, align {mine.Alignment}", $"size {theirs.Size}, align {theirs.Alignment} ({Place(theirs.Location)})"));
        }

        HeaderStructLayout ourLayout = LayoutBuilder(ours, mine);
        HeaderStructLayout realLayout = LayoutBuilder(real, theirs);
        foreach (HeaderFieldLayout field in ourLayout.Fields)
        {
            fields++;
            HeaderFieldLayout? other = realLayout.Fields.FirstOrDefault(f => f.Name == field.Name);
            if (other is null)
            {
                differences.Add(new(FidelityKind.Record, $"{name}.{field.Name}", where, $"{HeaderFidelity.Canonical(field.Type)} at {Offset(field)}", "has no such field"));
                continue;
            }

            if (field.OffsetBits != other.OffsetBits || field.BitWidth != other.BitWidth)
            {
                differences.Add(new(FidelityKind.Record, $"{name}.{field.Name}", where, $"at {Offset(field)}", $"at {Offset(other)}"));
            }

            CompareFieldType($"{name}.{field.Name}", where, field, other);
        }

        foreach (HeaderFieldLayout other in realLayout.Fields.Where(f => ourLayout.Fields.All(o => o.Name != f.Name)))
        {
            differences.Add(new(FidelityKind.Record, $"{name}.{other.Name}", where, "has no such field", $"{HeaderFidelity.Canonical(other.Type)} at {Offset(other)}"));
        }
    }

    private void CompareFieldType(string name, string where, HeaderFieldLayout field, HeaderFieldLayout other)
    {
        string ourType = HeaderFidelity.Canonical(field.Type);
        string realType = HeaderFidelity.Canonical(other.Type);
        if (ourType != realType)
        {
            differences.Add(new(FidelityKind.Record, name, where, ourType, realType));
        }
        else if (AnonymousRecord(ours, field.Type) is { } mine && AnonymousRecord(real, other.Type) is { } theirs)
        {
            // An unnamed struct or union spells the same on both sides; its own layout still has to match.
            CompareLayouts(name, mine, theirs);
        }
    }

    private static HeaderRecord? AnonymousRecord(HeaderReadResult result, HeaderType type) =>
        type.StripTypedefs() is HeaderRecordRefType { IsAnonymous: true }
            ? result.Records.FirstOrDefault(r => r.Spelling == type.StripTypedefs().CanonicalSpelling && r.IsComplete)
            : null;

    private static HeaderStructLayout LayoutBuilder(HeaderReadResult result, HeaderRecord record) =>
        result.FindLayout(record.Spelling) ?? new HeaderStructLayout(record.Spelling, record, record.Size, record.Alignment, []);

    private static string Offset(HeaderFieldLayout field) =>
        field.BitWidth is { } width ? $"bit {field.OffsetBits} (width {width})" : $"offset {field.OffsetBytes}";
}
