using System.Collections.Immutable;

namespace KmodSharp.Compiler.Tools.Kdump;

/// <summary>
/// How kdump(1) named a syscall: the name its table gives the slot (<c>lkmnosys</c> for a module's
/// dynamic slot), the number when it printed one (<c>kdump -S</c>, or <c>[583]</c> for a slot its table
/// does not name), or both.
/// </summary>
public sealed record KdumpSyscallName(string? TableName, int? Number);

/// <summary>A kdump line about a syscall; <see cref="Head"/> is the text before its name (pid, command, times, record type), kept as printed.</summary>
public abstract record KdumpRecord(string Head, KdumpSyscallName Syscall);

/// <summary>A <c>CALL</c> line: the arguments as the registers held them.</summary>
public sealed record KdumpCall(string Head, KdumpSyscallName Syscall, ImmutableArray<ulong> Arguments) : KdumpRecord(Head, Syscall);

/// <summary>A <c>RET</c> line.</summary>
public sealed record KdumpReturn(string Head, KdumpSyscallName Syscall, KdumpOutcome Outcome) : KdumpRecord(Head, Syscall);

/// <summary>What a <c>RET</c> line says happened.</summary>
public abstract record KdumpOutcome;

/// <summary>Success: <c>td_retval[0]</c> (ktrace(2) records no other, see <c>struct ktr_sysret</c> in sys/sys/ktrace.h).</summary>
public sealed record KdumpValue(ulong Value) : KdumpOutcome;

/// <summary>Failure with an errno.</summary>
public sealed record KdumpError(int Errno) : KdumpOutcome;

/// <summary><c>RESTART</c> or <c>JUSTRETURN</c>: the kernel's own codes, printed by name.</summary>
public sealed record KdumpPseudoError(string Text) : KdumpOutcome;
