using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The syscall ABI as sys/sysproto.h lays it out: every argument fills one <c>register_t</c>
/// slot, padded on the side the byte order requires. sysproto.h #undefs its PAD_ macros, so the
/// module defines its own under KMS_ names.
/// </summary>
internal static class SyscallAbi
{
    public static ImmutableArray<CDecl> PaddingMacros()
    {
        var t = new CIdentifier("t");
        var registerSize = new CSizeofType(CNamedType.RegisterT);
        var typeSize = new CSizeofType(new CNamedType("t"));
        var pad = new CConditional(
            new CBinary(CBinaryOperator.LessOrEqual, registerSize, typeSize),
            new CIntegerLiteral(0),
            new CBinary(CBinaryOperator.Subtract, registerSize, typeSize));
        CExpr PadOf() => new CCall(new CIdentifier("KMS_PAD_"), [t]);
        ImmutableArray<string> parameters = ["t"];
        return
        [
            new CComment(["Argument padding, as sys/sysproto.h lays out every syscall argument", "in one register_t slot (sysproto.h #undefs its own PAD_ macros)."]),
            new CMacroDefinition("KMS_PAD_", parameters, pad),
            new CPreprocessorIf(
                new CBinary(CBinaryOperator.Equal, new CIdentifier("BYTE_ORDER"), new CIdentifier("LITTLE_ENDIAN")),
                [new CMacroDefinition("KMS_PADL_", parameters, new CIntegerLiteral(0)), new CMacroDefinition("KMS_PADR_", parameters, PadOf())],
                [new CMacroDefinition("KMS_PADL_", parameters, PadOf()), new CMacroDefinition("KMS_PADR_", parameters, new CIntegerLiteral(0))]),
        ];
    }

    /// <summary><c>struct &lt;module&gt;_&lt;name&gt;_args</c> (in-tree, make sysent's <c>&lt;name&gt;_args</c>): one padded slot per argument; a zero-argument call gets sysproto.h's dummy slot.</summary>
    public static CStructDefinition ArgsStruct(ModuleModel module, SyscallModel syscall, bool inTree = false)
    {
        ImmutableArray<SyscallParameter> arguments = syscall.Arguments;
        if (arguments.IsEmpty)
        {
            return new CStructDefinition(CNames.ArgsStruct(module, syscall, inTree), [new CFieldLine([new CField(CNamedType.RegisterT, "dummy")])]);
        }

        return new CStructDefinition(CNames.ArgsStruct(module, syscall, inTree), [.. arguments.Zip(CNames.Arguments(syscall), Slot)]);
    }

    private static CFieldLine Slot(SyscallParameter parameter, string name)
    {
        // A bool travels as an int slot, as in sysproto.h; the entry point tests it against 0.
        CType type = parameter.Type is KBool ? CNamedType.Int : CTypeMapper.Map(parameter.Type);
        CExpr Padding(string macro) => new CCall(new CIdentifier(macro), [new CTypeArgument(type)]);
        return new CFieldLine([
            new CField(new CArrayType(CNamedType.Char, Padding("KMS_PADL_")), CNames.PaddingBefore(name)),
            new CField(type, name),
            new CField(new CArrayType(CNamedType.Char, Padding("KMS_PADR_")), CNames.PaddingAfter(name)),
        ]);
    }

    /// <summary><c>sizeof(struct x_args) / sizeof(register_t)</c>, or 0 for the dummy slot, as init_sysent.c does.</summary>
    public static CExpr ArgumentCount(ModuleModel module, SyscallModel syscall) => syscall.Arguments.IsEmpty
        ? new CIntegerLiteral(0)
        : new CBinary(CBinaryOperator.Divide, new CSizeofType(new CStructType(CNames.ArgsStruct(module, syscall))), new CSizeofType(CNamedType.RegisterT));
}
