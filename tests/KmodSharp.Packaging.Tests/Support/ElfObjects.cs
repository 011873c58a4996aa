using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>
/// Minimal ELF64 little-endian objects: a header and a section table naming the given sections (no
/// contents), which is all a package reads of a <c>.ko</c>. A FreeBSD amd64 module is <c>ET_REL</c>,
/// OS/ABI 9 and has <c>set_modmetadata_set</c>.
/// </summary>
internal static class ElfObjects
{
    public static byte[] Create(ushort machine = 62, byte osAbi = 9, ushort type = 1, params string[] sections)
    {
        if (sections.Length == 0)
        {
            sections = ["set_modmetadata_set"];
        }

        var names = new StringBuilder("\0.shstrtab\0");
        var nameOffsets = new List<int>();
        foreach (string section in sections)
        {
            nameOffsets.Add(names.Length);
            names.Append(section).Append('\0');
        }

        byte[] strings = Encoding.ASCII.GetBytes(names.ToString());
        int table = 64 + ((strings.Length + 7) & ~7);
        int count = 2 + sections.Length;
        byte[] bytes = new byte[table + (count * 64)];
        "\u007fELF"u8.CopyTo(bytes);
        bytes[4] = 2;       // ELFCLASS64
        bytes[5] = 1;       // ELFDATA2LSB
        bytes[6] = 1;       // EV_CURRENT
        bytes[7] = osAbi;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)table);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x34), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3A), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3C), (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3E), 1);
        strings.CopyTo(bytes, 64);

        // Section 1 is .shstrtab (name offset 1), then one empty PROGBITS section per name.
        Section(1, 1, 3, 64, strings.Length);
        for (int i = 0; i < sections.Length; i++)
        {
            Section(2 + i, nameOffsets[i], 1, 0, 0);
        }

        return bytes;

        void Section(int index, int name, uint kind, long offset, long size)
        {
            Span<byte> header = bytes.AsSpan(table + (index * 64), 64);
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)name);
            BinaryPrimitives.WriteUInt32LittleEndian(header[4..], kind);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x18..], (ulong)offset);
            BinaryPrimitives.WriteUInt64LittleEndian(header[0x20..], (ulong)size);
        }
    }
}
