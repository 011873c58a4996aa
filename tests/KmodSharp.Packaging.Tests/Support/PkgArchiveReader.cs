using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Text.Json;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>One entry of a package archive as read back with System.Formats.Tar.</summary>
internal sealed record PkgEntry(string Name, byte[] Data, UnixFileMode Mode, string UserName, string GroupName);

/// <summary>Reads a .pkg (tar) archive's entries in order, and its manifests as JSON.</summary>
internal static class PkgArchiveReader
{
    public static List<PkgEntry> Entries(string path)
    {
        var entries = new List<PkgEntry>();
        using FileStream stream = File.OpenRead(path);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            var posix = (PosixTarEntry)entry;
            entries.Add(new PkgEntry(entry.Name, data.ToArray(), entry.Mode, posix.UserName, posix.GroupName));
        }

        return entries;
    }

    public static JsonElement Json(PkgEntry entry) => JsonDocument.Parse(entry.Data).RootElement.Clone();
}
