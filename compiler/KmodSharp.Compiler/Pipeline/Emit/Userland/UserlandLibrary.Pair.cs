using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

public static partial class UserlandLibrary
{
    // A syscall has at most eight argument slots (docs/freebsd.md); amd64's entry takes six of them
    // in registers, the rest from the user stack, which the inline call below does not set up: a
    // two-value syscall has at most six (KMS0411, SyscallSignature.MaxPairArgumentSlots).
    private const int PairRegisters = 8;

    private static readonly CNamedType Int64 = new("int64_t");

    private static string PairSyscallName(ModuleModel module) => "kms_" + module.Name + "_syscall2";

    /// <summary>
    /// <c>syscall(2)</c> and <c>__syscall(2)</c> return only the first result register, but a two-value
    /// call leaves <c>td_retval[1]</c> in the second (<c>cpu_set_syscall_retval</c> of each machine), so
    /// on FreeBSD the library issues the trap itself: amd64, arm64 and riscv64 (see
    /// UserlandLibrary.PairMachines.cs). Other FreeBSD machines stop the build with <c>#error</c>.
    /// Other hosts (the KmodSharp host harness) provide <c>__kms_syscall2</c> in <c>&lt;unistd.h&gt;</c>.
    /// </summary>
    private static CPreprocessorIf PairSyscall(ModuleModel module)
    {
        string name = PairSyscallName(module);
        ImmutableArray<CParameter> parameters =
        [
            new CParameter(CNamedType.Int, "number"),
            .. Enumerable.Range(0, PairRegisters).Select(i => new CParameter(Int64, $"a{i}")),
            new CParameter(new CPointerType(Int64), "second"),
        ];
        CExpr freeBsd = new CCall("defined", new CIdentifier("__FreeBSD__"));
        CExpr Defined(string macro) => new CBinary(CBinaryOperator.LogicalAnd, freeBsd, new CCall("defined", new CIdentifier(macro)));
        CFunctionDefinition Function(CBlock body) => new(true, Int64, name, parameters, body);
        return new CPreprocessorIf(Defined("__amd64__"), [Function(Amd64Body())],
        [
            new CPreprocessorIf(Defined("__aarch64__"), [Function(Arm64Body())],
            [
                new CPreprocessorIf(Defined("__riscv"), [Function(RiscvBody())],
                [
                    new CPreprocessorIf(freeBsd,
                        [new CPreprocessorError("two-value system calls are implemented for amd64, arm64 and riscv64")],
                        [Function(HostBody())]),
                ]),
            ]),
        ]);
    }

    private static CBlock HostBody() => new(
    [
        new CReturn(new CCall(new CIdentifier("__kms_syscall2"),
            [Number, .. Enumerable.Range(0, PairRegisters).Select(i => (CExpr)new CIdentifier($"a{i}")), new CIdentifier("second")])),
    ]);

    private static CIf StoreSecond(CExpr value) =>
        new(new CBinary(CBinaryOperator.NotEqual, new CIdentifier("second"), new CIdentifier("NULL")),
            new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier("second")), value)));
}
