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
/// A <c>[Sysctl(Validator = nameof(Check))]</c> field becomes a <c>SYSCTL_PROC</c> whose handler copies
/// the value in, validates it, then stores it, as kernel code writes one:
/// <code>
/// [Sysctl("limit", Writable = true,       static int
///   Validator = nameof(CheckLimit))]      sysctl_mod_limit(struct sysctl_oid *oidp, void *arg1, intmax_t arg2, struct sysctl_req *req)
/// static int limit;                       {
///                                             int value;
///                                             int error;
///                                             value = mod_limit;
///                                             error = sysctl_handle_int(oidp, &amp;value, 0, req);
///                                             if (error != 0 || req->newptr == NULL)
///                                                 return (error);
///                                             if (!mod_check_limit(value))
///                                                 return (EINVAL);
///                                             mod_limit = value;
///                                             return (0);
///                                         }
///                                         SYSCTL_PROC(_kern_mod, OID_AUTO, limit, CTLTYPE_INT | CTLFLAG_RW | CTLFLAG_MPSAFE, NULL, 0, sysctl_mod_limit, "I", "…");
/// </code>
/// The validator is an ordinary translated method: one that can fail (as .NET would throw) fails the
/// write with its errno; one that needs the thread gets the writer's, <c>req->td</c>.
/// </summary>
internal static class SysctlHandlers
{
    /// <summary>The handler and <c>SYSCTL_PROC</c> of each validated sysctl, after the functions they call.</summary>
    public static IEnumerable<CDecl> Declarations(string module, ImmutableArray<(IFieldSymbol Field, AttributeData Attribute)> sysctls, LoweringContext context)
    {
        foreach ((IFieldSymbol field, AttributeData attribute) in sysctls)
        {
            if (SysctlField.Validator(field) is not { } validator)
            {
                continue;
            }

            string leaf = attribute.ConstructorArguments[0].Value as string ?? field.Name;
            string description = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Description").Value.Value as string ?? "";
            (string handle, string type, string format) = Kind(field);
            string handler = $"sysctl_{module}_{leaf}";
            yield return new CFunctionDefinition(true, CNamedType.Int, handler,
                [
                    new CParameter(new CPointerType(new CStructType("sysctl_oid")), "oidp"),
                    new CParameter(new CPointerType(CNamedType.Void), "arg1"),
                    new CParameter(new CNamedType("intmax_t"), "arg2"),
                    new CParameter(new CPointerType(new CStructType("sysctl_req")), "req"),
                ],
                Body(context, field, validator, handle));
            yield return new CMacroInvocation("SYSCTL_PROC",
            [
                new CIdentifier("_kern_" + CNames.SysctlNode(module)), new CIdentifier("OID_AUTO"), new CIdentifier(CNames.SysctlLeaf(leaf)),
                Or(type, "CTLFLAG_RW", "CTLFLAG_MPSAFE"), new CIdentifier("NULL"), new CIntegerLiteral(0), new CIdentifier(handler),
                new CStringLiteral(format), new CStringLiteral(description),
            ]);
        }
    }

    private static CBlock Body(LoweringContext context, IFieldSymbol field, IMethodSymbol validator, string handle)
    {
        var value = new CIdentifier("value");
        var error = new CIdentifier("error");
        var state = new CIdentifier(context.StateName(field)!);
        FunctionSignature check = context.SignatureOf(validator);
        ImmutableArray<CExpr> arguments = check.TakesThread ? [new CMember(new CIdentifier("req"), "td", Arrow: true), value] : [value];
        var statements = new List<CStmt>
        {
            new CLocalDeclaration(CTypeMapper.Map(TypeBinder.BindAccepted(field.Type, field.Locations[0])), "value"),
            new CLocalDeclaration(CNamedType.Int, "error"),
        };
        CExpr accepted;
        if (check.CanFail)
        {
            // Where .NET would throw inside the validator, the write fails with that errno.
            statements.Add(new CLocalDeclaration(new CNamedType("bool"), "ok"));
            accepted = new CIdentifier("ok");
        }
        else
        {
            accepted = new CCall(new CIdentifier(check.Name), arguments);
        }

        statements.Add(Statement(new CAssign(value, state)));
        statements.Add(Statement(new CAssign(error, new CCall(handle, new CIdentifier("oidp"), new CUnary(CUnaryOperator.AddressOf, value), new CIntegerLiteral(0), new CIdentifier("req")))));
        statements.Add(new CIf(
            new CBinary(CBinaryOperator.LogicalOr, new CBinary(CBinaryOperator.NotEqual, error, new CIntegerLiteral(0)),
                new CBinary(CBinaryOperator.Equal, new CMember(new CIdentifier("req"), "newptr", Arrow: true), new CIdentifier("NULL"))),
            new CReturn(error)));
        if (check.CanFail)
        {
            statements.Add(Statement(new CAssign(error, new CCall(new CIdentifier(check.Name), [.. arguments, new CUnary(CUnaryOperator.AddressOf, accepted)]))));
            statements.Add(new CIf(new CBinary(CBinaryOperator.NotEqual, error, new CIntegerLiteral(0)), new CReturn(error)));
        }

        statements.Add(new CIf(new CUnary(CUnaryOperator.LogicalNot, accepted), new CReturn(new CIdentifier("EINVAL"))));
        statements.Add(Statement(new CAssign(state, value)));
        statements.Add(new CReturn(new CIntegerLiteral(0)));
        return new CBlock([.. statements]);
    }

    // sysctl(9)'s handler, type and format for each kind, as SYSCTL_INT and friends use them.
    private static (string Handle, string Type, string Format) Kind(IFieldSymbol field) => SysctlField.ValueOf(field.Type) switch
    {
        SysctlValue.Int => ("sysctl_handle_int", "CTLTYPE_INT", "I"),
        SysctlValue.UInt => ("sysctl_handle_int", "CTLTYPE_UINT", "IU"),
        SysctlValue.Int64 => ("sysctl_handle_64", "CTLTYPE_S64", "Q"),
        SysctlValue.UInt64 => ("sysctl_handle_64", "CTLTYPE_U64", "QU"),
        SysctlValue.Bool => ("sysctl_handle_bool", "CTLTYPE_U8", "CU"),
        _ => throw new InternalCompilerException($"[Sysctl] on a field of type '{field.Type.ToDisplayString()}', which the rule set accepted", field.Locations[0]),
    };

    private static CExpr Or(params string[] flags) =>
        flags.Skip(1).Aggregate((CExpr)new CIdentifier(flags[0]), (all, flag) => new CBinary(CBinaryOperator.BitwiseOr, all, new CIdentifier(flag)));

    private static CExpressionStatement Statement(CExpr expression) => new(expression);
}
