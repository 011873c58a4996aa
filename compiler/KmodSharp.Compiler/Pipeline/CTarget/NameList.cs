using System;
using System.Collections.Generic;
using System.IO;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// A checked-in list of C names, embedded in the compiler: <c>#</c> comment lines, then one name a
/// line in ordinal order, ASCII. The naming policy reads these, never the build machine's headers, so
/// the C is the same everywhere. Looked up by binary search in the list's own bytes: loading only
/// finds where the lines start (no string per name), which keeps a translation's start-up cheap.
/// </summary>
internal sealed class NameList
{
    private readonly byte[] text;
    private readonly int[] starts;
    private readonly int[] lengths;

    private NameList(byte[] text, int[] starts, int[] lengths)
    {
        this.text = text;
        this.starts = starts;
        this.lengths = lengths;
    }

    /// <summary>How many names the list holds.</summary>
    public int Count => starts.Length;

    /// <summary>The names of the embedded list <paramref name="resource"/>.</summary>
    /// <exception cref="InternalCompilerException">The list is missing or out of order (edited by hand).</exception>
    public static NameList Read(string resource)
    {
        byte[] text;
        using (Stream stream = typeof(NameList).Assembly.GetManifestResourceStream(resource) ?? throw new InternalCompilerException($"resource {resource} missing"))
        {
            text = new byte[stream.Length];
            stream.ReadExactly(text);
        }

        var starts = new List<int>(text.Length / 10);
        var lengths = new List<int>(text.Length / 10);
        for (int start = 0; start < text.Length;)
        {
            int end = Array.IndexOf(text, (byte)'\n', start) is int newline and >= 0 ? newline : text.Length;
            int length = (end > start && text[end - 1] == (byte)'\r' ? end - 1 : end) - start;
            if (length > 0 && text[start] != (byte)'#')
            {
                if (starts.Count > 0 && text.AsSpan(starts[^1], lengths[^1]).SequenceCompareTo(text.AsSpan(start, length)) >= 0)
                {
                    throw new InternalCompilerException($"resource {resource}: '{System.Text.Encoding.ASCII.GetString(text, start, length)}' is out of ordinal order");
                }

                starts.Add(start);
                lengths.Add(length);
            }

            start = end + 1;
        }

        return new NameList(text, [.. starts], [.. lengths]);
    }

    /// <summary>Whether the list holds <paramref name="name"/> (ordinal).</summary>
    public bool Contains(string name)
    {
        int low = 0;
        int high = starts.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) / 2);
            int order = Compare(text.AsSpan(starts[middle], lengths[middle]), name);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return false;
    }

    // Ordinal, as the lists are sorted: an ASCII byte against a UTF-16 unit of the same value.
    private static int Compare(ReadOnlySpan<byte> entry, string name)
    {
        int common = Math.Min(entry.Length, name.Length);
        for (int i = 0; i < common; i++)
        {
            if (entry[i] != name[i])
            {
                return entry[i] - name[i];
            }
        }

        return entry.Length - name.Length;
    }
}
