using System;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// A place in user memory as the double-fetch analysis names it: a root variable (a parameter, a local,
/// a captured variable, or a flow capture of Roslyn's CFG), a path of struct fields below it
/// (<c>req.Data</c>), and a constant element offset (<c>.Add(n)</c>). With offset 0 it also names a
/// storage place, which is how aliases are keyed.
/// </summary>
internal readonly struct UserLocation : IEquatable<UserLocation>
{
    public UserLocation(object root, string path, long offset)
    {
        Root = root;
        Path = path;
        Offset = offset;
    }

    /// <summary>An <see cref="ISymbol"/> or a boxed <see cref="Microsoft.CodeAnalysis.FlowAnalysis.CaptureId"/>.</summary>
    public object Root { get; }

    /// <summary>Field names below the root, dot-separated; empty for the root itself.</summary>
    public string Path { get; }

    public long Offset { get; }

    public static UserLocation Of(object root) => new(root, "", 0);

    /// <summary>The field <paramref name="name"/> of this place; null past an offset (a user pointer has no fields of interest).</summary>
    public UserLocation? Field(string name) =>
        Offset != 0 ? null : new UserLocation(Root, Path.Length == 0 ? name : Path + "." + name, 0);

    /// <summary>This location followed by <paramref name="path"/> and <paramref name="offset"/> (a callee's view of an argument).</summary>
    public UserLocation? Below(string path, long offset)
    {
        if (path.Length == 0)
        {
            return new UserLocation(Root, Path, Offset + offset);
        }

        return Offset != 0 ? null : new UserLocation(Root, Path.Length == 0 ? path : Path + "." + path, offset);
    }

    /// <summary>Whether this location is <paramref name="place"/> or lies inside it (a field of it, or an offset from it).</summary>
    public bool IsWithin(UserLocation place) =>
        SameRoot(Root, place.Root)
        && (place.Path.Length == 0 || Path == place.Path || (Path.Length > place.Path.Length && Path.StartsWith(place.Path, StringComparison.Ordinal) && Path[place.Path.Length] == '.'));

    public string Display
    {
        get
        {
            string name = Root is ISymbol symbol ? symbol.Name : "(value)";
            string text = Path.Length == 0 ? name : name + "." + Path;
            return Offset == 0 ? text : text + ".Add(" + Offset + ")";
        }
    }

    public static bool SameRoot(object a, object b) =>
        a is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, b as ISymbol) : a.Equals(b);

    public bool Equals(UserLocation other) => SameRoot(Root, other.Root) && Offset == other.Offset && Path == other.Path;

    public override bool Equals(object? obj) => obj is UserLocation other && Equals(other);

    public override int GetHashCode()
    {
        int root = Root is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : Root.GetHashCode();
        return (((root * 397) ^ StringComparer.Ordinal.GetHashCode(Path)) * 397) ^ Offset.GetHashCode();
    }
}
