using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.Model;

/// <summary>A position in the C# source.</summary>
public sealed record SourceRef(string File, int Line, int Column)
{
    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>One kernel module: one <c>[KernelModule]</c> class, one <c>.ko</c>.</summary>
public sealed record ModuleModel(
    string Name,
    int Version,
    string ClassName,
    SourceRef Location,
    ImmutableArray<SyscallModel> Syscalls,
    ModuleHooks Hooks)
{
    /// <summary>The module class's XML doc <c>&lt;summary&gt;</c>, as text.</summary>
    public string Summary { get; init; } = "";

    /// <summary>
    /// The tags of the project's kernel structs (<see cref="KStruct.Tag"/>), in ordinal order: the
    /// tags the backend makes for the module (argument structs, enums) take none of them.
    /// </summary>
    public ImmutableArray<string> StructTags { get; init; } = [];
}

/// <summary>The user's load/unload/shutdown methods, by function id, when declared.</summary>
public sealed record ModuleHooks(string? Load, string? Unload, string? Shutdown)
{
    public static readonly ModuleHooks None = new(null, null, null);

    public bool Any => Load is not null || Unload is not null || Shutdown is not null;
}

/// <summary>
/// One system call: its name (the kernel module is <c>sys/&lt;Name&gt;</c>), the slot it asks for,
/// its parameters in argument-slot order and how its C# result becomes <c>td_retval</c>/errno.
/// </summary>
public sealed record SyscallModel(
    string Name,
    int? FixedNumber,
    bool CapabilityEnabled,
    string HandlerId,
    string MethodName,
    ImmutableArray<SyscallParameter> Parameters,
    SyscallReturn Return,
    SourceRef Location)
{
    /// <summary>The handler's XML documentation comment.</summary>
    public SyscallDocumentation Documentation { get; init; } = SyscallDocumentation.None;

    /// <summary>Every errno the syscall can return, in number order (filled by the frontend's error analysis).</summary>
    public ImmutableArray<SyscallError> Errors { get; init; } = [];

    /// <summary>For each user-pointer parameter the handler reads or writes directly, how (by parameter name).</summary>
    public ImmutableDictionary<string, UserAccess> Access { get; init; } = ImmutableDictionary<string, UserAccess>.Empty;

    /// <summary>The parameters the caller passes (everything but the calling thread).</summary>
    public ImmutableArray<SyscallParameter> Arguments => Parameters.RemoveAll(p => p.Type is KCallingThread);
}

/// <summary>A handler parameter.</summary>
public sealed record SyscallParameter(string Name, KType Type);

/// <summary>How a method's C# result travels; for a handler, how it reaches user space.</summary>
public enum SyscallReturnKind
{
    /// <summary><c>void</c>: retval 0, error 0.</summary>
    Void,

    /// <summary>An integer-like value: <c>td_retval[0]</c>.</summary>
    Value,

    /// <summary><c>Errno</c>: the error, no value.</summary>
    Errno,

    /// <summary><c>SyscallResult&lt;T&gt;</c>: a value or an error.</summary>
    ValueOrErrno,

    /// <summary><c>(long, long)</c>: <c>td_retval[0]</c> and <c>td_retval[1]</c>.</summary>
    Pair,
}

/// <summary>The return shape of a handler or any translated method and, for values, their type.</summary>
public sealed record SyscallReturn(SyscallReturnKind Kind, KType ValueType);
