using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace KmodSharp.Differential.Runner;

/// <summary>
/// One syscall argument, described once and given to both worlds: the .NET handler gets
/// <see cref="DiffArgument"/>'s managed value (or a mapping in the simulated address space), the
/// harness gets the equivalent <c>kmodsim</c> token.
/// </summary>
public abstract record DiffArgument
{
    /// <summary>The <c>kmodsim</c> argument token.</summary>
    public abstract string Token { get; }

    /// <summary>How many user-memory regions the harness maps for it.</summary>
    public virtual int Mappings => 0;
}

/// <summary>
/// An integer-like argument: <paramref name="Register"/> is the whole 64-bit register the caller
/// passes (it may carry garbage above the parameter's width, as the amd64 ABI allows), and
/// <paramref name="Value"/> the value the C# parameter receives.
/// </summary>
public sealed record IntegerArgument(long Register, object Value, bool UpperGarbage = false) : DiffArgument
{
    public override string Token => Register.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => UpperGarbage ? $"{Value} (register 0x{Register:x16})" : $"{Value}";
}

/// <summary>What kind of user memory a pointer argument points at.</summary>
public enum MemoryKind
{
    /// <summary><c>z:N</c>: N zero bytes, readable and writable.</summary>
    Zeroed,

    /// <summary><c>b:HEX</c>: the given bytes, readable and writable.</summary>
    Bytes,

    /// <summary><c>s:TEXT</c>: the text and a NUL, read-only.</summary>
    ReadOnlyString,
}

/// <summary>A pointer to a fresh user mapping (its final contents are compared after the call).</summary>
public sealed record MemoryArgument(MemoryKind Kind, ImmutableArray<byte> Contents) : DiffArgument
{
    public override int Mappings => 1;

    /// <summary>The bytes as mapped (for a string, the text and its NUL).</summary>
    public byte[] Mapped => Kind == MemoryKind.ReadOnlyString ? [.. Contents, 0] : [.. Contents];

    public bool Writable => Kind != MemoryKind.ReadOnlyString;

    public override string Token => Kind switch
    {
        MemoryKind.Zeroed => "z:" + Contents.Length.ToString(CultureInfo.InvariantCulture),
        MemoryKind.Bytes => "b:" + Convert.ToHexString(Contents.AsSpan()).ToLowerInvariant(),
        _ => "s:" + System.Text.Encoding.ASCII.GetString(Contents.AsSpan()),
    };

    public override string ToString() => Kind switch
    {
        MemoryKind.Zeroed => $"<{Contents.Length} zero bytes>",
        MemoryKind.Bytes => $"<{Contents.Length} bytes {Abbreviate(Convert.ToHexString(Contents.AsSpan()).ToLowerInvariant())}>",
        _ => $"<read-only \"{Abbreviate(System.Text.Encoding.ASCII.GetString(Contents.AsSpan()))}\" ({Contents.Length} chars)>",
    };

    private static string Abbreviate(string text) => text.Length <= 64 ? text : text[..60] + "…";
}

/// <summary>A raw user address that is mapped in neither world (null, low, kernel-half, wrapping).</summary>
public sealed record AddressArgument(ulong Address) : DiffArgument
{
    // kmodsim's a:ADDR refuses addresses at or above 2^63, a plain integer passes any register value.
    public override string Token => ((long)Address).ToString(CultureInfo.InvariantCulture);

    public override string ToString() => $"<unmapped 0x{Address:x}>";
}

/// <summary>One call: the arguments in syscall argument order.</summary>
public sealed record DiffInput(ImmutableArray<DiffArgument> Arguments)
{
    public int Mappings => Arguments.Sum(a => a.Mappings);

    public int TokenLength => Arguments.Sum(a => a.Token.Length + 1);

    public override string ToString() => "(" + string.Join(", ", Arguments.Select(a => a.ToString())) + ")";
}
