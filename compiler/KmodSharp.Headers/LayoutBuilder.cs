using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers.Model;

namespace KmodSharp.Headers;

/// <summary>Flattens a record into the field list a layout query answers with.</summary>
internal static class LayoutBuilder
{
    internal static HeaderStructLayout Build(string name, HeaderRecord record, ImmutableArray<HeaderRecord> records)
    {
        ImmutableArray<HeaderFieldLayout>.Builder fields = ImmutableArray.CreateBuilder<HeaderFieldLayout>();
        AddFields(record, 0, records, fields);
        return new HeaderStructLayout(name, record, record.Size, record.Alignment, fields.ToImmutable());
    }

    private static void AddFields(HeaderRecord record, long baseBits, ImmutableArray<HeaderRecord> records, ImmutableArray<HeaderFieldLayout>.Builder fields)
    {
        foreach (HeaderField field in record.Fields)
        {
            if (field.IsAnonymousMember && Nested(field, records) is { } nested)
            {
                // C names an anonymous member's fields as the parent's own, so they are listed
                // with offsets from the outer record's start.
                AddFields(nested, baseBits + field.OffsetBits, records, fields);
            }
            else if (field.Name.Length > 0)
            {
                fields.Add(new HeaderFieldLayout(field.Name, field.Type, baseBits + field.OffsetBits, field.BitWidth));
            }
        }
    }

    private static HeaderRecord? Nested(HeaderField field, IEnumerable<HeaderRecord> records) =>
        records.FirstOrDefault(r => r.Spelling == field.Type.CanonicalSpelling && r.IsComplete);
}
