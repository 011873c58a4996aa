using System;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// The names the kernel headers generated code may include declare (<see cref="CIncludes.AllKernel"/>),
/// as a module build sees them: FreeBSD 13.2's and the 15-derived tree's, and the host harness's
/// (the ones <c>sim</c> compiles against: <c>tick_sbt</c>), so the same C compiles against each.
/// Checked-in lists (<c>Names/Kernel*.txt</c>, written by <c>tools/regenerate-header-names.sh</c>
/// and checked against a tree by <c>HeaderNameListTests</c>), never the machine's headers: the
/// output does not depend on <c>FREEBSD_SYSDIR</c> or on libclang. Each list is read on first use.
/// </summary>
internal static class KernelHeaderNames
{
    // Object-like macros rewrite any identifier; typedefs meet locals too; the other identifiers
    // (functions, function-like macros, variables, enum constants) meet file-scope names only.
    private static readonly Lazy<NameList> ObjectMacros = new(() => NameList.Read("KernelObjectMacros.txt"));
    private static readonly Lazy<NameList> Typedefs = new(() => NameList.Read("KernelTypedefs.txt"));
    private static readonly Lazy<NameList> Identifiers = new(() => NameList.Read("KernelIdentifiers.txt"));
    private static readonly Lazy<NameList> Tags = new(() => NameList.Read("KernelTags.txt"));

    /// <summary>A local meets object-like macros and type names; a function or function-like macro is only shadowed.</summary>
    public static bool ClashesAsLocal(string name) => ObjectMacros.Value.Contains(name) || Typedefs.Value.Contains(name);

    /// <summary>Whether the headers define an object-like macro of that name.</summary>
    public static bool IsObjectMacro(string name) => ObjectMacros.Value.Contains(name);

    /// <summary>A file-scope name meets every macro and file-scope identifier.</summary>
    public static bool ClashesAsGlobal(string name) => ClashesAsLocal(name) || Identifiers.Value.Contains(name);

    /// <summary>A tag meets the tags and the object-like macros.</summary>
    public static bool ClashesAsTag(string name) => Tags.Value.Contains(name) || ObjectMacros.Value.Contains(name);
}
