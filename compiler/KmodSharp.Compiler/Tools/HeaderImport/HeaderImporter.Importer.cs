using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tools.HeaderImport;

public static partial class HeaderImporter
{
    /// <summary>One import: walks the requested records and everything their fields need.</summary>
    private sealed class Importer(string header, HeaderReadResult result)
    {
        private readonly List<KmsDiagnostic> diagnostics = [];
        private readonly Dictionary<string, string> structNames = new(StringComparer.Ordinal);
        private readonly List<ImportedStruct> structs = [];
        private readonly Dictionary<string, ImportedEnum> enums = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ImportedInlineArray> arrays = new(StringComparer.Ordinal);

        public ImportedHeader Run(HeaderImportOptions options)
        {
            foreach (HeaderDiagnostic error in result.Diagnostics.Where(d => d.IsError))
            {
                diagnostics.Add(Error("the header does not compile: " + error.Message, error.Location is { } at ? Ref(at) : null));
            }

            if (diagnostics.Count == 0)
            {
                foreach ((HeaderRecord record, string cName) in Roots(options.Structs))
                {
                    Struct(record, cName, Pascal(cName.Split(' ')[^1]));
                }

                foreach (HeaderEnum definition in result.Enums.Where(e => Mine(e.Location) && (!e.IsAnonymous || CNameOfEnum(e) is not null)))
                {
                    Enum(definition);
                }
            }

            ImmutableArray<ImportedConstant> constants = diagnostics.Count == 0 ? Constants() : [];
            return new ImportedHeader(header, options.TargetTriple, [.. structs], [.. arrays.Values], [.. enums.Values], constants, [.. diagnostics]);
        }

        private IEnumerable<(HeaderRecord Record, string CName)> Roots(ImmutableArray<string> requested)
        {
            if (requested.IsEmpty)
            {
                foreach (HeaderRecord record in result.Records.Where(r => Mine(r.Location) && r.IsComplete))
                {
                    if (CName(record) is { } name)
                    {
                        yield return (record, name);
                    }
                }

                yield break;
            }

            foreach (string name in requested)
            {
                if (result.FindRecord(name) is { IsComplete: true } record)
                {
                    yield return (record, CName(record) ?? name);
                }
                else
                {
                    diagnostics.Add(Error($"the header defines no struct or union named '{name}'", new SourceRef(header, 1, 1)));
                }
            }
        }

        // struct tag, union tag, or the typedef naming a tagless record; null for an unnamed member's type.
        private string? CName(HeaderRecord record) =>
            record.Name.Length > 0
                ? $"{(record.Kind == HeaderRecordKind.Union ? "union" : "struct")} {record.Name}"
                : result.Typedefs.FirstOrDefault(t => t.UnderlyingType.StripTypedefs().CanonicalSpelling == record.Spelling)?.Name;

        private string Struct(HeaderRecord record, string? cName, string csName)
        {
            if (structNames.TryGetValue(record.Spelling, out string? known))
            {
                return known;
            }

            structNames[record.Spelling] = csName;
            string owner = cName ?? csName;
            HeaderStructLayout layout = result.FindLayout(record.Spelling)!;
            var fields = new List<ImportedField>();
            long naturalAlignment = 1;
            foreach (HeaderFieldLayout field in layout.Fields)
            {
                if (field.IsBitField)
                {
                    diagnostics.Add(Error($"bit-field '{field.Name}' of {owner} cannot be imported: C# has no bit-fields (declare the field as a whole integer in C)", Ref(record.Location)));
                    continue;
                }

                if (Field(field.Type, field.Name, owner, csName + Pascal(field.Name), Ref(record.Location)) is { } type)
                {
                    fields.Add(new ImportedField(field.Name, field.OffsetBytes, type, field.Type.Spelling));
                    naturalAlignment = Math.Max(naturalAlignment, field.Type.Alignment ?? 1);
                }
            }

            int? pack = record.Alignment < naturalAlignment ? (int)record.Alignment : null;
            structs.Add(new ImportedStruct(csName, cName, record.Kind == HeaderRecordKind.Union, record.Size, record.Alignment, pack, [.. fields], Ref(record.Location)));
            return csName;
        }

