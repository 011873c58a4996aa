using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Builds the <see cref="HeaderType"/> model from libclang types of one translation unit.</summary>
internal sealed class TypeReader
{
    // Header types repeat a lot (every size_t parameter); caching by the type's spelling pair
    // is safe because within one unit equal spellings denote the same type.
    private readonly Dictionary<(string Spelling, string Canonical, CXTypeKind Kind), HeaderType> cache = [];

    /// <summary>Reads <paramref name="type"/> and everything it refers to (pointees, elements, typedef chains).</summary>
    internal HeaderType Read(CXType type)
    {
        CXType canonicalType = LibClang.clang_getCanonicalType(type);
        if (type.Kind == CXTypeKind.Auto)
        {
            // A deduced type (__auto_type) is reported as what it was deduced to.
            return Read(canonicalType);
        }

        string spelling = LibClang.GetTypeSpelling(type);
        string canonical = LibClang.GetTypeSpelling(canonicalType);
        var key = (spelling, canonical, type.Kind);
        if (cache.TryGetValue(key, out HeaderType? cached))
        {
            return cached;
        }

        HeaderType described = Describe(type, canonicalType, spelling, canonical);

        // clang answers sizeof for function types with GCC's 1; C has no such size.
        bool hasSize = described is not HeaderFunctionType;
        HeaderType result = described with
        {
            Spelling = spelling,
            CanonicalSpelling = canonical,
            Qualifiers = ReadQualifiers(type),
            Size = hasSize ? NonNegative(LibClang.clang_Type_getSizeOf(type)) : null,
            Alignment = hasSize ? NonNegative(LibClang.clang_Type_getAlignOf(type)) : null,
        };
        cache[key] = result;
        return result;
    }

    private HeaderType Describe(CXType type, CXType canonicalType, string spelling, string canonical)
    {
        switch (type.Kind)
        {
            case CXTypeKind.Elaborated:
                return Read(LibClang.clang_Type_getNamedType(type)) with { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.Attributed:
                return Read(LibClang.clang_Type_getModifiedType(type)) with { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.Unexposed when canonicalType.Kind is not CXTypeKind.Unexposed:
                return Read(canonicalType) with { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.Pointer:
                return new HeaderPointerType(Read(LibClang.clang_getPointeeType(type))) { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.ConstantArray:
                return new HeaderArrayType(Read(LibClang.clang_getArrayElementType(type)), LibClang.clang_getArraySize(type)) { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.IncompleteArray or CXTypeKind.VariableArray:
                return new HeaderArrayType(Read(LibClang.clang_getArrayElementType(type)), null) { Spelling = spelling, CanonicalSpelling = canonical };
            case CXTypeKind.Record:
                {
                    CXCursor declaration = LibClang.clang_getTypeDeclaration(type);
                    HeaderRecordKind kind = declaration.Kind == CXCursorKind.UnionDecl ? HeaderRecordKind.Union : HeaderRecordKind.Struct;
                    string name = DeclarationNames.TagName(declaration, canonical);
                    return new HeaderRecordRefType(kind, name, name.Length == 0) { Spelling = spelling, CanonicalSpelling = canonical };
                }

            case CXTypeKind.Enum:
                {
                    string name = DeclarationNames.TagName(LibClang.clang_getTypeDeclaration(type), canonical);
                    return new HeaderEnumRefType(name, name.Length == 0) { Spelling = spelling, CanonicalSpelling = canonical };
                }

            case CXTypeKind.Typedef:
                {
                    CXCursor declaration = LibClang.clang_getTypeDeclaration(type);
                    HeaderType underlying = Read(LibClang.clang_getTypedefDeclUnderlyingType(declaration));
                    return new HeaderTypedefRefType(LibClang.GetCursorSpelling(declaration), underlying) { Spelling = spelling, CanonicalSpelling = canonical };
                }

            case CXTypeKind.FunctionProto or CXTypeKind.FunctionNoProto:
                return ReadFunction(type) with { Spelling = spelling, CanonicalSpelling = canonical };
            default:
                return BuiltinTypes.TryDescribe(type.Kind) is { } builtin
                    ? new HeaderBuiltinType(builtin.Kind, builtin.IsSigned) { Spelling = spelling, CanonicalSpelling = canonical }
                    : new HeaderOtherType((int)type.Kind) { Spelling = spelling, CanonicalSpelling = canonical };
        }
    }

    private HeaderFunctionType ReadFunction(CXType type)
    {
        int count = LibClang.clang_getNumArgTypes(type);
        ImmutableArray<HeaderType>.Builder parameters = ImmutableArray.CreateBuilder<HeaderType>(count < 0 ? 0 : count);
        for (uint i = 0; i < count; i++)
        {
            parameters.Add(Read(LibClang.clang_getArgType(type, i)));
        }

        return new HeaderFunctionType(
            Read(LibClang.clang_getResultType(type)),
            parameters.MoveToImmutable(),
            LibClang.clang_isFunctionTypeVariadic(type) != 0,
            type.Kind == CXTypeKind.FunctionProto)
        {
            // Read overwrites both with the spelling of the type the function was reached through.
            Spelling = string.Empty,
            CanonicalSpelling = string.Empty,
        };
    }

    private static HeaderQualifiers ReadQualifiers(CXType type)
    {
        HeaderQualifiers qualifiers = HeaderQualifiers.None;
        if (LibClang.clang_isConstQualifiedType(type) != 0)
        {
            qualifiers |= HeaderQualifiers.Const;
        }

        if (LibClang.clang_isVolatileQualifiedType(type) != 0)
        {
            qualifiers |= HeaderQualifiers.Volatile;
        }

        if (LibClang.clang_isRestrictQualifiedType(type) != 0)
        {
            qualifiers |= HeaderQualifiers.Restrict;
        }

        return qualifiers;
    }

    private static long? NonNegative(long value) => value >= 0 ? value : null;
}
