using System;
using System.Collections.Generic;
using System.Text;
using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>
/// A parsed translation unit (<c>CXTranslationUnit</c>). Every cursor and type taken from it is
/// valid only until it is disposed, so none may escape into the model.
/// </summary>
internal sealed unsafe class TranslationUnit : IDisposable
{
    private readonly ClangIndex index;
    private nint handle;

    private TranslationUnit(ClangIndex index, nint handle)
    {
        this.index = index;
        this.handle = handle;
    }

    /// <summary>The unit's root cursor.</summary>
    internal CXCursor Cursor => LibClang.clang_getTranslationUnitCursor(Handle);

    private nint Handle => handle != 0 ? handle : throw new ObjectDisposedException(nameof(TranslationUnit));

    /// <summary>
    /// Parses <paramref name="path"/> with <paramref name="arguments"/>. Returns the libclang error
    /// code instead of a unit when parsing could not even start (e.g. bad arguments).
    /// </summary>
    internal static (TranslationUnit? Unit, CXErrorCode Error) Parse(
        ClangIndex index,
        string path,
        IReadOnlyList<string> arguments,
        IReadOnlyList<InMemoryFile> inMemoryFiles,
        CXTranslationUnitFlags flags)
    {
        using NativeUtf8Strings strings = new();
        byte** args = strings.AddArray(arguments);
        CXUnsavedFile* unsaved = stackalloc CXUnsavedFile[Math.Max(1, inMemoryFiles.Count)];
        for (int i = 0; i < inMemoryFiles.Count; i++)
        {
            unsaved[i].Filename = strings.Add(inMemoryFiles[i].Path);
            unsaved[i].Contents = strings.Add(inMemoryFiles[i].Contents);
            unsaved[i].Length = (nuint)Encoding.UTF8.GetByteCount(inMemoryFiles[i].Contents);
        }

        bool added = false;
        try
        {
            // The unit holds a reference on its index so that even a finalizer-ordered teardown
            // never disposes the index first.
            index.DangerousAddRef(ref added);
            nint unit;
            CXErrorCode error = LibClang.clang_parseTranslationUnit2(
                index.DangerousGetHandle(),
                strings.Add(path),
                args,
                arguments.Count,
                unsaved,
                (uint)inMemoryFiles.Count,
                flags,
                &unit);
            if (error != CXErrorCode.Success || unit == 0)
            {
                return (null, error == CXErrorCode.Success ? CXErrorCode.Failure : error);
            }

            TranslationUnit result = new(index, unit);
            added = false;
            return (result, CXErrorCode.Success);
        }
        finally
        {
            if (added)
            {
                index.DangerousRelease();
            }
        }
    }

    /// <summary>Reads every diagnostic of the unit, releasing each as it goes.</summary>
    internal List<HeaderDiagnostic> ReadDiagnostics()
    {
        uint count = LibClang.clang_getNumDiagnostics(Handle);
        List<HeaderDiagnostic> diagnostics = new((int)count);
        for (uint i = 0; i < count; i++)
        {
            nint diagnostic = LibClang.clang_getDiagnostic(Handle, i);
            try
            {
                diagnostics.Add(new HeaderDiagnostic(
                    (HeaderDiagnosticSeverity)LibClang.clang_getDiagnosticSeverity(diagnostic),
                    LibClang.GetDiagnosticSpelling(diagnostic),
                    Locations.Read(LibClang.clang_getDiagnosticLocation(diagnostic))));
            }
            finally
            {
                LibClang.clang_disposeDiagnostic(diagnostic);
            }
        }

        return diagnostics;
    }

    /// <summary>The tokens a cursor's extent spans, as kind and spelling, released before returning.</summary>
    internal List<(CXTokenKind Kind, string Spelling)> Tokenize(CXCursor cursor)
    {
        CXToken* tokens;
        uint count;
        LibClang.clang_tokenize(Handle, LibClang.clang_getCursorExtent(cursor), &tokens, &count);
        List<(CXTokenKind, string)> result = new((int)count);
        try
        {
            for (uint i = 0; i < count; i++)
            {
                result.Add((LibClang.clang_getTokenKind(tokens[i]), LibClang.GetTokenSpelling(Handle, tokens[i])));
            }
        }
        finally
        {
            if (tokens is not null)
            {
                LibClang.clang_disposeTokens(Handle, tokens, count);
            }
        }

        return result;
    }

    public void Dispose()
    {
        if (handle == 0)
        {
            return;
        }

        LibClang.clang_disposeTranslationUnit(handle);
        handle = 0;
        index.DangerousRelease();
    }
}
