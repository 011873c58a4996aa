using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

// The trap of each FreeBSD machine, as its cpu_fetch_syscall_args and cpu_set_syscall_retval
// (sys/<machine>/<machine>/trap.c, vm_machdep.c) read and write the registers. Arguments a6 and a7
// are always 0: a two-value call has at most six (KMS0411).
public static partial class UserlandLibrary
{
    private static IEnumerable<CExpr> PairArguments(int from, int count) => Enumerable.Range(from, count).Select(i => (CExpr)new CIdentifier($"a{i}"));

    private static readonly CStmt[] UnusedArguments =
    [
        new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("a6"))),
        new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("a7"))),
    ];

    /// <summary>amd64: number in <c>%rax</c>, arguments in <c>%rdi %rsi %rdx %r10 %r8 %r9</c>; results in <c>%rax</c>, <c>%rdx</c>; carry set on error, the errno in <c>%rax</c>.</summary>
    private static CBlock Amd64Body()
    {
        var rax = new CIdentifier("rax");
        var rdx = new CIdentifier("rdx");
        var carry = new CIdentifier("carry");
        return PairBody(["rax", "rdx", "carry"], CNamedType.Int,
            // Operands: 0 rax, 1 rdx, 2 carry; 3 number (tied to rax), 4 a0, 5 a1, 6 a2 (tied to rdx), 7-9 a3-a5.
            new CInlineAssembly(["movq %7, %%r10", "movq %8, %%r8", "movq %9, %%r9", "syscall"],
                [new("=a", rax), new("=d", rdx), new("=@ccc", carry)],
                [new("0", new CCast(Int64, Number)), .. PairArguments(0, 2).Zip(["D", "S"], (a, c) => new CAsmOperand(c, a)), new("1", new CIdentifier("a2")), .. PairArguments(3, 3).Select(a => new CAsmOperand("r", a))],
                ["rcx", "r8", "r9", "r10", "r11", "memory"]),
            carry, rax, rdx);
    }

    /// <summary>arm64: number in <c>x8</c>, arguments in <c>x0</c>–<c>x5</c>, <c>svc #0</c>; results in <c>x0</c>, <c>x1</c>; the carry flag (PSR_C) set on error, the errno in <c>x0</c>.</summary>
    private static CBlock Arm64Body() => RegisterPairBody("mov", "x8", "svc #0", "x", "cset %2, cs", ["cc"]);

    /// <summary>riscv64: number in <c>t0</c>, arguments in <c>a0</c>–<c>a5</c>, <c>ecall</c>; results in <c>a0</c>, <c>a1</c>; <c>t0</c> is 1 on error, the errno in <c>a0</c>.</summary>
    private static CBlock RiscvBody() => RegisterPairBody("mv", "t0", "ecall", "a", "mv %2, t0", []);

    // GCC and Clang have no constraint for one register on these machines, so the template moves the
    // operands into place itself; the registers it writes are clobbers, which no operand is given.
    private static CBlock RegisterPairBody(string move, string numberRegister, string trap, string argumentPrefix, string failure, ImmutableArray<string> flags)
    {
        var first = new CIdentifier("first");
        var next = new CIdentifier("next");
        var failed = new CIdentifier("failed");
        string[] arguments = [.. Enumerable.Range(0, 6).Select(i => argumentPrefix + i)];
        // Operands: 0 first, 1 next, 2 failed; 3 number, 4-9 a0-a5.
        return PairBody(["first", "next", "failed"], Int64,
            new CInlineAssembly(
                [$"{move} {numberRegister}, %3", .. arguments.Select((r, i) => $"{move} {r}, %{4 + i}"), trap,
                    $"{move} %0, {arguments[0]}", $"{move} %1, {arguments[1]}", failure],
                [new("=r", first), new("=r", next), new("=r", failed)],
                [new("r", new CCast(Int64, Number)), .. PairArguments(0, 6).Select(a => new CAsmOperand("r", a))],
                [numberRegister, .. arguments, .. flags, "memory"]),
            failed, first, next);
    }

    private static CBlock PairBody(string[] locals, CType failedType, CInlineAssembly trap, CExpr failed, CExpr first, CExpr next) => new(
    [
        new CLocalDeclaration(Int64, locals[0]),
        new CLocalDeclaration(Int64, locals[1]),
        new CLocalDeclaration(failedType, locals[2]),
        new CBlankLine(),
        .. UnusedArguments,
        trap,
        new CIf(failed, new CBlock(
        [
            new CExpressionStatement(new CAssign(new CIdentifier("errno"), new CCast(CNamedType.Int, first))),
            new CReturn(new CIntegerLiteral(-1)),
        ])),
        StoreSecond(next),
        new CReturn(first),
    ]);
}
