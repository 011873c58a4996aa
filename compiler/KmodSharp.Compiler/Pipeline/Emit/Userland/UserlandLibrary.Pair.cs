using System.Collections.Generic;
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
    /// <c>syscall(2)</c> and <c>__syscall(2)</c> return only <c>%rax</c>, but a two-value call leaves
    /// <c>td_retval[1]</c> in <c>%rdx</c> (<c>cpu_set_syscall_retval</c>), so on amd64 the library
    /// issues the <c>syscall</c> instruction itself: number in <c>%rax</c>, arguments in <c>%rdi</c>,
    /// <c>%rsi</c>, <c>%rdx</c>, <c>%r10</c>, <c>%r8</c>, <c>%r9</c>, carry set on error with the errno in
    /// <c>%rax</c>. FreeBSD 15 has no i386 kernel; other FreeBSD machines fail to compile. Other hosts
    /// (the KmodSharp host harness) provide <c>__kms_syscall2</c> in <c>&lt;unistd.h&gt;</c>.
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
        return new CPreprocessorIf(Defined("__amd64__"), [new CFunctionDefinition(true, Int64, name, parameters, Amd64Body())],
        [
            new CPreprocessorIf(freeBsd,
                [new CMacroInvocation("_Static_assert", [new CIntegerLiteral(0), new CStringLiteral("two-value system calls are implemented for amd64 only")])],
                [new CFunctionDefinition(true, Int64, name, parameters, HostBody())]),
        ]);
    }

    // Arguments a6 and a7 are always 0 here: a two-value call has at most six (KMS0411).
    private static CBlock Amd64Body()
    {
        var rax = new CIdentifier("rax");
        var rdx = new CIdentifier("rdx");
        var carry = new CIdentifier("carry");
        IEnumerable<CExpr> Arguments(int from, int count) => Enumerable.Range(from, count).Select(i => (CExpr)new CIdentifier($"a{i}"));
        return new CBlock(
        [
            new CLocalDeclaration(Int64, "rax"),
            new CLocalDeclaration(Int64, "rdx"),
            new CLocalDeclaration(CNamedType.Int, "carry"),
            new CBlankLine(),
            new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("a6"))),
            new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("a7"))),
            // Operands: 0 rax, 1 rdx, 2 carry; 3 number (tied to rax), 4 a0, 5 a1, 6 a2 (tied to rdx), 7-9 a3-a5.
            new CInlineAssembly(["movq %7, %%r10", "movq %8, %%r8", "movq %9, %%r9", "syscall"],
                [new("=a", rax), new("=d", rdx), new("=@ccc", carry)],
                [new("0", new CCast(Int64, Number)), .. Arguments(0, 2).Zip(["D", "S"], (a, c) => new CAsmOperand(c, a)), new("1", new CIdentifier("a2")), .. Arguments(3, 3).Select(a => new CAsmOperand("r", a))],
                ["rcx", "r8", "r9", "r10", "r11", "memory"]),
            new CIf(carry, new CBlock(
            [
                new CExpressionStatement(new CAssign(new CIdentifier("errno"), new CCast(CNamedType.Int, rax))),
                new CReturn(new CIntegerLiteral(-1)),
            ])),
            StoreSecond(rdx),
            new CReturn(rax),
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
