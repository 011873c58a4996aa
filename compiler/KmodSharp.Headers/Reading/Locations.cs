using KmodSharp.Headers.Model;
using KmodSharp.Headers.Native;

namespace KmodSharp.Headers.Reading;

/// <summary>Turns libclang source locations into model locations.</summary>
internal static class Locations
{
    /// <summary>The presumed location, or <see langword="null"/> when it points into no file.</summary>
    internal static HeaderSourceLocation? Read(CXSourceLocation location)
    {
        (string file, int line, int column) = LibClang.GetPresumedLocation(location);
        return file.Length == 0 ? null : new HeaderSourceLocation(file, line, column);
    }

    /// <summary>The location of a declaration cursor (declarations always have one).</summary>
    internal static HeaderSourceLocation Of(CXCursor cursor) =>
        Read(LibClang.clang_getCursorLocation(cursor)) ?? new HeaderSourceLocation(string.Empty, 0, 0);
}
