using System.Linq;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Decides which methods take the calling thread as a <c>struct thread *td</c> first parameter, as
/// a kernel developer passes the syscall's <c>td</c> down instead of reading <c>curthread</c>: those
/// that use the thread themselves (a runtime call marked <c>[TakesCallingThread]</c>, as
/// <c>priv_check(9)</c>, a <c>CallingThread</c> they make), or call
/// a method that takes it. A method with a <c>CallingThread</c> parameter has its thread already.
/// </summary>
internal sealed class ThreadAnalysis
{
    private readonly CallGraphProperty needsThread = new(UsesThread, target => CallingThreadParameter(target) is null);

    public bool TakesThread(IMethodSymbol method) => CallingThreadParameter(method) is null && needsThread.Of(method);

    /// <summary>The parameter that carries the thread into a method: its first by-value <c>CallingThread</c>.</summary>
    public static IParameterSymbol? CallingThreadParameter(IMethodSymbol method) =>
        method.Parameters.FirstOrDefault(p => p.RefKind == RefKind.None && IsCallingThread(p.Type));

    /// <summary>
    /// Whether the operation reads the current thread. A <c>CallingThread</c> holds no state (every
    /// one is the thread running the code), so one made with <c>new</c>, or a local never assigned
    /// (C# reads an empty struct as assigned), is the current thread too.
    /// </summary>
    public static bool UsesThread(IOperation operation) => operation switch
    {
        IInvocationOperation { TargetMethod: var target } => RuntimeApi.Find(target) is { TakesThread: true },
        IObjectCreationOperation { Type: { } type } => IsCallingThread(type),
        IVariableDeclaratorOperation { Symbol.Type: var type } declarator => IsCallingThread(type) && declarator.GetVariableInitializer() is null,
        _ => false,
    };

    /// <summary>The running thread where no <c>td</c> is at hand (module event handlers).</summary>
    public const string RunningThread = "curthread";

    public static bool IsCallingThread(ITypeSymbol? type) => Frontend.TypeBinder.IsRuntimeType(type, "CallingThread");
}
