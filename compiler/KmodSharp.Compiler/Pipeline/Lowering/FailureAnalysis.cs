using KmodSharp.Compiler.Pipeline.Frontend;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Decides which methods need a failure channel: those containing an operation that .NET would
/// turn into an exception (division by zero, <c>MinValue / -1</c>, checked overflow, an index out
/// of range), or calling a method that does, whatever it returns: an exception passes through an
/// <c>Errno</c> or <c>SyscallResult</c> result, it does not become one.
/// </summary>
internal sealed class FailureAnalysis
{
    private readonly CallGraphProperty canFail = new(GuardedOperations.IsGuarded, _ => true);

    public bool CanFail(IMethodSymbol method) => canFail.Of(method);
}
