using System.Collections.Generic;
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
        foreach (CRecord record in ours.Records.Where(r => Mine(r.Location) && r.IsComplete && !r.IsAnonymous))
        {
            CRecord? theirs = real.Records.FirstOrDefault(r => r.Spelling == record.Spelling && r.IsComplete);
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
    private void CompareFieldTypes(string name, CRecord mine, CRecord theirs)
    {
        CStructLayout ourLayout = LayoutBuilder(ours, mine);
        CStructLayout realLayout = LayoutBuilder(real, theirs);
        foreach (CFieldLayout field in ourLayout.Fields)
        {
            fields++;
            CFieldLayout? other = realLayout.Fields.FirstOrDefault(f => f.Name == field.Name);
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

    private void CompareLayouts(string name, CRecord mine, CRecord theirs)
    {
        string where = Place(mine.Location);
        if (mine.Size != theirs.Size || mine.Alignment != theirs.Alignment)
        {
            differences.Add(new(FidelityKind.Record, name, where, $"size {mine.Size}, align {mine.Alignment}", $"size {theirs.Size}, align {theirs.Alignment} ({Place(theirs.Location)})"));
        }

        CStructLayout ourLayout = LayoutBuilder(ours, mine);
        CStructLayout realLayout = LayoutBuilder(real, theirs);
        foreach (CFieldLayout field in ourLayout.Fields)
        {
            fields++;
            CFieldLayout? other = realLayout.Fields.FirstOrDefault(f => f.Name == field.Name);
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

        foreach (CFieldLayout other in realLayout.Fields.Where(f => ourLayout.Fields.All(o => o.Name != f.Name)))
        {
            differences.Add(new(FidelityKind.Record, $"{name}.{other.Name}", where, "has no such field", $"{HeaderFidelity.Canonical(other.Type)} at {Offset(other)}"));
        }
    }

    private void CompareFieldType(string name, string where, CFieldLayout field, CFieldLayout other)
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

    private static CRecord? AnonymousRecord(HeaderReadResult result, CType type) =>
        type.StripTypedefs() is CRecordRefType { IsAnonymous: true }
            ? result.Records.FirstOrDefault(r => r.Spelling == type.StripTypedefs().CanonicalSpelling && r.IsComplete)
            : null;

    private static CStructLayout LayoutBuilder(HeaderReadResult result, CRecord record) =>
        result.FindLayout(record.Spelling) ?? new CStructLayout(record.Spelling, record, record.Size, record.Alignment, []);

    private static string Offset(CFieldLayout field) =>
        field.BitWidth is { } width ? $"bit {field.OffsetBits} (width {width})" : $"offset {field.OffsetBytes}";
}
