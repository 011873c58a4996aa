using System;
using System.Formats.Tar;
using System.IO;

namespace KmodSharp.Compiler.Packaging;

/// <summary>
/// Writes a package the way <c>pkg create --format tar</c> does (libpkg/packing.c): a POSIX
/// tar (ustar, what libarchive's <c>pax_restricted</c> writes for short names) whose first entries are <c>+COMPACT_MANIFEST</c> and <c>+MANIFEST</c>, then each
/// file under its absolute path, owned by root:wheel. pkg reads any libarchive format, so the
/// uncompressed form installs as is. The archive is written beside the target and moved into
/// place, so a failure leaves nothing behind.
/// </summary>
public static class PackageArchive
{
    private const UnixFileMode ManifestMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary><c>&lt;name&gt;-&lt;version&gt;.pkg</c>, pkg's own file name.</summary>
    public static string FileName(PkgManifest manifest) => $"{manifest.Name}-{manifest.Version}.pkg";

    public static void Write(PkgManifest manifest, string path, DateTimeOffset timestamp)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (FileStream stream = File.Create(temporary))
            using (var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: false))
            {
                Add(tar, "+COMPACT_MANIFEST", PkgManifestWriter.Compact(manifest), ManifestMode, timestamp);
                Add(tar, "+MANIFEST", PkgManifestWriter.Full(manifest), ManifestMode, timestamp);
                foreach (PkgFile file in manifest.Files)
                {
                    Add(tar, file.Path, file.Contents, (UnixFileMode)file.Mode, timestamp);
                }
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Add(TarWriter tar, string name, byte[] contents, UnixFileMode mode, DateTimeOffset timestamp)
    {
        var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
        {
            DataStream = new MemoryStream(contents, writable: false),
            Mode = mode,
            ModificationTime = timestamp,
            UserName = "root",
            GroupName = "wheel",
            Uid = 0,
            Gid = 0,
        };
        tar.WriteEntry(entry);
    }
}
