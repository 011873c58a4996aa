using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Reads a struct or union declaration with its fields, offsets and padding.</summary>
internal static class RecordReader
{
    internal static HeaderRecord Read(CXCursor declaration, TypeReader types)
    {
        CXType type = LibClang.clang_getCursorType(declaration);
        long size = LibClang.clang_Type_getSizeOf(type);
        long alignment = LibClang.clang_Type_getAlignOf(type);

        // Layout queries on an incomplete or invalid record would reach clang's layout code
        // with no definition to lay out; such records are reported without fields.
        bool complete = LibClang.clang_isCursorDefinition(declaration) != 0
            && size >= 0
            && LibClang.clang_isInvalidDeclaration(declaration) == 0;
        ImmutableArray<HeaderField> fields = complete ? ReadFields(type, types) : [];
        string spelling = LibClang.GetTypeSpelling(LibClang.clang_getCanonicalType(type));
        return new HeaderRecord(
            declaration.Kind == CXCursorKind.UnionDecl ? HeaderRecordKind.Union : HeaderRecordKind.Struct,
            DeclarationNames.TagName(declaration, spelling),
            spelling,
            complete,
            complete ? size : -1,
            complete ? alignment : -1,
            fields,
            complete ? PaddingOf(fields, size * 8) : [],
            Locations.Of(declaration));
    }

    private static ImmutableArray<HeaderField> ReadFields(CXType recordType, TypeReader types)
    {
        List<CXCursor> cursors = Children.FieldsOf(recordType);
        ImmutableArray<HeaderField>.Builder fields = ImmutableArray.CreateBuilder<HeaderField>(cursors.Count);
        foreach (CXCursor cursor in cursors)
        {
            CXType fieldType = LibClang.clang_getCursorType(cursor);
            bool isBitField = LibClang.clang_Cursor_isBitField(cursor) != 0;
            string name = LibClang.GetCursorSpelling(cursor);
            bool isAnonymousMember = !isBitField
                && LibClang.clang_Cursor_isAnonymousRecordDecl(LibClang.clang_getTypeDeclaration(fieldType)) != 0;
            fields.Add(new HeaderField(
                isAnonymousMember ? string.Empty : name,
                types.Read(fieldType),
                LibClang.clang_Cursor_getOffsetOfField(cursor),
                isBitField ? LibClang.clang_getFieldDeclBitWidth(cursor) : null,
                isAnonymousMember));
        }

        return fields.MoveToImmutable();
    }

    /// <summary>The bit ranges of [0, sizeBits) that no named field or anonymous member covers.</summary>
    internal static ImmutableArray<HeaderPaddingGap> PaddingOf(ImmutableArray<HeaderField> fields, long sizeBits)
    {
        // Unnamed bit-fields hold no data: C uses them only to force padding, so they count as gaps.
        IEnumerable<(long Start, long End)> covered = fields
            .Where(f => f.Name.Length > 0 || f.IsAnonymousMember)
            .Select(f => (f.OffsetBits, f.OffsetBits + f.SizeBits))
            .Where(r => r.Item2 > r.Item1)
            .OrderBy(r => r.Item1);

        ImmutableArray<HeaderPaddingGap>.Builder gaps = ImmutableArray.CreateBuilder<HeaderPaddingGap>();
        long reached = 0;
        foreach ((long start, long end) in covered)
        {
            if (start > reached)
            {
                gaps.Add(new HeaderPaddingGap(reached, start - reached));
            }

            reached = System.Math.Max(reached, end);
        }

        if (sizeBits > reached)
        {
            gaps.Add(new HeaderPaddingGap(reached, sizeBits - reached));
        }

        return gaps.ToImmutable();
    }
}
