using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers.Model;

namespace KmodSharp.Headers;

/// <summary>Flattens a record into the field list a layout query answers with.</summary>
internal static class LayoutBuilder
{
    internal static CStructLayout Build(string name, CRecord record, ImmutableArray<CRecord> records)
    {
        ImmutableArray<CFieldLayout>.Builder fields = ImmutableArray.CreateBuilder<CFieldLayout>();
        AddFields(record, 0, records, fields);
        return new CStructLayout(name, record, record.Size, record.Alignment, fields.ToImmutable());
    }

    private static void AddFields(CRecord record, long baseBits, ImmutableArray<CRecord> records, ImmutableArray<CFieldLayout>.Builder fields)
    {
        foreach (CField field in record.Fields)
        {
            if (field.IsAnonymousMember && Nested(field, records) is { } nested)
            {
                // C names an anonymous member's fields as the parent's own, so they are listed
                // with offsets from the outer record's start.
                AddFields(nested, baseBits + field.OffsetBits, records, fields);
            }
            else if (field.Name.Length > 0)
            {
                fields.Add(new CFieldLayout(field.Name, field.Type, baseBits + field.OffsetBits, field.BitWidth));
            }
        }
    }

    private static CRecord? Nested(CField field, IEnumerable<CRecord> records) =>
        records.FirstOrDefault(r => r.Spelling == field.Type.CanonicalSpelling && r.IsComplete);
}
