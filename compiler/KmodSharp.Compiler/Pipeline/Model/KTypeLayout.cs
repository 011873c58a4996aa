namespace KmodSharp.Compiler.Pipeline.Model;

/// <summary>Where a kernel type's bytes lie on amd64 (LP64), for the C, the userland header and syzlang alike.</summary>
public static class KTypeLayout
{
    /// <summary>Size and alignment on amd64; null for types without a C layout.</summary>
    public static (int Size, int Alignment)? SizeOf(KType type) => type switch
    {
        KInteger integer => (integer.Bytes, integer.Bytes),
        KBool => (1, 1),
        KEnum e => (e.Underlying.Bytes, e.Underlying.Bytes),
        KStruct s => (s.Size, s.Alignment),
        KUserPointer or KUserString => (8, 8),
        _ => null,
    };
}
