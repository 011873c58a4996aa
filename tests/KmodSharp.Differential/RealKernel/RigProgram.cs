using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Differential.Runner;

namespace KmodSharp.Differential.RealKernel;

/// <summary>One call for the real kernel: the syscall's module name (<c>sys/&lt;name&gt;</c> for modfind(2)) and its arguments.</summary>
public sealed record RigCallInput(string SyscallModule, DiffInput Input);

/// <summary>A generated module (as <c>kmodsharp build</c> writes it) and its calls, made in this order by one process.</summary>
public sealed record RigProgram(string Id, ModuleArtifacts Artifacts, ImmutableArray<RigCallInput> Calls)
{
    /// <summary>The dynamic syscall slots the module takes when it loads.</summary>
    public int Slots => Artifacts.Model.Syscalls.Length;
}

/// <summary>One call as the real kernel answered it: errno, <c>%rax</c>/<c>%rdx</c> and the writable buffers as kmodsim reports them, and the kernel log lines it added.</summary>
public sealed record RigCall(HarnessCall Result, ImmutableArray<string> Log);

/// <summary>
/// What the real kernel gave for one program: a result per call (null when the runner printed none),
/// the runner's own problems (a module not found, a mapping refused), and the errno of the module's kldunload(2).
/// </summary>
public sealed record RigProgramResult(ImmutableArray<RigCall?> Calls, ImmutableArray<string> Problems, int? UnloadError);
