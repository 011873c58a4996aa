using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Emit.Userland;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit;

/// <summary>
/// <c>test_&lt;module&gt;.c</c>: a userland smoke test over the generated library: calls each
/// syscall with sample arguments (valid user buffers for pointers, "hello" for strings), prints each
/// result, and exits 1 if any call failed.
/// </summary>
public static class UserTestProgram
{
    private static readonly CIdentifier Failed = new("failed");

    public static CTranslationUnit For(ModuleModel module, bool inTree = false)
    {
        var declarations = new List<CDecl>
        {
            new CComment([$"test_{module.Name}: calls each syscall of the {module.Name} module and prints the result.",
                (inTree ? $"Run it on a kernel built with sys_{module.Name}.c" : $"Load the module first: kldload ./{module.Name}.ko")
                    + $"; build: cc -o test_{module.Name} test_{module.Name}.c lib{module.Name}.c"]),
        };
        declarations.AddRange(CIncludes.UserTestProgram.Select(h => new CInclude(h)));
        declarations.Add(new CInclude(UserlandApi.HeaderName(module), System: false));
        declarations.Add(Main(module));
        return new CTranslationUnit($"test_{module.Name}.c", [.. declarations]);
    }

    private static CFunctionDefinition Main(ModuleModel module)
    {
        var locals = new List<CStmt> { new CLocalDeclaration(CNamedType.Int, "failed", new CIntegerLiteral(0)) };
        var calls = new List<CStmt>();
        UserFunction[] functions = [.. UserlandApi.Functions(module)];

        // One scope for main's locals, which must not hide a function it calls: a syscall mix with an
        // argument named result has a buffer mix_result, and its result is then mix_result_1.
        var scope = new CScope(reserved: ["failed", "main", .. functions.Select(f => f.Name)]);
        foreach (UserFunction function in functions)
        {
            var arguments = new List<CExpr>();
            var shown = new List<string>();
            foreach ((SyscallParameter parameter, CParameter c) in function.Syscall.Arguments.Zip(function.Arguments))
            {
                if (parameter.Type is KUserPointer pointer)
                {
                    // A zeroed buffer of the pointee type: the call gets a valid address it may read and write.
                    string buffer = scope.Claim($"{function.Name}_{c.Name}");
                    locals.Add(new CLocalDeclaration(UserlandTypes.Map(pointer.Pointee), buffer));
                    calls.Add(new CExpressionStatement(new CCall("memset", new CUnary(CUnaryOperator.AddressOf, new CIdentifier(buffer)), new CIntegerLiteral(0), new CSizeofExpression(new CIdentifier(buffer)))));
                    arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier(buffer)));
                    shown.Add("&" + buffer);
                }
                else
                {
                    CExpr sample = Sample(parameter.Type);
                    arguments.Add(sample);
                    shown.Add(CPrinter.Print(sample));
                }
            }

            string text = $"{function.Name}({string.Join(", ", shown)})".Replace("%", "%%", System.StringComparison.Ordinal);
            calls.AddRange(Call(function, arguments, text, locals, scope));
        }

        return new CFunctionDefinition(false, CNamedType.Int, "main", [],
            new CBlock([.. locals, new CBlankLine(), .. calls, new CReturn(new CConditional(Failed, new CIntegerLiteral(1), new CIntegerLiteral(0)))]));
    }

    private static IEnumerable<CStmt> Call(UserFunction function, List<CExpr> arguments, string text, List<CStmt> locals, CScope scope)
    {
        string result = scope.Claim(function.Name + "_result");
        locals.Add(new CLocalDeclaration(function.ReturnType, result));
        string? second = null;
        if (function.Call == UserCallKind.Pair)
        {
            second = scope.Claim(function.Name + "_second");
            locals.Add(new CLocalDeclaration(new CNamedType("int64_t"), second, new CIntegerLiteral(0)));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier(second)));
        }

        var value = new CIdentifier(result);
        yield return new CExpressionStatement(new CAssign(value, new CCall(new CIdentifier(function.Name), [.. arguments])));
        (string format, CExpr shown) = Format(function.ReturnType, value);
        CStmt print = second is null
            ? new CExpressionStatement(new CCall("printf", new CStringLiteral($"{text} = {format}\n"), shown))
            : new CExpressionStatement(new CCall("printf", new CStringLiteral($"{text} = {format}, second = %jd\n"), shown, new CCast(new CNamedType("intmax_t"), new CIdentifier(second))));
        yield return new CIf(
            new CBinary(CBinaryOperator.Equal, value, new CIntegerLiteral(-1)),
            new CBlock([new CExpressionStatement(new CCall("warn", new CStringLiteral(text))), new CExpressionStatement(new CAssign(Failed, new CIntegerLiteral(1)))]),
            new CBlock([print]));
    }

    private static (string Format, CExpr Value) Format(CType type, CExpr value) => type switch
    {
        CNamedType { Name: "int" } => ("%d", value),
        CNamedType { Name: "unsigned int" or "uint8_t" or "uint16_t" or "uint64_t" or "size_t" } => ("%ju", new CCast(new CNamedType("uintmax_t"), value)),
        _ => ("%jd", new CCast(new CNamedType("intmax_t"), value)),
    };

    private static CExpr Sample(KType type) => type switch
    {
        KUserString => new CStringLiteral("hello"),
        KBool => new CIntegerLiteral(1),
        _ => new CIntegerLiteral(42),
    };
}
