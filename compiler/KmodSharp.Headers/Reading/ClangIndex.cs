using System;
using System.Runtime.InteropServices;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>A libclang index (<c>CXIndex</c>): the owner of translation units parsed through it.</summary>
internal sealed class ClangIndex : SafeHandle
{
    private ClangIndex()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Creates an index that keeps diagnostics to itself (they are read, not printed).</summary>
    internal static ClangIndex Create()
    {
        NativeEnvironment.EnsureConfigured();
        ClangIndex index = new();
        index.SetHandle(LibClang.clang_createIndex(excludeDeclarationsFromPch: 0, displayDiagnostics: 0));
        if (index.IsInvalid)
        {
            throw new InvalidOperationException("clang_createIndex returned no index.");
        }

        return index;
    }

    protected override bool ReleaseHandle()
    {
        LibClang.clang_disposeIndex(handle);
        return true;
    }
}