        private ImportedFieldType? Field(HeaderType type, string field, string owner, string nestedName, SourceRef where)
        {
            switch (type.StripTypedefs())
            {
                case HeaderBuiltinType builtin when Keyword(builtin) is { } keyword:
                    return new PrimitiveFieldType(keyword);
                case HeaderPointerType:
                    return new PrimitiveFieldType("nuint");
                case HeaderEnumRefType reference when result.Enums.FirstOrDefault(e => e.Spelling == reference.CanonicalSpelling) is { } definition:
                    return new NamedFieldType(Enum(definition));
                case HeaderRecordRefType reference when result.Records.FirstOrDefault(r => r.Spelling == reference.CanonicalSpelling && r.IsComplete) is { } record:
                    string? cName = CName(record);
                    return new NamedFieldType(Struct(record, cName, cName is null ? nestedName : Pascal(cName.Split(' ')[^1])));
                case HeaderArrayType array:
                    return Array(array, field, owner, nestedName, where);
                default:
                    diagnostics.Add(Error($"field '{field}' of {owner} has type '{type.Spelling}', which has no exact C# twin (floating point, 128-bit and incomplete types are not imported)", where));
                    return null;
            }
        }

        private ImportedFieldType? Array(HeaderArrayType array, string field, string owner, string nestedName, SourceRef where)
        {
            long length = 1;
            HeaderType element = array;
            while (element.StripTypedefs() is HeaderArrayType dimension)
            {
                if (dimension.Length is not { } count)
                {
                    diagnostics.Add(Error($"field '{field}' of {owner} is a flexible array member, which has no fixed C# layout", where));
                    return null;
                }

                length *= count;
                element = dimension.Element;
            }

            switch (element.StripTypedefs())
            {
                case HeaderBuiltinType builtin when Keyword(builtin) is { } keyword:
                    return new FixedBufferFieldType(keyword, length);
                case HeaderPointerType pointer:
                    return new FixedBufferFieldType(pointer.Size == 4 ? "uint" : "ulong", length);
            }

            if (Field(element, field, owner, nestedName, where) is not NamedFieldType named)
            {
                return null;
            }

            string name = $"{named.CSharpName}Array{length}";
            arrays.TryAdd(name, new ImportedInlineArray(name, named.CSharpName, length));
            return new NamedFieldType(name);
        }

        private string Enum(HeaderEnum definition)
        {
            string cName = definition.IsAnonymous
                ? result.Typedefs.FirstOrDefault(t => t.UnderlyingType.StripTypedefs().CanonicalSpelling == definition.Spelling)?.Name ?? "anonymous_enum"
                : definition.Name;
            string name = Pascal(cName);
            if (!enums.ContainsKey(name))
            {
                string underlying = definition.IntegerType.StripTypedefs() is HeaderBuiltinType b && Keyword(b) is { } k ? k : "int";
                bool unsigned = underlying is "byte" or "ushort" or "uint" or "ulong";
                enums[name] = new ImportedEnum(name, definition.Spelling, underlying,
                    [.. definition.Constants.Select(c => new ImportedConstant(c.Name, underlying, Literal(c.Value, unsigned, underlying)))]);
            }

            return name;
        }

        private ImmutableArray<ImportedConstant> Constants()
        {
            var constants = new List<ImportedConstant>();
            foreach (HeaderMacro macro in result.Macros.Where(m => Mine(m.Location)))
            {
                if (macro.Type.StripTypedefs() is HeaderBuiltinType builtin && Keyword(builtin) is { } keyword and not "bool")
                {
                    string type = keyword is "sbyte" or "byte" or "short" or "ushort" ? "int" : keyword;
                    constants.Add(new ImportedConstant(macro.Name, type, Literal(macro.Value, macro.IsUnsigned, type)));
                }
            }

            foreach (HeaderEnum definition in result.Enums.Where(e => Mine(e.Location) && e.IsAnonymous && CNameOfEnum(e) is null))
            {
                constants.AddRange(definition.Constants.Select(c => new ImportedConstant(c.Name, "int", Literal(c.Value, false, "int"))));
            }

            return [.. constants];
        }

        private string? CNameOfEnum(HeaderEnum definition) =>
            result.Typedefs.FirstOrDefault(t => t.UnderlyingType.StripTypedefs().CanonicalSpelling == definition.Spelling)?.Name;

        private bool Mine(HeaderSourceLocation location) => Path.GetFullPath(location.File) == header;
    }
}
