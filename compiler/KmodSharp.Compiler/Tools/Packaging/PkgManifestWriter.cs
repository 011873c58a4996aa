using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace KmodSharp.Compiler.Tools.Packaging;

/// <summary>
/// Writes a manifest as pkg's <c>pkg_emit_object</c> does (JSON, which UCL reads): the same keys
/// in the same order; <c>+COMPACT_MANIFEST</c> is the same object without files and scripts.
/// Paths, the description and scripts are URL-encoded like pkg's <c>urlencode</c> (only
/// <c>%</c> and non-ASCII bytes).
/// </summary>
public static class PkgManifestWriter
{
    public static byte[] Full(PkgManifest manifest) => Write(manifest, compact: false);

    public static byte[] Compact(PkgManifest manifest) => Write(manifest, compact: true);

    private static byte[] Write(PkgManifest manifest, bool compact)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("name", manifest.Name);
            json.WriteString("origin", manifest.Origin);
            json.WriteString("version", manifest.Version);
            json.WriteString("comment", manifest.Comment);
            json.WriteString("maintainer", manifest.Maintainer);
            json.WriteString("www", manifest.Www);
            json.WriteString("abi", manifest.Abi);
            json.WriteString("arch", manifest.Arch);
            json.WriteString("prefix", manifest.Prefix);
            json.WriteNumber("flatsize", manifest.FlatSize);
            json.WriteString("licenselogic", "single");
            json.WriteString("desc", UrlEncode(manifest.Description));
            WriteMap(json, "annotations", manifest.Annotations);
            if (!compact)
            {
                json.WriteStartObject("files");
                foreach (PkgFile file in manifest.Files)
                {
                    json.WriteStartObject(UrlEncode(file.Path));
                    json.WriteString("sum", file.Sum);
                    json.WriteString("uname", "root");
                    json.WriteString("gname", "wheel");
                    json.WriteString("perm", "0" + System.Convert.ToString(file.Mode, 8));
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                WriteMap(json, "scripts", manifest.Scripts.ToDictionary(s => s.Key, s => UrlEncode(s.Value)));
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteMap(Utf8JsonWriter json, string key, IEnumerable<KeyValuePair<string, string>> values)
    {
        json.WriteStartObject(key);
        foreach (KeyValuePair<string, string> pair in values.OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            json.WriteString(pair.Key, pair.Value);
        }

        json.WriteEndObject();
    }

    /// <summary>pkg's <c>urlencode</c>: <c>%</c> and every non-ASCII byte become <c>%xx</c>.</summary>
    public static string UrlEncode(string text)
    {
        var encoded = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            if (b >= 0x80 || b == (byte)'%')
            {
                encoded.Append('%').Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                encoded.Append((char)b);
            }
        }

        return encoded.ToString();
    }
}
