using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Subset;

/// <summary>What a syscall returns in <c>td_retval</c> and the error register.</summary>
public enum SyscallReturnShape
{
    /// <summary><c>void</c>: success, nothing in <c>td_retval</c>.</summary>
    Void,

    /// <summary>A value: for a syscall, an integer, enum or bool in <c>td_retval[0]</c>.</summary>
    Value,

    /// <summary><c>Errno</c>: the error, nothing in <c>td_retval</c>.</summary>
    Errno,

    /// <summary><c>SyscallResult&lt;T&gt;</c>: a value or an error.</summary>
    ValueOrErrno,

    /// <summary><c>(long, long)</c>: both <c>td_retval</c> registers.</summary>
    Pair,
}

/// <summary>
/// The syscall ABI's side of a handler's signature: which parameters travel in an argument slot,
/// which types a slot carries, what a handler may return, and the slots a module may take. The
/// declaration rules (KMS0404, KMS0406–KMS0408, KMS0410, KMS0411) and the compiler's binder both ask here.
/// </summary>
public static class SyscallSignature
{
    /// <summary><c>struct syscall_args</c> has <c>args[8]</c> (FreeBSD's sys/sys/proc.h; docs/freebsd.md).</summary>
    public const int MaxArgumentSlots = 8;

    /// <summary>
    /// A two-value syscall's slots: amd64 passes <c>NARGREGS</c> (6, sys/amd64/include/proc.h) in registers
    /// and the kernel copies the rest from the caller's stack (<c>cpu_fetch_syscall_args</c>,
    /// sys/amd64/amd64/trap.c); the userland library's inline <c>syscall</c>, the only way to read
    /// <c>%rdx</c> back, sets the registers only (KMS0411).
    /// </summary>
    public const int MaxPairArgumentSlots = 6;

    /// <summary>The first <c>lkmnosys</c> slot: a module may claim 210–219 by number, and the kernel hands dynamic syscalls those slots in order.</summary>
    public const int FirstModuleSlot = 210;

    /// <summary>The last <c>lkmnosys</c> slot.</summary>
    public const int LastModuleSlot = 219;

    /// <summary>Whether the parameter fills an argument slot (the calling thread is passed by the kernel, not the caller).</summary>
    public static bool TakesSlot(IParameterSymbol parameter) => !TranslatableApi.IsRuntimeTypeNamed(parameter.Type, "CallingThread");

    /// <summary>
    /// Whether a slot carries the parameter: an integer (not <c>char</c>), enum, bool, <c>UserPtr&lt;T&gt;</c>
    /// (T with a kernel type) or <c>UserString</c>, by value (a <c>ref</c> would be a kernel address of the args block).
    /// </summary>
    public static bool IsArgument(IParameterSymbol parameter) =>
        parameter.RefKind == RefKind.None
        && (IsScalar(parameter.Type) || (TranslatableApi.IsRuntimeTypeNamed(parameter.Type, "UserPtr") && KernelType.Exists(parameter.Type))
            || TranslatableApi.IsRuntimeTypeNamed(parameter.Type, "UserString") || !TakesSlot(parameter));

    /// <summary>The shape of a handler's return type, or null for a type the ABI cannot return.</summary>
    public static SyscallReturnShape? ReturnShape(ITypeSymbol type) => ResultShape(type) switch
    {
        SyscallReturnShape.Value when !IsScalar(type) => null,
        SyscallReturnShape.ValueOrErrno when type is not INamedTypeSymbol { TypeArguments.Length: 1 } result
            || !IsScalar(result.TypeArguments[0]) || TranslatableApi.IsRuntimeTypeNamed(result.TypeArguments[0], "Errno") => null,
        var shape => shape,
    };

    /// <summary>
    /// How any translated method's C# result travels (a syscall's or a helper's, before the ABI
    /// narrows what a handler may return): the one classification the declaration rules and the
    /// compiler's binder share.
    /// </summary>
    public static SyscallReturnShape ResultShape(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Void)
        {
            return SyscallReturnShape.Void;
        }

        if (TranslatableApi.IsRuntimeTypeNamed(type, "Errno"))
        {
            return SyscallReturnShape.Errno;
        }

        if (TranslatableApi.IsRuntimeTypeNamed(type, "SyscallResult") && type is INamedTypeSymbol { TypeArguments.Length: 1 })
        {
            return SyscallReturnShape.ValueOrErrno;
        }

        return PairResult.IsPairType(type) ? SyscallReturnShape.Pair : SyscallReturnShape.Value;
    }

    /// <summary>The value carried in <c>td_retval[0]</c>: an integer of C# (not <c>char</c>), an enum or a bool.</summary>
    public static bool IsScalar(ITypeSymbol type) =>
        type.SpecialType is >= SpecialType.System_SByte and <= SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Boolean
        || type.TypeKind == TypeKind.Enum;
}
