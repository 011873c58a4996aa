using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Native;

/// <summary>
/// A string owned by libclang. Never kept: every import that returns one is private to
/// <see cref="LibClang"/> and passes it straight through <see cref="LibClang.Consume"/>, which copies
/// it into a managed string and disposes it.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXString
{
    public readonly nint Data;
    public readonly uint PrivateFlags;
}
