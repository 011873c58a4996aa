using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.CTree;
using KmodSharp.Compiler.Model;

namespace KmodSharp.Compiler.Emit;

/// <summary>
/// <c>test_&lt;module&gt;.c</c>: a userland smoke test that finds each syscall's slot the way
/// userland must for a dynamically registered syscall (<c>modfind("sys/&lt;name&gt;")</c> +
/// <c>modstat</c>), calls it through <c>syscall(2)</c> with sample arguments and prints the result.
/// </summary>
public static class UserTestProgram
{
    public static CTranslationUnit For(ModuleModel module)
    {
        var declarations = new List<CDecl>
        {
            new CComment([$"test_{module.Name}: calls each syscall of the {module.Name} module and prints the result.", $"Load the module first: kldload ./{module.Name}.ko"]),
        };
        declarations.AddRange(new[] { "sys/param.h", "sys/module.h", "sys/syscall.h" }.Select(h => new CInclude(h)));
        declarations.AddRange(new[] { "err.h", "signal.h", "stdio.h", "unistd.h" }.Select(h => new CInclude(h)));
        declarations.Add(SyscallNumber());
        declarations.Add(Main(module));
        return new CTranslationUnit($"test_{module.Name}.c", [.. declarations]);
    }

    private static CFunctionDefinition SyscallNumber()
    {
        var name = new CIdentifier("name");
        var stat = new CIdentifier("stat");
        var modid = new CIdentifier("modid");
        CStmt FailIf(CExpr call, string what) => new CIf(new CBinary(CBinaryOperator.Equal, call, new CIntegerLiteral(-1)),
            new CBlock([new CExpressionStatement(new CCall("err", new CIntegerLiteral(1), new CStringLiteral(what + "(%s)"), name))]));
        ImmutableArray<CStmt> body =
        [
            new CLocalDeclaration(new CStructType("module_stat"), "stat"),
            new CLocalDeclaration(CNamedType.Int, "modid"),
            new CBlankLine(),
            new CExpressionStatement(new CAssign(modid, new CCall("modfind", name))),
            FailIf(modid, "modfind"),
            new CExpressionStatement(new CAssign(new CMember(stat, "version", false), new CSizeofExpression(stat))),
            FailIf(new CCall("modstat", modid, new CUnary(CUnaryOperator.AddressOf, stat)), "modstat"),
            new CReturn(new CMember(new CMember(stat, "data", false), "intval", false)),
        ];
        return new CFunctionDefinition(true, CNamedType.Int, "syscall_number",
            [new CParameter(new CPointerType(CNamedType.Char, PointeeConst: true), "name")], new CBlock(body));
    }

    private static CFunctionDefinition Main(ModuleModel module)
    {
        var statements = new List<CStmt>
        {
            new CLocalDeclaration(CNamedType.Int, "result"),
            new CBlankLine(),
            // An unloaded module would otherwise kill the test with SIGSYS instead of failing with ENOSYS.
            new CExpressionStatement(new CCall("signal", new CIdentifier("SIGSYS"), new CIdentifier("SIG_IGN"))),
        };
        var result = new CIdentifier("result");
        foreach (SyscallModel syscall in module.Syscalls)
        {
            ImmutableArray<CExpr> samples = [.. syscall.Arguments.Select(a => Sample(a.Type))];
            string shown = string.Join(", ", samples.Select(CPrinter.Print)).Replace("%", "%%", System.StringComparison.Ordinal);
            var number = new CCall("syscall_number", new CStringLiteral("sys/" + syscall.Name));
            statements.Add(new CExpressionStatement(new CAssign(result, new CCall(new CIdentifier("syscall"), [number, .. samples]))));
            statements.Add(new CIf(
                new CBinary(CBinaryOperator.Equal, result, new CIntegerLiteral(-1)),
                new CBlock([new CExpressionStatement(new CCall("warn", new CStringLiteral($"{syscall.Name}({shown})")))]),
                new CBlock([new CExpressionStatement(new CCall("printf", new CStringLiteral($"{syscall.Name}({shown}) = %d\n"), result))])));
        }

        statements.Add(new CReturn(new CIntegerLiteral(0)));
        return new CFunctionDefinition(false, CNamedType.Int, "main", [], new CBlock([.. statements]));
    }

    private static CExpr Sample(KType type) => type switch
    {
        KUserString => new CStringLiteral("hello"),
        KUserPointer => new CIdentifier("NULL"),
        KBool => new CIntegerLiteral(1),
        _ => new CIntegerLiteral(42),
    };
}
