using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace KmodSharp.Headers.Reading;

/// <summary>NUL-terminated UTF-8 copies of managed strings in native memory, freed together.</summary>
internal sealed unsafe class NativeUtf8Strings : IDisposable
{
    private readonly List<nint> allocations = [];

    /// <summary>Copies <paramref name="text"/> and returns the copy's address, valid until disposal.</summary>
    internal byte* Add(string text)
    {
        nint copy = Marshal.StringToCoTaskMemUTF8(text);
        allocations.Add(copy);
        return (byte*)copy;
    }

    /// <summary>Copies each string and returns a native array of their addresses.</summary>
    internal byte** AddArray(IReadOnlyList<string> texts)
    {
        nint array = Marshal.AllocCoTaskMem(Math.Max(1, texts.Count) * sizeof(nint));
        allocations.Add(array);
        byte** pointers = (byte**)array;
        for (int i = 0; i < texts.Count; i++)
        {
            pointers[i] = Add(texts[i]);
        }

        return pointers;
    }

    public void Dispose()
    {
        foreach (nint allocation in allocations)
        {
            Marshal.FreeCoTaskMem(allocation);
        }

        allocations.Clear();
    }
}
