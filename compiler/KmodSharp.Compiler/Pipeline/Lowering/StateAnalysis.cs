using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Decides which methods can change state their caller sees: a static, memory behind a ref
/// parameter or a span, user memory, the log. A call of one that cannot is ordered only by what it
/// reads, so <c>Encode(a) + Encode(b)</c> keeps both calls in one C expression.
/// </summary>
internal sealed class StateAnalysis
{
    private readonly CallGraphProperty changesState = new(ChangesStateAt, _ => true);

    public bool ChangesState(IMethodSymbol method) => method.DeclaringSyntaxReferences.Length == 0 || changesState.Of(method);

    // A write to anything but the method's own locals and by-value parameters, or a runtime call
    // (printf, copyout, atomics, span Fill/Clear/CopyTo), whose effects are outside the method.
    private static bool ChangesStateAt(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment => !IsOwnVariable(assignment.Target),
        ICompoundAssignmentOperation compound => !IsOwnVariable(compound.Target),
        IIncrementOrDecrementOperation step => !IsOwnVariable(step.Target),
        IInvocationOperation { TargetMethod: var target } => target.DeclaringSyntaxReferences.Length == 0,
        _ => false,
    };

    private static bool IsOwnVariable(IOperation target) => target switch
    {
        ILocalReferenceOperation or IDiscardOperation => true,
        IParameterReferenceOperation { Parameter.RefKind: RefKind.None } => true,
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } instance } => IsOwnVariable(instance),
        IInlineArrayAccessOperation { Instance: var instance } => IsOwnVariable(instance),
        _ => false,
    };
}
