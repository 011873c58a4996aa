using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.CTree;
using KmodSharp.Compiler.Model;

namespace KmodSharp.Compiler.Lowering;

/// <summary>
/// The function the sysent points at: it unpacks the argument slots, calls the translated
/// handler and turns its C# result into <c>td_retval[0]</c> and an errno, as the kernel expects.
/// </summary>
internal static class SyscallEntry
{
    public static CFunctionDefinition Build(SyscallModel syscall, FunctionSignature handler)
    {
        var td = new CIdentifier("td");
        var uap = new CIdentifier("uap");
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        foreach (SyscallParameter parameter in syscall.Parameters)
        {
            arguments.Add(parameter.Type is KCallingThread ? td : new CMember(uap, CNames.Local(parameter.Name), Arrow: true));
        }

        var declarations = new List<CStmt>();
        if (!syscall.Arguments.IsEmpty)
        {
            declarations.Add(new CLocalDeclaration(new CPointerType(new CStructType(CNames.ArgsStruct(syscall.Name))), "uap", new CIdentifier("arg")));
        }

        var body = new List<CStmt>();
        if (syscall.Arguments.IsEmpty)
        {
            // The dummy slot carries nothing; say so to -Wunused-parameter.
            body.Add(new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("arg"))));
        }

        CExpr retval0 = new CIndex(new CMember(td, "td_retval", Arrow: true), new CIntegerLiteral(0));
        if (handler.ReturnsPair)
        {
            declarations.Add(new CLocalDeclaration(new CNamedType("int64_t"), "first"));
            declarations.Add(new CLocalDeclaration(new CNamedType("int64_t"), "second"));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("first")));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("second")));
            if (handler.ReturnsErrno)
            {
                declarations.Add(new CLocalDeclaration(CNamedType.Int, "error"));
                var failed = new CIdentifier("error");
                body.Add(new CExpressionStatement(new CAssign(failed, Call(handler, arguments))));
                body.Add(new CIf(new CBinary(CBinaryOperator.NotEqual, failed, new CIntegerLiteral(0)), new CBlock([new CReturn(failed)])));
            }
            else
            {
                body.Add(new CExpressionStatement(Call(handler, arguments)));
            }

            body.Add(new CExpressionStatement(new CAssign(retval0, new CIdentifier("first"))));
            body.Add(new CExpressionStatement(new CAssign(new CIndex(new CMember(td, "td_retval", Arrow: true), new CIntegerLiteral(1)), new CIdentifier("second"))));
            body.Add(new CReturn(new CIntegerLiteral(0)));
        }
        else if (handler.HasResultPointer)
        {
            declarations.Add(new CLocalDeclaration(CTypeMapper.Map(handler.ValueType!), "value"));
            declarations.Add(new CLocalDeclaration(CNamedType.Int, "error"));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("value")));
            var error = new CIdentifier("error");
            body.Add(new CExpressionStatement(new CAssign(error, Call(handler, arguments))));
            body.Add(new CIf(new CBinary(CBinaryOperator.NotEqual, error, new CIntegerLiteral(0)), new CBlock([new CReturn(error)])));
            body.Add(new CExpressionStatement(new CAssign(retval0, new CIdentifier("value"))));
            body.Add(new CReturn(new CIntegerLiteral(0)));
        }
        else if (handler.ReturnsErrno)
        {
            body.Add(new CReturn(Call(handler, arguments)));
        }
        else if (syscall.Return.Kind == SyscallReturnKind.Void)
        {
            body.Add(new CExpressionStatement(Call(handler, arguments)));
            body.Add(new CReturn(new CIntegerLiteral(0)));
        }
        else
        {
            body.Add(new CExpressionStatement(new CAssign(retval0, Call(handler, arguments))));
            body.Add(new CReturn(new CIntegerLiteral(0)));
        }

        bool usesThread = syscall.Return.Kind is not (SyscallReturnKind.Void or SyscallReturnKind.Errno) || syscall.Parameters.Any(p => p.Type is KCallingThread);
        if (!usesThread)
        {
            body.Insert(0, new CExpressionStatement(new CCast(CNamedType.Void, td)));
        }

        ImmutableArray<CStmt> statements = declarations.Count == 0 ? [.. body] : [.. declarations, new CBlankLine(), .. body];
        ImmutableArray<CParameter> parameters =
        [
            new(new CPointerType(new CStructType("thread")), "td"),
            new(new CPointerType(CNamedType.Void), "arg"),
        ];
        return new CFunctionDefinition(true, CNamedType.Int, CNames.SyscallEntry(syscall.Name), parameters, new CBlock(statements));
    }

    private static CCall Call(FunctionSignature handler, ImmutableArray<CExpr>.Builder arguments) =>
        new(new CIdentifier(handler.Name), arguments.ToImmutable());
}
