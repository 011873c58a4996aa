using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.Model;

/// <summary>
/// A syscall's XML documentation comment, as plain text per tag (references such as
/// <c>&lt;paramref&gt;</c> and <c>&lt;see&gt;</c> already spelled out).
/// </summary>
public sealed record SyscallDocumentation(string Summary, string Remarks, string Returns, ImmutableDictionary<string, string> Parameters)
{
    public static readonly SyscallDocumentation None = new("", "", "", ImmutableDictionary<string, string>.Empty);
}

/// <summary>Why a syscall can fail with an errno: the source of the value.</summary>
public enum ErrorSource
{
    /// <summary>The handler (or a helper it calls) names <c>Errno.X</c>.</summary>
    Explicit,

    /// <summary>A copyin/copyout/fetch/store of user memory can fault.</summary>
    UserMemory,

    /// <summary><c>copyinstr</c> into a bounded buffer.</summary>
    StringTooLong,

    /// <summary><c>priv_check(9)</c>.</summary>
    Privilege,

    /// <summary>A guard where .NET would throw (docs/semantics.md).</summary>
    Guard,

    /// <summary>The kernel refuses a syscall not marked safe in capability mode.</summary>
    CapabilityMode,

    /// <summary>The userland library: the module is not loaded.</summary>
    NotLoaded,
}

/// <summary>One errno a syscall can return (its FreeBSD name and number) and why.</summary>
public sealed record SyscallError(string Name, int Number, ErrorSource Source, string Detail);

/// <summary>How a handler uses a <c>UserPtr&lt;T&gt;</c> parameter: what syzkaller calls the pointer's direction.</summary>
[System.Flags]
public enum UserAccess
{
    /// <summary>Not read or written by the handler itself.</summary>
    None = 0,

    /// <summary>copyin or a fetch.</summary>
    Read = 1,

    /// <summary>copyout or a store.</summary>
    Write = 2,
}
