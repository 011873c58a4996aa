using KmodSharp.Compiler.Pipeline.CTree;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// The kernel's clocks: its variables read as they are, its functions through the struct they fill:
//   long s = KernelClock.TimeSecond;              s = time_second;
//   KernelClock.NanoTime(out s, out ns);          nanotime(&kms_ts);
//                                                 s = kms_ts.tv_sec;
//                                                 ns = kms_ts.tv_nsec;
internal sealed partial class FunctionLowering
{
    /// <summary><c>KernelClock.TimeSecond</c>, <c>KernelClock.Ticks</c>: the kernel variable its <c>[CName]</c> names, or null.</summary>
    private static CExpr? KernelClockVariable(IPropertyReferenceOperation property) =>
        Frontend.TypeBinder.IsRuntimeType(property.Property.ContainingType, "KernelClock") && CNameOf(property.Property) is { } name
            ? new CIdentifier(name)
            : null;

    private static string? CNameOf(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "CNameAttribute" } && attribute.ConstructorArguments is [{ Value: string name }])
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Calls <paramref name="function"/> on a fresh <c>struct <paramref name="tag"/></c> and stores its
    /// two fields through the out arguments' addresses (lowered, in C#'s order, before the call); a
    /// null address is a discard.
    /// </summary>
    internal CExpr FillThroughStruct(string function, string tag, (CExpr? Address, string Field) first, (CExpr? Address, string Field) second)
    {
        var filled = new CIdentifier(Declare("kms_" + tag, new CStructType(tag)));
        CExpr call = new CCall(function, new CUnary(CUnaryOperator.AddressOf, filled));
        foreach ((CExpr? address, string field) in new[] { first, second })
        {
            if (address is not null)
            {
                Emit(new CExpressionStatement(call));
                call = new CAssign(Dereferenced(address), new CMember(filled, field, Arrow: false));
            }
        }

        return call;
    }

    private static CExpr Dereferenced(CExpr address) =>
        address is CUnary { Operator: CUnaryOperator.AddressOf } taken ? taken.Operand : new CUnary(CUnaryOperator.Dereference, address);
}
