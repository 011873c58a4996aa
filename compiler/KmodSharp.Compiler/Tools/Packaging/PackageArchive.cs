using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;

namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// Writes a package the way <c>pkg create --format tar</c> does (libpkg/packing.c): a POSIX
/// tar (ustar, what libarchive's <c>pax_restricted</c> writes for short names) whose first entries are <c>+COMPACT_MANIFEST</c> and <c>+MANIFEST</c>, then each
/// file under its absolute path, owned by root:wheel. pkg reads any libarchive format, so the
/// uncompressed form installs as is. The archives are written beside their targets and moved into
/// place, so a failure leaves nothing behind.
/// </summary>
public static class PackageArchive
{
    private const UnixFileMode ManifestMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary><c>&lt;name&gt;-&lt;version&gt;.pkg</c>, pkg's own file name.</summary>
    public static string FileName(PkgManifest manifest) => $"{manifest.Name}-{manifest.Version}.pkg";

    /// <summary>Writes one package; see <see cref="WriteAll"/>.</summary>
    public static void Write(PkgManifest manifest, string path, DateTimeOffset timestamp) => WriteAll([(manifest, path)], timestamp);

    /// <summary>
    /// Writes every package or none: each archive goes beside its target, then all are moved into
    /// place (<see cref="OutputPaths.ReplaceFiles"/>); a problem is an <see cref="OutputException"/>.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(PkgManifest Manifest, string Path)> packages, DateTimeOffset timestamp) =>
        OutputPaths.ReplaceFiles([.. packages.Select(p => (p.Path, (Action<string>)(temporary => WriteArchive(p.Manifest, temporary, timestamp))))]);

    private static void WriteArchive(PkgManifest manifest, string path, DateTimeOffset timestamp)
    {
        using FileStream stream = File.Create(path);
        using var tar = new TarWriter(stream, TarEntryFormat.Ustar, leaveOpen: false);
        Add(tar, "+COMPACT_MANIFEST", PkgManifestWriter.Compact(manifest), ManifestMode, timestamp);
        Add(tar, "+MANIFEST", PkgManifestWriter.Full(manifest), ManifestMode, timestamp);
        foreach (PkgFile file in manifest.Files)
        {
            Add(tar, file.Path, file.Contents, (UnixFileMode)file.Mode, timestamp);
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
