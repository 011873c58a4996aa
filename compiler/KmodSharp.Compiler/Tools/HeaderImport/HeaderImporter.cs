using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Diagnostics;
using KmodSharp.Compiler.Pipeline.Model;
using KmodSharp.Headers;
using KmodSharp.Headers.Model;

namespace KmodSharp.Compiler.Tools.HeaderImport;

/// <summary>What to import and how to read the header.</summary>
public sealed record HeaderImportOptions
{
    /// <summary>The C header.</summary>
    public required string HeaderPath { get; init; }

    /// <summary>Structs to import (tag, <c>struct tag</c> or typedef name); empty imports every struct the header defines.</summary>
    public ImmutableArray<string> Structs { get; init; } = [];

    /// <summary>The clang target whose layout the C# mirrors: FreeBSD amd64, where the kernel and userland meet.</summary>
    public string TargetTriple { get; init; } = "x86_64-unknown-freebsd15.0";

    /// <summary>Further include directories (<c>-I</c>); the header's own folder is searched first.</summary>
    public ImmutableArray<string> IncludeDirectories { get; init; } = [];
}

/// <summary>
/// Reads a C header with libclang and turns its structs, enums and integer macros into C#
/// declarations whose layout is clang's: explicit offsets, <c>fixed</c> buffers for arrays of
/// primitives, <c>[InlineArray]</c> structs for other arrays, nested structs as fields.
/// Anything C# cannot mirror exactly (bit-fields, floating point, flexible arrays) is an error.
/// </summary>
public static partial class HeaderImporter
{
    /// <summary>The header cannot be imported as C# (<c>import-header</c>).</summary>
    public const string DiagnosticId = KmodSharp.Analyzers.DiagnosticIds.HeaderNotImportable;

    /// <exception cref="FileNotFoundException">The header does not exist.</exception>
    public static ImportedHeader Import(HeaderImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string header = Path.GetFullPath(options.HeaderPath);
        if (!File.Exists(header))
        {
            throw new FileNotFoundException($"header not found: '{options.HeaderPath}'", options.HeaderPath);
        }

        DirectoryInfo scratch = Directory.CreateTempSubdirectory("kmodsharp-import-");
        HeaderReadResult result;
        try
        {
            FreestandingHeaders.WriteTo(scratch.FullName);
            result = HeaderReader.Read(new HeaderReadOptions
            {
                FilePath = header,
                TargetTriple = options.TargetTriple,
                NoStandardIncludes = true,
                Freestanding = true,
                IncludeDirectories = [Path.GetDirectoryName(header)!, .. options.IncludeDirectories],
                SystemIncludeDirectories = [scratch.FullName],
                Scope = HeaderScope.AllFiles,
            });
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        var importer = new Importer(header, result);
        return importer.Run(options);
    }

    private static SourceRef Ref(HeaderSourceLocation location) => new(location.File, location.Line, location.Column);

    private static KmsDiagnostic Error(string message, SourceRef? location) => new(DiagnosticId, KmsSeverity.Error, message, location);

    /// <summary>C names to C# type names: <c>foo_bar_t</c> → <c>FooBar</c>.</summary>
    internal static string Pascal(string name)
    {
        string trimmed = name.EndsWith("_t", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
        string joined = string.Concat(trimmed.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return joined.Length == 0 ? "Anonymous" : joined;
    }

    internal static string Literal(long value, bool unsigned, string keyword) => keyword switch
    {
        _ when unsigned => unchecked((ulong)value).ToString(CultureInfo.InvariantCulture) + (keyword == "ulong" ? "UL" : keyword == "uint" ? "U" : ""),
        "int" when value == int.MinValue => "int.MinValue",
        "long" when value == long.MinValue => "long.MinValue",
        "long" => value.ToString(CultureInfo.InvariantCulture) + "L",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The C# keyword for an integer (or <c>bool</c>) builtin, or null for floating point and 128-bit types.</summary>
    internal static string? Keyword(HeaderBuiltinType type) => type.Kind switch
    {
        HeaderBuiltinKind.Bool => "bool",
        HeaderBuiltinKind.Char or HeaderBuiltinKind.SignedChar or HeaderBuiltinKind.UnsignedChar => type.IsSigned ? "sbyte" : "byte",
        HeaderBuiltinKind.Char16 => "ushort",
        HeaderBuiltinKind.WChar or HeaderBuiltinKind.Char32 => type.IsSigned ? "int" : "uint",
        HeaderBuiltinKind.Short or HeaderBuiltinKind.UnsignedShort => type.IsSigned ? "short" : "ushort",
        HeaderBuiltinKind.Int or HeaderBuiltinKind.UnsignedInt or HeaderBuiltinKind.Long or HeaderBuiltinKind.UnsignedLong
            or HeaderBuiltinKind.LongLong or HeaderBuiltinKind.UnsignedLongLong => (type.Size, type.IsSigned) switch
            {
                (8, true) => "long",
                (8, false) => "ulong",
                (_, true) => "int",
                _ => "uint",
            },
        _ => null,
    };
}
