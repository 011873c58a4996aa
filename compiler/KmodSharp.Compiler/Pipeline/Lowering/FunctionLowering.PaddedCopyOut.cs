using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A struct with padding goes to user memory through a zeroed byte buffer filled field by field, so
// no padding byte can come from the kernel stack: C leaves padding unspecified after a member store
// or a struct copy (C11 6.2.6.1), while .NET's is zero. A padded member is filled member by member too.
//   Kernel.CopyOut(in st, dst)    memset(kms_out, 0, sizeof(kms_out));
//                                 memcpy(kms_out + offsetof(struct Stat, kind), &st.kind, sizeof(st.kind));
//                                 memcpy(kms_out + offsetof(struct Stat, size), &st.size, sizeof(st.size));
//                                 copyout(kms_out, dst, sizeof(kms_out))
internal sealed partial class FunctionLowering
{
    /// <summary>
    /// For a <paramref name="copyOut"/> of a padded struct from <paramref name="address"/>: fills a zeroed
    /// buffer with its fields and returns the buffer and the destination (evaluated before the fields are
    /// read, as C# reads an <c>in</c> argument in the call); null when the type has no padding.
    /// </summary>
    internal (CExpr Buffer, CExpr Destination)? PaddedCopyOut(IMethodSymbol copyOut, CExpr address, CExpr destination, IOperation at)
    {
        ITypeSymbol type = copyOut.TypeArguments[0];
        if (!Analyzers.Subset.PaddedCopyOut.NeedsZeroedBuffer(type))
        {
            return null;
        }

        if (MayWrite(destination))
        {
            destination = Spill(destination, CTypeOf(copyOut.Parameters[1].Type, at));
        }

        CType structType = CTypeOf(type, at);
        if (MayWrite(address))
        {
            // Each field reads through the address: "in items[Next()]" must call Next once.
            address = Spill(address, new CPointerType(structType));
        }

        var buffer = new CIdentifier(Declare("kms_out", new CArrayType(new CNamedType("uint8_t"), new CSizeofType(structType))));
        CExpr value = address is CUnary { Operator: CUnaryOperator.AddressOf } taken ? taken.Operand : new CUnary(CUnaryOperator.Dereference, address);
        Emit(new CExpressionStatement(new CCall("memset", buffer, Literal(0), new CSizeofExpression(buffer))));
        CopyFields(type, structType, buffer, value, designator: null, depth: 0);
        return (buffer, destination);
    }

