using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// "using" on kernel resources becomes their release on every path out of the scope:
//   using KernelBuffer<byte> b = Kernel.Allocate<byte>(n, MallocFlags.WaitOk);
//   using (state.Lock()) { if (x) return Errno.EINVAL; … }
// becomes
//   if (n < 0) return (EOVERFLOW);
//   b = malloc((size_t)n * sizeof(uint8_t), M_MOD, M_WAITOK); b_len = n;
//   mtx_lock(&mod_state);
//   if (x) { mtx_unlock(&mod_state); free(b, M_MOD); return (EINVAL); }
//   …
//   mtx_unlock(&mod_state);
//   free(b, M_MOD);
// Where a buffer is known to be NULL (inside "if (b.IsNull) { … }") its free is left out, as a
// kernel developer leaves it out: free(9) of NULL does nothing.
internal sealed partial class FunctionLowering
{
    /// <summary>The buffer a condition tests with <c>IsNull</c>: NULL where the condition is true, or (for <c>!b.IsNull</c>) false.</summary>
    private (ISymbol? WhenTrue, ISymbol? WhenFalse) NullTest(IOperation condition) => condition switch
    {
        IPropertyReferenceOperation { Property.Name: "IsNull", Instance: ILocalReferenceOperation local } when resources.Buffer(local.Local) is not null => (local.Local, null),
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, Operand: var operand } when NullTest(operand) is var (whenTrue, whenFalse) => (whenFalse, whenTrue),
        _ => (null, null),
    };

    /// <summary>Lowers a scope; the resources it takes are released where it ends, unless it ended in a jump.</summary>
    private void Scoped(System.Action lower)
    {
        int scope = resources.Open();
        lower();
        ImmutableArray<CStmt> releases = resources.Close(scope);
        if (!EndsInJump(current))
        {
            current.AddRange(releases);
        }

    }

    private void Using(IUsingOperation usingOperation) => Scoped(() =>
    {
        switch (usingOperation.Resources)
        {
            case IVariableDeclarationGroupOperation group:
                Statement(group);
                break;
            default:
                Acquire(usingOperation.Resources);
                break;
        }

        Statement(usingOperation.Body);
    });

    /// <summary>A guard from <c>Lock()</c>: take the lock now, release it at the end of the scope.</summary>
    private void Acquire(IOperation resource)
    {
        // Other resources are refused by the analyzer (Subset/KernelResources).
        if (!Analyzers.Subset.KernelResources.IsStaticLock(resource)
            || resource is not IInvocationOperation { Instance: IFieldReferenceOperation { Field: var field } } call
            || context.StateName(field) is not { } lockName)
        {
            throw LoweringContext.Untranslated(resource, "this using resource");
        }

        var address = new CUnary(CUnaryOperator.AddressOf, new CIdentifier(lockName));
        (string take, string release) = call.TargetMethod.Name switch
        {
            "Lock" => ("mtx_lock", "mtx_unlock"),
            "LockExclusive" => ("sx_xlock", "sx_xunlock"),
            _ => ("sx_slock", "sx_sunlock"),
        };
        Emit(new CExpressionStatement(new CCall(take, address)));
        resources.Take(new CExpressionStatement(new CCall(release, address)));
    }

    /// <summary>
    /// <c>KernelBuffer&lt;T&gt; b = Kernel.Allocate&lt;T&gt;(count, flags)</c>, or <c>= Make(…)</c> of a method returning one:
    /// malloc(9) from the module's type, freed at scope end.
    /// </summary>
    private void BufferDeclaration(IVariableDeclaratorOperation declarator, IOperation? initializer, bool isUsing)
    {
        // Other buffers are refused by the analyzer (Subset/KernelResources; without 'using', KMS0301).
        if (Analyzers.Subset.KernelResources.Check(declarator) is not null || !isUsing
            || initializer is not IInvocationOperation call || !Analyzers.Subset.KernelResources.IsAllocation(call)
            || declarator.Symbol.Type is not INamedTypeSymbol { TypeArguments: [var elementType] })
        {
            throw LoweringContext.Untranslated(declarator, "this KernelBuffer");
        }

        KType element = KTypeOf(elementType, declarator);
        string preferred = CNames.Local(declarator.Symbol.Name);
        var pointer = new CIdentifier(Declare(preferred, new CPointerType(CTypeMapper.Map(element))));
        var length = new CIdentifier(Declare(FunctionSignature.SpanLength(preferred), CNamedType.SizeT));
        if (call.TargetMethod.Name == "Allocate" && Frontend.TypeBinder.IsRuntimeType(call.TargetMethod.ContainingType, "Kernel"))
        {
            Allocate(call, element, pointer, length);
        }
        else
        {
            // The method made the buffer for its caller (FunctionLowering.SpanResults): this scope owns it now.
            SpanValue made = SpanResult(call);
            Emit(new CExpressionStatement(new CAssign(pointer, made.Pointer)));
            Emit(new CExpressionStatement(new CAssign(length, made.Length)));
        }

        resources.TakeBuffer(declarator.Symbol, new SpanValue(pointer, length, element), new CExpressionStatement(new CCall("free", pointer, new CIdentifier(context.MallocType()))));
    }

    /// <summary>The malloc(9) of <c>Kernel.Allocate&lt;T&gt;(count, flags)</c> into a pointer and length; a failed M_NOWAIT allocation is empty.</summary>
    private void Allocate(IInvocationOperation allocate, KType element, CExpr pointer, CExpr length)
    {
        // Allocate(flags: f, count: n) evaluates f first; both before the call checks the count.
        LoweredArgument[] arguments = LowerArguments(allocate.Arguments, Argument);
        CExpr count = arguments[0].Value!, flags = arguments[1].Value!;
        if (allocate.Arguments.Single(a => a.Parameter?.Ordinal == 0).Value.ConstantValue is not { HasValue: true })
        {
            // A negative count is .NET's OverflowException; malloc would take it as a huge size.
            count = count is CIdentifier ? count : Spill(count, CNamedType.Int);
            Emit(new CIf(new CBinary(CBinaryOperator.Less, count, new CIntegerLiteral(0)), ErrorBlock(new CIdentifier(OverflowErrno))));
        }

        CExpr bytes = new CBinary(CBinaryOperator.Multiply, new CCast(CNamedType.SizeT, count), new CSizeofType(CTypeMapper.Map(element)));
        var type = new CIdentifier(context.MallocType());
        Emit(new CExpressionStatement(new CAssign(pointer, new CCall(new CIdentifier("malloc"), [bytes, type, flags]))));
        // A failed M_NOWAIT allocation is an empty buffer, as in .NET (Length 0, an empty Span).
        Emit(new CExpressionStatement(new CAssign(length,
            new CConditional(new CBinary(CBinaryOperator.Equal, pointer, new CIdentifier("NULL")), new CIntegerLiteral(0), new CCast(CNamedType.SizeT, count)))));
    }

    private SpanValue? KernelBufferSpan(IOperation buffer) =>
        buffer is ILocalReferenceOperation local ? resources.Buffer(local.Local) : null;

    /// <summary><c>KernelBuffer</c> members other than <c>Span</c>.</summary>
    private CExpr? KernelBufferMember(IPropertyReferenceOperation property)
    {
        if (property.Instance is null || !Frontend.TypeBinder.IsRuntimeType(property.Instance.Type, "KernelBuffer") || KernelBufferSpan(property.Instance) is not { } buffer)
        {
            return null;
        }

        return property.Property.Name switch
        {
            "IsNull" => new CBinary(CBinaryOperator.Equal, buffer.Pointer, new CIdentifier("NULL")),
            "Length" => new CCast(CNamedType.Int, buffer.Length),
            _ => null,
        };
    }
}
