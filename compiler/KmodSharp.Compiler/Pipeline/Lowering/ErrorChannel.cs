using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Where one function keeps errnos: the <c>error</c> local that holds a failing callee's (declared
/// on first use), and whether it wrote its <see cref="FunctionSignature.ErrorPointer"/>.
/// </summary>
internal sealed class ErrorChannel(LocalNames locals)
{
    private string? local;

    /// <summary>Whether <see cref="Pointer"/> was used: a method that never uses it must still read it (-Wunused-parameter).</summary>
    public bool PointerUsed { get; private set; }

    public string Local() => local ??= locals.Declare("error", CNamedType.Int);

    /// <summary>The function's <see cref="FunctionSignature.ErrorPointer"/>, noted as used.</summary>
    public CIdentifier Pointer()
    {
        PointerUsed = true;
        return new CIdentifier(FunctionSignature.ErrorPointer);
    }
}