    /// <summary>
    /// For a copy out of a span of padded structs: the same, element by element, into a zeroed
    /// <c>malloc(9)</c> buffer of the span's bytes, copied out in one <c>copyout</c> (the whole span or
    /// nothing, as for any span) and freed at once; returns copyout's result, or null when the element
    /// has no padding.
    /// <code>
    /// kms_out_len = (size_t)len * sizeof(struct Stat);
    /// kms_outp = malloc(kms_out_len, M_MOD, M_WAITOK | M_ZERO);
    /// for (kms_i = 0; kms_i &lt; len; kms_i++) { memcpy(kms_outp + kms_i * sizeof(struct Stat) + offsetof(struct Stat, kind), …); … }
    /// kms_error = copyout(kms_outp, dst, kms_out_len);
    /// free(kms_outp, M_MOD);
    /// </code>
    /// </summary>
    internal CExpr? PaddedSpanCopyOut(string copyoutName, IMethodSymbol copyOut, CExpr pointer, CExpr length, CExpr destination, IOperation at)
    {
        ITypeSymbol type = copyOut.TypeArguments[0];
        if (!Analyzers.Subset.PaddedCopyOut.NeedsZeroedBuffer(type))
        {
            return null;
        }

        if (MayWrite(destination))
        {
            destination = Spill(destination, CTypeOf(copyOut.Parameters[1].Type, at));
        }

        CType structType = CTypeOf(type, at);
        var size = new CNamedType("size_t");
        var bytes = new CIdentifier(Declare("kms_out_len", size));
        var buffer = new CIdentifier(Declare("kms_outp", new CPointerType(new CNamedType("uint8_t"))));
        var index = new CIdentifier(Declare("kms_i", size));
        var error = new CIdentifier(Declare("kms_error", CNamedType.Int));
        var count = new CCast(size, length);
        var malloc = new CIdentifier(context.MallocType());
        Emit(new CExpressionStatement(new CAssign(bytes, new CBinary(CBinaryOperator.Multiply, count, new CSizeofType(structType)))));
        Emit(new CExpressionStatement(new CAssign(buffer, new CCall(new CIdentifier("malloc"),
            [bytes, malloc, new CBinary(CBinaryOperator.BitwiseOr, new CIdentifier("M_WAITOK"), new CIdentifier("M_ZERO"))]))));
        CExpr element = new CBinary(CBinaryOperator.Add, buffer, new CBinary(CBinaryOperator.Multiply, index, new CSizeofType(structType)));
        CBlock fill = Collect(() => CopyFields(type, structType, element, new CIndex(pointer, index), designator: null, depth: 0));
        Emit(new CFor(new CExpressionStatement(new CAssign(index, Literal(0))), new CBinary(CBinaryOperator.Less, index, count),
            new CUnary(CUnaryOperator.PostIncrement, index), fill));
        Emit(new CExpressionStatement(new CAssign(error, new CCall(copyoutName, buffer, destination, bytes))));
        Emit(new CExpressionStatement(new CCall("free", buffer, malloc)));
        return error;
    }

    // Each member without padding is one memcpy to its offset; a member with padding (a struct, or an
    // array of structs) is walked into.
    private void CopyFields(ITypeSymbol type, CType outer, CExpr buffer, CExpr value, CExpr? designator, int depth)
    {
        foreach (FieldPlacement field in StructLayouts.Of(type)!.Fields)
        {
            string member = FieldNames.Member(field.Field);
            CExpr path = designator is null ? new CIdentifier(member) : new CMember(designator, member, Arrow: false);
            CExpr source = Member(value, member);
            bool padded = depth < 16 && Analyzers.Subset.PaddedCopyOut.NeedsZeroedBuffer(field.ElementType);
            if (!padded)
            {
                CopyMember(outer, buffer, source, path);
            }
            else if (!field.IsArray)
            {
                CopyFields(field.ElementType, outer, buffer, source, path, depth + 1);
            }
            else
            {
                for (int i = 0; i < field.Length; i++)
                {
                    CopyFields(field.ElementType, outer, buffer, new CIndex(source, Literal(i)), new CIndex(path, Literal(i)), depth + 1);
                }
            }
        }
    }

    private void CopyMember(CType outer, CExpr buffer, CExpr source, CExpr path)
    {
        var offset = new CCall("offsetof", new CTypeArgument(outer), path);
        Emit(new CExpressionStatement(new CCall("memcpy", new CBinary(CBinaryOperator.Add, buffer, offset), AddressOf(source), new CSizeofExpression(source))));
    }

    // Whether evaluating the expression may store anything (a call or an assignment in it).
    private static bool MayWrite(CExpr expression) => expression switch
    {
        CCall or CAssign => true,
        CBinary binary => MayWrite(binary.Left) || MayWrite(binary.Right),
        CUnary unary => MayWrite(unary.Operand),
        CCast cast => MayWrite(cast.Operand),
        CMember member => MayWrite(member.Target),
        CIndex index => MayWrite(index.Target) || MayWrite(index.Index),
        CConditional conditional => MayWrite(conditional.Condition) || MayWrite(conditional.WhenTrue) || MayWrite(conditional.WhenFalse),
        _ => false,
    };

    private static CExpr Member(CExpr value, string member) =>
        value is CUnary { Operator: CUnaryOperator.Dereference } deref
            ? new CMember(deref.Operand, member, Arrow: true)
            : new CMember(value, member, Arrow: false);
}
