using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Registers each syscall the way the kernel intends (never by writing <c>sysent[]</c>): a
/// <c>struct sysent</c> with designated initialisers, an offset of <c>NO_SYSCALL</c> (or the fixed
/// number), and <c>SYSCALL_MODULE</c>, which drives <c>kern_syscall_register</c> on load and the
/// drain and restore on unload. The user's load/unload hooks chain to the first syscall's module.
/// </summary>
internal static class Registration
{
    public static ImmutableArray<CDecl> For(ModuleModel module, SyscallModel syscall, string? eventHandler)
    {
        string sysent = CNames.Sysent(module, syscall);
        string offset = CNames.SyscallOffset(module, syscall);
        var flags = syscall.CapabilityEnabled ? (CExpr)new CIdentifier("SYF_CAPENABLED") : new CIntegerLiteral(0);
        var entry = new CDesignatedInitializer([
            new CDesignator("sy_narg", SyscallAbi.ArgumentCount(module, syscall)),
            new CDesignator("sy_call", new CIdentifier(CNames.SyscallEntry(module, syscall))),
            new CDesignator("sy_auevent", new CIdentifier("AUE_NULL")),
            new CDesignator("sy_flags", flags),
        ]);
        CExpr slot = syscall.FixedNumber is int number ? new CIntegerLiteral(number) : new CIdentifier("NO_SYSCALL");
        CExpr handler = eventHandler is not null ? new CIdentifier(eventHandler) : new CIdentifier("NULL");
        var declarations = new List<CDecl>
        {
            new CVariableDefinition(true, new CStructType("sysent"), sysent, entry),
            new CVariableDefinition(true, CNamedType.Int, offset, slot),
            new CMacroInvocation("SYSCALL_MODULE", [
                new CIdentifier(CNames.SyscallModule(syscall)),
                new CUnary(CUnaryOperator.AddressOf, new CIdentifier(offset)),
                new CUnary(CUnaryOperator.AddressOf, new CIdentifier(sysent)),
                handler,
                new CIdentifier("NULL"),
            ]),
        };
        return [.. declarations];
    }

    /// <summary><c>MODULE_VERSION</c>, so <c>kldload &lt;name&gt;</c> and other modules' dependencies can find it.</summary>
    public static CMacroInvocation Version(ModuleModel module) =>
        new("MODULE_VERSION", [new CIdentifier(CNames.ModuleToken(module.Name)), new CIntegerLiteral(module.Version)]);
}
