using System.Collections.Immutable;

namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// The metadata of a FreeBSD <c>pkg</c> package, with the keys pkg's manifest reader knows
/// (libpkg/pkg_manifest.c <c>manifest_keys</c>): identity, ABI, prefix, size, files, scripts
/// and annotations.
/// </summary>
public sealed record PkgManifest(
    string Name,
    string Origin,
    string Version,
    string Comment,
    string Description,
    string Maintainer,
    string Www,
    string Abi,
    string Arch,
    string Prefix,
    long FlatSize,
    ImmutableArray<PkgFile> Files,
    ImmutableDictionary<string, string> Scripts,
    ImmutableDictionary<string, string> Annotations);

/// <summary>
/// One installed file: its absolute path, its checksum as pkg writes it (<c>1$</c> + lower-case
/// hex SHA-256, <c>PKG_HASH_TYPE_SHA256_HEX</c>), its size, and its mode.
/// </summary>
public sealed record PkgFile(string Path, string Sum, long Size, int Mode, byte[] Contents);
