using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace KmodSharp.Packaging.Tests.Support;

/// <summary>
/// pkg's manifest schema, as its reader defines it: the <c>manifest_keys</c> table of
/// libpkg/pkg_manifest.c (freebsd/pkg), each key with the UCL types it accepts (JSON here), and
/// the per-file object read by <c>pkg_set_files_from_object</c>. A key outside the table is
/// ignored by pkg, so a typo would silently drop metadata: the check rejects it.
/// </summary>
internal static class PkgManifestSchema
{
    private static readonly Dictionary<string, JsonValueKind[]> Keys = new()
    {
        ["annotations"] = [JsonValueKind.Object],
        ["abi"] = [JsonValueKind.String],
        ["arch"] = [JsonValueKind.String],
        ["categories"] = [JsonValueKind.Array],
        ["comment"] = [JsonValueKind.String],
        ["conflicts"] = [JsonValueKind.Array],
        ["config"] = [JsonValueKind.Array],
        ["dep_formula"] = [JsonValueKind.String],
        ["deps"] = [JsonValueKind.Object],
        ["desc"] = [JsonValueKind.String],
        ["directories"] = [JsonValueKind.Object],
        ["dirs"] = [JsonValueKind.Array],
        ["files"] = [JsonValueKind.Object],
        ["flatsize"] = [JsonValueKind.Number],
        ["groups"] = [JsonValueKind.Array],
        ["licenselogic"] = [JsonValueKind.String],
        ["licenses"] = [JsonValueKind.Array],
        ["lua_scripts"] = [JsonValueKind.Object],
        ["maintainer"] = [JsonValueKind.String],
        ["messages"] = [JsonValueKind.String, JsonValueKind.Array],
        ["message"] = [JsonValueKind.String, JsonValueKind.Array],
        ["name"] = [JsonValueKind.String, JsonValueKind.Number],
        ["options"] = [JsonValueKind.Object],
        ["origin"] = [JsonValueKind.String],
        ["path"] = [JsonValueKind.String],
        ["repopath"] = [JsonValueKind.String],
        ["pkgsize"] = [JsonValueKind.Number],
        ["prefix"] = [JsonValueKind.String],
        ["provides"] = [JsonValueKind.Array],
        ["requires"] = [JsonValueKind.Array],
        ["scripts"] = [JsonValueKind.Object],
        ["shlibs"] = [JsonValueKind.Array],
        ["shlibs_provided"] = [JsonValueKind.Array],
        ["shlibs_provided_ignore"] = [JsonValueKind.Array],
        ["shlibs_required"] = [JsonValueKind.Array],
        ["shlibs_required_ignore"] = [JsonValueKind.Array],
        ["sum"] = [JsonValueKind.String],
        ["users"] = [JsonValueKind.Array],
        ["version"] = [JsonValueKind.String, JsonValueKind.Number],
        ["vital"] = [JsonValueKind.True, JsonValueKind.False],
        ["www"] = [JsonValueKind.String],
    };

    /// <summary><c>pkg_is_valid</c>'s required fields (libpkg/pkg.c), plus the ABI and size every real package carries.</summary>
    private static readonly string[] Required = ["name", "origin", "version", "comment", "desc", "maintainer", "www", "abi", "prefix", "flatsize"];

    private static readonly string[] ScriptTypes = ["pre-install", "install", "post-install", "pre-deinstall", "deinstall", "post-deinstall"];

    private static readonly string[] FileKeys = ["uname", "gname", "sum", "perm", "fflags", "symlink_target", "mtime"];

    public static void AssertValid(JsonElement manifest)
    {
        Assert.Equal(JsonValueKind.Object, manifest.ValueKind);
        foreach (JsonProperty property in manifest.EnumerateObject())
        {
            Assert.True(Keys.TryGetValue(property.Name, out JsonValueKind[]? kinds), $"pkg does not know the manifest key '{property.Name}'");
            Assert.Contains(property.Value.ValueKind, kinds!);
        }

        foreach (string key in Required)
        {
            Assert.True(manifest.TryGetProperty(key, out _), $"the manifest lacks '{key}'");
        }

        if (manifest.TryGetProperty("scripts", out JsonElement scripts))
        {
            Assert.All(scripts.EnumerateObject(), s => Assert.Contains(s.Name, ScriptTypes));
        }

        if (manifest.TryGetProperty("files", out JsonElement files))
        {
            foreach (JsonProperty file in files.EnumerateObject())
            {
                Assert.StartsWith("/", file.Name);
                Assert.All(file.Value.EnumerateObject(), attribute => Assert.Contains(attribute.Name, FileKeys));
                Assert.Matches("^0[0-7]{3}$", file.Value.GetProperty("perm").GetString());
            }
        }

        Assert.All(manifest.GetProperty("annotations").EnumerateObject(), a => Assert.Equal(JsonValueKind.String, a.Value.ValueKind));
        Assert.True(manifest.EnumerateObject().Select(p => p.Name).Distinct().Count() == manifest.EnumerateObject().Count(), "duplicate keys");
    }
}
