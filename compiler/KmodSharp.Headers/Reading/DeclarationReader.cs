using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>
/// Walks a translation unit's top-level cursors and builds the declaration model. Declarations
/// seen more than once (redeclarations, forward declarations) are merged into one entry.
/// </summary>
internal sealed class DeclarationReader(HeaderScope scope)
{
    private readonly TypeReader types = new();
    private readonly OrderedDictionary<string, HeaderFunction> functions = [];
    private readonly OrderedDictionary<string, HeaderRecord> records = [];
    private readonly OrderedDictionary<string, HeaderEnum> enums = [];
    private readonly OrderedDictionary<string, HeaderTypedef> typedefs = [];
    private readonly OrderedDictionary<string, HeaderSourceLocation> macroCandidates = [];
    private readonly OrderedDictionary<string, bool> macroNames = [];
    private readonly OrderedDictionary<string, bool> variables = [];

    internal ImmutableArray<HeaderFunction> Functions => [.. functions.Values];

    internal ImmutableArray<HeaderRecord> Records => [.. records.Values];

    internal ImmutableArray<HeaderEnum> Enums => [.. enums.Values];

    internal ImmutableArray<HeaderTypedef> Typedefs => [.. typedefs.Values];

    /// <summary>Object-like, non-builtin macros in scope, by name (a redefinition keeps the last location).</summary>
    internal IReadOnlyList<KeyValuePair<string, HeaderSourceLocation>> MacroCandidates => [.. macroCandidates];

    /// <summary>Every non-builtin macro in scope, object-like or function-like.</summary>
    internal ImmutableArray<HeaderMacroName> MacroNames => [.. macroNames.Select(m => new HeaderMacroName(m.Key, m.Value))];

    /// <summary>File-scope variables declared in scope (<c>extern int hz;</c>).</summary>
    internal ImmutableArray<string> Variables => [.. variables.Keys];

    /// <summary>Reads every declaration in scope.</summary>
    internal void Read(TranslationUnit unit)
    {
        foreach (CXCursor cursor in Children.Of(unit.Cursor))
        {
            if (InScope(cursor))
            {
                Visit(cursor, unit);
            }
        }
    }

    private void Visit(CXCursor cursor, TranslationUnit unit)
    {
        switch (cursor.Kind)
        {
            case CXCursorKind.FunctionDecl:
                AddFunction(cursor);
                break;
            case CXCursorKind.StructDecl or CXCursorKind.UnionDecl:
                AddRecord(cursor);

                // C gives tags declared inside a struct file scope, and anonymous members need
                // their own layout, so nested tag declarations are read as top-level ones.
                foreach (CXCursor child in Children.Of(cursor))
                {
                    if (child.Kind is CXCursorKind.StructDecl or CXCursorKind.UnionDecl or CXCursorKind.EnumDecl)
                    {
                        Visit(child, unit);
                    }
                }

                break;
            case CXCursorKind.EnumDecl:
                AddEnum(cursor);
                break;
            case CXCursorKind.TypedefDecl:
                string name = LibClang.GetCursorSpelling(cursor);
                typedefs.TryAdd(name, new HeaderTypedef(name, types.Read(LibClang.clang_getTypedefDeclUnderlyingType(cursor)), Locations.Of(cursor)));
                break;
            case CXCursorKind.VarDecl:
                variables.TryAdd(LibClang.GetCursorSpelling(cursor), true);
                break;
            case CXCursorKind.MacroDefinition when LibClang.clang_Cursor_isMacroBuiltin(cursor) == 0:
                bool functionLike = LibClang.clang_Cursor_isMacroFunctionLike(cursor) != 0;
                macroNames[LibClang.GetCursorSpelling(cursor)] = functionLike;
                if (!functionLike)
                {
                    AddMacroCandidate(cursor, unit);
                }

                break;
        }
    }

    private void AddMacroCandidate(CXCursor cursor, TranslationUnit unit)
    {
        // A redefinition replaces the earlier candidate, even with a body that is no expression.
        string macro = LibClang.GetCursorSpelling(cursor);
        macroCandidates.Remove(macro);
        if (MacroBodies.CouldBeExpression(unit.Tokenize(cursor)))
        {
            macroCandidates.Add(macro, Locations.Of(cursor));
        }
    }

