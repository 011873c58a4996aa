using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// <c>[Sysctl("name")]</c> on a static field of the module exposes it as <c>kern.&lt;module&gt;.&lt;name&gt;</c>.
/// Static sysctls are registered when the module loads and removed when it unloads; one with a
/// validator is a <c>SYSCTL_PROC</c> (<see cref="SysctlHandlers"/>).
/// </summary>
internal static class Sysctls
{
    public static ImmutableArray<(IFieldSymbol Field, AttributeData Attribute)> Of(BoundModule module, LoweringContext context)
    {
        INamedTypeSymbol? type = module.Entry.Values.FirstOrDefault()?.ContainingType;
        if (type is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<(IFieldSymbol, AttributeData)>();
        foreach (IFieldSymbol field in type.GetMembers().OfType<IFieldSymbol>())
        {
            if (SysctlField.Attribute(field) is { } attribute)
            {
                _ = context.StateName(field);
                result.Add((field, attribute));
                if (SysctlField.Validator(field) is { } validator)
                {
                    // Translated as any method is; its handler calls it (SysctlHandlers).
                    _ = context.SignatureOf(validator);
                }
            }
        }

        return result.ToImmutable();
    }

    public static IEnumerable<CDecl> Declarations(string module, ImmutableArray<(IFieldSymbol Field, AttributeData Attribute)> sysctls, LoweringContext context)
    {
        if (sysctls.IsEmpty)
        {
            yield break;
        }

        var readOnly = new CBinary(CBinaryOperator.BitwiseOr, new CIdentifier("CTLFLAG_RD"), new CIdentifier("CTLFLAG_MPSAFE"));
        string node = CNames.SysctlNode(module);
        yield return new CMacroInvocation("SYSCTL_NODE",
            [new CIdentifier("_kern"), new CIdentifier("OID_AUTO"), new CIdentifier(node), readOnly, new CIntegerLiteral(0), new CStringLiteral($"{module} module")]);
        foreach ((IFieldSymbol field, AttributeData attribute) in sysctls.Where(s => SysctlField.Validator(s.Field) is null))
        {
            string name = attribute.ConstructorArguments[0].Value as string ?? field.Name;
            string description = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string ?? "";
            bool writable = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Writable").Value.Value as bool? ?? false;
            // The analyzer (KMS0900) refuses a [Sysctl] field of any other type (Subset/SysctlField).
            string macro = SysctlField.ValueOf(field.Type) switch
            {
                SysctlValue.Int => "SYSCTL_INT",
                SysctlValue.UInt => "SYSCTL_UINT",
                SysctlValue.Int64 => "SYSCTL_S64",
                SysctlValue.UInt64 => "SYSCTL_U64",
                SysctlValue.Bool => "SYSCTL_BOOL",
                _ => throw new InternalCompilerException($"[Sysctl] on a field of type '{field.Type.ToDisplayString()}', which the rule set accepted", field.Locations[0]),
            };

            CExpr access = new CBinary(CBinaryOperator.BitwiseOr, new CIdentifier(writable ? "CTLFLAG_RW" : "CTLFLAG_RD"), new CIdentifier("CTLFLAG_MPSAFE"));
            yield return new CMacroInvocation(macro,
            [
                new CIdentifier("_kern_" + node), new CIdentifier("OID_AUTO"), new CIdentifier(CNames.SysctlLeaf(name)), access,
                new CUnary(CUnaryOperator.AddressOf, new CIdentifier(context.StateName(field)!)), new CIntegerLiteral(0), new CStringLiteral(description),
            ]);
        }
    }
}
