using System;
using System.Collections.Generic;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.CTarget;

/// <summary>
/// A struct as C lays it out, with byte arrays where an explicit C# layout leaves a gap, then
/// compile-time checks that C's layout is the C# one: a mismatch cannot build. The kernel file and
/// the userland header both use it, so a program and the module cannot disagree.
/// </summary>
public static class StructLayout
{
    /// <param name="type">The struct.</param>
    /// <param name="map">How field types are spelled (kernel or userland names).</param>
    /// <param name="offsetof">The offsetof macro of that world.</param>
    public static IEnumerable<CDecl> Definition(KStruct type, Func<KType, CType> map, string offsetof)
    {
        var lines = new List<CFieldLine>();
        int end = 0;
        int pads = 0;
        foreach (KField field in type.Fields)
        {
            if (field.Offset > end)
            {
                lines.Add(new CFieldLine([new CField(new CArrayType(new CNamedType("uint8_t"), new CIntegerLiteral(field.Offset - end)), $"kms_pad{pads++}")]));
            }

            CType fieldType = map(field.Type);
            lines.Add(new CFieldLine([new CField(field.ArrayLength is int length ? new CArrayType(fieldType, new CIntegerLiteral(length)) : fieldType, CNames.Member(type, field.Name))]));
            end = field.Offset + field.Size;
        }

        int natural = (end + type.Alignment - 1) / type.Alignment * type.Alignment;
        if (type.Size > natural)
        {
            lines.Add(new CFieldLine([new CField(new CArrayType(new CNamedType("uint8_t"), new CIntegerLiteral(type.Size - end)), $"kms_pad{pads}")]));
        }

        string name = CNames.StructTag(type);
        yield return new CStructDefinition(name, [.. lines]);
        var tag = new CStructType(name);
        string message = $"struct {name}: the C layout differs from the C# layout";
        yield return new CMacroInvocation("_Static_assert", [new CBinary(CBinaryOperator.Equal, new CSizeofType(tag), new CIntegerLiteral(type.Size)), new CStringLiteral(message)]);
        foreach (KField field in type.Fields)
        {
            var offset = new CCall(new CIdentifier(offsetof), [new CTypeArgument(tag), new CIdentifier(CNames.Member(type, field.Name))]);
            yield return new CMacroInvocation("_Static_assert", [new CBinary(CBinaryOperator.Equal, offset, new CIntegerLiteral(field.Offset)), new CStringLiteral(message)]);
        }
    }
}
