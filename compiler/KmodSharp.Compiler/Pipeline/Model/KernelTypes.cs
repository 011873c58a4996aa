using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Compiler.Pipeline.Model;

/// <summary>A type as kernel code sees it: what the ABI and the C backend need, with no Roslyn symbol.</summary>
public abstract record KType;

/// <summary>No value (<c>void</c>).</summary>
public sealed record KVoid : KType
{
    public static readonly KVoid Instance = new();
}

/// <summary>An integer of <paramref name="Bits"/> bits; <paramref name="IsNative"/> for <c>nint</c>/<c>nuint</c>.</summary>
public sealed record KInteger(int Bits, bool IsSigned, bool IsNative = false, bool IsChar = false) : KType
{
    public static readonly KInteger Int8 = new(8, true);
    public static readonly KInteger UInt8 = new(8, false);
    public static readonly KInteger Int16 = new(16, true);
    public static readonly KInteger UInt16 = new(16, false);
    public static readonly KInteger Int32 = new(32, true);
    public static readonly KInteger UInt32 = new(32, false);
    public static readonly KInteger Int64 = new(64, true);
    public static readonly KInteger UInt64 = new(64, false);
    public static readonly KInteger NInt = new(64, true, IsNative: true);
    public static readonly KInteger NUInt = new(64, false, IsNative: true);
    public static readonly KInteger Char16 = new(16, false, IsChar: true);

    public int Bytes => Bits / 8;
}

/// <summary><c>bool</c>.</summary>
public sealed record KBool : KType
{
    public static readonly KBool Instance = new();
}

/// <summary>An enum: a named set of constants over an integer type (<see cref="Members"/> in declaration order; none for <c>Errno</c>).</summary>
public sealed record KEnum(string Name, KInteger Underlying, bool IsErrno = false) : KType
{
    public ImmutableArray<KEnumMember> Members { get; init; } = [];

    // By value, as KStruct: each binding builds its own member array.
    public bool Equals(KEnum? other) =>
        other is not null && Name == other.Name && Underlying == other.Underlying && IsErrno == other.IsErrno && Members.SequenceEqual(other.Members);

    public override int GetHashCode() => System.HashCode.Combine(Name, Underlying, IsErrno);
}

/// <summary>One constant of an enum, its value as the underlying type holds it.</summary>
public sealed record KEnumMember(string Name, long Value);

/// <summary>
/// An unmanaged struct declared by the user (or imported from a C header), laid out by the frontend
/// (<c>StructLayouts</c>): its C# name and its tag, lower_snake and unique among the assembly's
/// structs (<c>StructTags</c>), so the struct it names is one.
/// </summary>
public sealed record KStruct(string Name, string Tag, ImmutableArray<KField> Fields, int Size, int Alignment) : KType
{
    // By value: each binding of a struct builds its own field array, and an ImmutableArray compares by
    // reference (a struct met twice, nested and as a parameter, was defined twice in the userland header).
    public bool Equals(KStruct? other) =>
        other is not null && Name == other.Name && Tag == other.Tag && Size == other.Size && Alignment == other.Alignment && Fields.SequenceEqual(other.Fields);

    public override int GetHashCode() => System.HashCode.Combine(Tag, Size, Alignment);
}

/// <summary>
/// A struct field at a byte offset, <paramref name="Size"/> bytes long (all its elements);
/// <paramref name="ArrayLength"/> is set for fixed buffers and inline arrays.
/// </summary>
public sealed record KField(string Name, KType Type, int Offset, int Size, int? ArrayLength = null);

/// <summary>A user-space address of a <paramref name="Pointee"/> (<c>UserPtr&lt;T&gt;</c>).</summary>
public sealed record KUserPointer(KType Pointee) : KType;

/// <summary>A user-space NUL-terminated string address (<c>UserString</c>).</summary>
public sealed record KUserString : KType
{
    public static readonly KUserString Instance = new();
}

/// <summary>The calling thread (<c>struct thread *td</c>), passed by the kernel, not by the caller.</summary>
public sealed record KCallingThread : KType
{
    public static readonly KCallingThread Instance = new();
}

/// <summary>A <c>Span&lt;T&gt;</c> or <c>ReadOnlySpan&lt;T&gt;</c>: a pointer and a length in C, every access bounds-checked.</summary>
public sealed record KSpan(KType Element, bool IsReadOnly) : KType;

/// <summary>The <c>(long, long)</c> result of a syscall that fills both <c>td_retval</c> registers.</summary>
public sealed record KPair : KType
{
    public static readonly KPair Instance = new();
}
