using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KmodSharp.Compiler.Tools.Verification;
using KmodSharp.Headers;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The names a real FreeBSD tree's headers declare, as the header reader lists them from every
/// header generated code includes: object-like macros (which rewrite any identifier), function-like
/// macros, functions, variables, typedefs, enum constants and tags. Read once per process from
/// the host harness's headers (the ones <c>sim</c> compiles against, shipped with the compiler), so a
/// macro only they define (<c>tick_sbt</c>) is met, and from <c>FREEBSD_SYSDIR</c>'s tree when it is
/// set: the same C compiles in both. Empty when neither can be read (no libclang), leaving the
/// built-in list.
/// </summary>
internal sealed class KernelHeaderNames
{
    private static readonly Lazy<KernelHeaderNames> FromEnvironment = new(() =>
        Environment.GetEnvironmentVariable("FREEBSD_SYSDIR") is { Length: > 0 } sysDir && Directory.Exists(sysDir) ? ReadHarness().Union(Read(sysDir)) : ReadHarness());

    private readonly FrozenSet<string> objectMacros;
    private readonly FrozenSet<string> identifiers;
    private readonly FrozenSet<string> typedefs;
    private readonly FrozenSet<string> tags;

    private KernelHeaderNames(IEnumerable<string> objectMacros, IEnumerable<string> identifiers, IEnumerable<string> typedefs, IEnumerable<string> tags)
    {
        this.objectMacros = objectMacros.ToFrozenSet();
        this.identifiers = identifiers.ToFrozenSet();
        this.typedefs = typedefs.ToFrozenSet();
        this.tags = tags.ToFrozenSet();
    }

    /// <summary>The harness's names, and those of the tree <c>FREEBSD_SYSDIR</c> names.</summary>
    public static KernelHeaderNames Current => FromEnvironment.Value;

    /// <summary>How many names were read: macros, identifiers and tags.</summary>
    public int Count => objectMacros.Count + identifiers.Count + tags.Count;

    /// <summary>A local meets object-like macros and type names; a function or function-like macro is only shadowed.</summary>
    public bool ClashesAsLocal(string name) => objectMacros.Contains(name) || typedefs.Contains(name);

    /// <summary>Whether the headers define an object-like macro of that name.</summary>
    public bool IsObjectMacro(string name) => objectMacros.Contains(name);

    /// <summary>A file-scope name meets every macro and file-scope identifier.</summary>
    public bool ClashesAsGlobal(string name) => objectMacros.Contains(name) || identifiers.Contains(name);

    /// <summary>A tag meets the tags and the object-like macros.</summary>
    public bool ClashesAsTag(string name) => tags.Contains(name) || objectMacros.Contains(name);

    private KernelHeaderNames Union(KernelHeaderNames other) =>
        new(objectMacros.Concat(other.objectMacros), identifiers.Concat(other.identifiers), typedefs.Concat(other.typedefs), tags.Concat(other.tags));

    /// <summary>Reads the names the tree's headers declare, as a module build sees them (kern.mk flags, opt_global.h).</summary>
    public static KernelHeaderNames Read(string sysDir)
    {
        using KernelHeaders headers = KernelHeaders.FreeBsd(sysDir);
        return Read(headers);
    }

    /// <summary>The names the host harness's headers declare; none when they or libclang cannot be found.</summary>
    public static KernelHeaderNames ReadHarness()
    {
        try
        {
            using KernelHeaders headers = KernelHeaders.Host();
            return Read(headers);
        }
        catch (Exception e) when (e is DllNotFoundException or DirectoryNotFoundException or FileNotFoundException or InvalidOperationException)
        {
            return new([], [], [], []);
        }
    }

    private static KernelHeaderNames Read(KernelHeaders headers)
    {
        string source = string.Concat(CIncludes.AllKernel.Select(h => $"#include <{h}>\n"));
        HeaderReadResult result = HeaderReader.Read(headers.Options(Path.Combine(headers.ObjectDirectory, "kms_names.c"), source, HeaderScope.AllFiles, evaluateMacros: false, warningsAsErrors: false));
        IEnumerable<string> ordinary = result.Functions.Select(f => f.Name)
            .Concat(result.Variables)
            .Concat(result.Typedefs.Select(t => t.Name))
            .Concat(result.Enums.SelectMany(e => e.Constants.Select(c => c.Name)))
            .Concat(result.MacroNames.Select(m => m.Name));
        IEnumerable<string> tagNames = result.Records.Select(r => r.Name).Concat(result.Enums.Select(e => e.Name)).Where(n => n.Length > 0);
        return new KernelHeaderNames(result.MacroNames.Where(m => !m.IsFunctionLike).Select(m => m.Name), ordinary, result.Typedefs.Select(t => t.Name), tagNames);
    }
}
