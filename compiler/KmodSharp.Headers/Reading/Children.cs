using System.Collections.Generic;
using System.Runtime.InteropServices;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>
/// Collects a cursor's children (or a record type's fields) into a list. The native callbacks
/// only append, so nothing can throw across the native frames; the walk itself is ordinary
/// managed code over the list.
/// </summary>
internal static unsafe class Children
{
    /// <summary>The direct children of <paramref name="parent"/>, in source order.</summary>
    internal static List<CXCursor> Of(CXCursor parent)
    {
        List<CXCursor> children = [];
        GCHandle handle = GCHandle.Alloc(children);
        try
        {
            LibClang.clang_visitChildren(parent, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return children;
    }

    /// <summary>The field declarations of a complete record type, unnamed ones included.</summary>
    internal static List<CXCursor> FieldsOf(CXType recordType)
    {
        List<CXCursor> fields = [];
        GCHandle handle = GCHandle.Alloc(fields);
        try
        {
            LibClang.clang_Type_visitFields(recordType, &CollectField, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return fields;
    }

    [UnmanagedCallersOnly]
    private static CXChildVisitResult CollectChild(CXCursor cursor, CXCursor parent, nint clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!).Add(cursor);
        return CXChildVisitResult.Continue;
    }

    [UnmanagedCallersOnly]
    private static CXVisitorResult CollectField(CXCursor cursor, nint clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!).Add(cursor);
        return CXVisitorResult.Continue;
    }
}