    private void AddFunction(CXCursor cursor)
    {
        string name = LibClang.GetCursorSpelling(cursor);
        bool isDefinition = LibClang.clang_isCursorDefinition(cursor) != 0;
        if (functions.TryGetValue(name, out HeaderFunction? known))
        {
            functions[name] = known with { IsDefinition = known.IsDefinition || isDefinition };
            return;
        }

        int count = LibClang.clang_Cursor_getNumArguments(cursor);
        ImmutableArray<HeaderParameter>.Builder parameters = ImmutableArray.CreateBuilder<HeaderParameter>(count < 0 ? 0 : count);
        for (uint i = 0; i < count; i++)
        {
            CXCursor parameter = LibClang.clang_Cursor_getArgument(cursor, i);
            parameters.Add(new HeaderParameter(LibClang.GetCursorSpelling(parameter), types.Read(LibClang.clang_getCursorType(parameter))));
        }

        functions.Add(name, new HeaderFunction(
            name,
            types.Read(LibClang.clang_getCursorResultType(cursor)),
            parameters.MoveToImmutable(),
            LibClang.clang_isFunctionTypeVariadic(LibClang.clang_getCursorType(cursor)) != 0,
            LibClang.clang_Cursor_getStorageClass(cursor) switch
            {
                CXStorageClass.None => HeaderStorageClass.None,
                CXStorageClass.Extern => HeaderStorageClass.Extern,
                CXStorageClass.Static => HeaderStorageClass.Static,
                _ => HeaderStorageClass.Other,
            },
            LibClang.clang_Cursor_isFunctionInlined(cursor) != 0,
            isDefinition,
            Locations.Of(cursor)));
    }

    private void AddRecord(CXCursor cursor)
    {
        // A forward declaration is read through its definition when the unit has one anywhere,
        // so a tag declared in scope but defined in an included header still gets its layout.
        CXCursor definition = LibClang.clang_getCursorDefinition(cursor);
        HeaderRecord record = RecordReader.Read(LibClang.clang_Cursor_isNull(definition) == 0 ? definition : cursor, types);
        if (!records.TryGetValue(record.Spelling, out HeaderRecord? known) || (record.IsComplete && !known.IsComplete))
        {
            records[record.Spelling] = record;
        }
    }

    private void AddEnum(CXCursor cursor)
    {
        if (LibClang.clang_isCursorDefinition(cursor) == 0)
        {
            return;
        }

        HeaderType integerType = types.Read(LibClang.clang_getEnumDeclIntegerType(cursor));
        bool isUnsigned = integerType.StripTypedefs() is HeaderBuiltinType { IsSigned: false };
        ImmutableArray<HeaderEnumConstant> constants =
        [
            .. Children.Of(cursor)
                .Where(c => c.Kind == CXCursorKind.EnumConstantDecl)
                .Select(c => new HeaderEnumConstant(
                    LibClang.GetCursorSpelling(c),
                    isUnsigned ? unchecked((long)LibClang.clang_getEnumConstantDeclUnsignedValue(c)) : LibClang.clang_getEnumConstantDeclValue(c))),
        ];
        string spelling = LibClang.GetTypeSpelling(LibClang.clang_getCanonicalType(LibClang.clang_getCursorType(cursor)));
        enums.TryAdd(spelling, new HeaderEnum(DeclarationNames.TagName(cursor, spelling), spelling, integerType, constants, Locations.Of(cursor)));
    }

    private bool InScope(CXCursor cursor)
    {
        CXSourceLocation location = LibClang.clang_getCursorLocation(cursor);
        return scope switch
        {
            HeaderScope.MainFile => LibClang.clang_Location_isFromMainFile(location) != 0,
            HeaderScope.NonSystemFiles => LibClang.clang_Location_isInSystemHeader(location) == 0 && IsInFile(location),
            _ => IsInFile(location),
        };
    }

    // Builtin declarations (__builtin_va_list, __int128_t) and command-line macros have no file,
    // or a pseudo-file such as "<built-in>" or "<command line>".
    private static bool IsInFile(CXSourceLocation location) =>
        Locations.Read(location) is { } known && !known.File.StartsWith('<');
}
