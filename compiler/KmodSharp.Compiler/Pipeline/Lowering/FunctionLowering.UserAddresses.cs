using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// A user address as a number and back, as kernel C does it: the address is a uintptr_t, and its
// arithmetic is C#'s nuint arithmetic (unsigned, wrapping unless checked), never pointer arithmetic:
//   var payload = new UserPtr<Payload>(hdr.Address + 16);    payload = (struct payload *)((uintptr_t)hdr + 16);
internal sealed partial class FunctionLowering
{
    /// <summary><c>p.Address</c> of a <c>UserPtr&lt;T&gt;</c> or <c>UserString</c>: <c>(uintptr_t)p</c>; null for any other property.</summary>
    private CExpr? UserAddress(IPropertyReferenceOperation property) =>
        property is { Property.Name: "Address", Instance: { } pointer } && IsUserAddressType(pointer.Type)
            ? new CCast(new CNamedType("uintptr_t"), Value(pointer))
            : null;

    /// <summary>
    /// <c>new UserPtr&lt;T&gt;(address)</c> or <c>new UserString(address)</c>: the address cast to the
    /// pointer type the syscall argument has; null for any other creation.
    /// </summary>
    private CExpr? MadeUserAddress(IObjectCreationOperation creation) =>
        creation is { Arguments: [var address], Type: { } type } && IsUserAddressType(type)
            ? new CCast(CTypeOf(type, creation), Converted(address.Value))
            : null;

    /// <summary>The C type of the elements a span of <paramref name="element"/> copies (<c>count * sizeof(gid_t)</c>).</summary>
    internal CType ElementCType(Microsoft.CodeAnalysis.ITypeSymbol element, Microsoft.CodeAnalysis.IOperation at) => CTypeOf(element, at);

    private static bool IsUserAddressType(Microsoft.CodeAnalysis.ITypeSymbol? type) =>
        Frontend.TypeBinder.IsRuntimeType(type, "UserPtr") || Frontend.TypeBinder.IsRuntimeType(type, "UserString");
}
