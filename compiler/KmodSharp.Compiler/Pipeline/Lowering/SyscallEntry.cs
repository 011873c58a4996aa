using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The function the sysent points at: it unpacks the argument slots, fires the entry probe,
/// calls the translated handler, turns its C# result into <c>td_retval</c> and an errno, and
/// fires the return probe. DTrace's syscall provider cannot see dynamically registered
/// syscalls (FreeBSD's sys/cddl/dev/systrace/systrace.c; docs/freebsd.md), so each syscall has
/// its own SDT probes:
/// <c>kmodsharp:&lt;module&gt;:&lt;syscall&gt;:entry</c> and <c>:return</c>.
/// </summary>
internal static class SyscallEntry
{
    public const string Provider = "kmodsharp";

    /// <summary>SDT allows at most six typed probe arguments.</summary>
    private const int MaxProbeArguments = 6;

    // inPlace: the ordinals of the parameters the handler reads from uap itself (ArgumentsInPlace); it takes uap instead.
    public static CFunctionDefinition Build(ModuleModel module, SyscallModel syscall, FunctionSignature handler, ImmutableHashSet<int> inPlace, bool inTree)
    {
        var td = new CIdentifier("td");
        var uap = new CIdentifier("uap");
        var error = new CIdentifier("error");
        var arguments = ImmutableArray.CreateBuilder<CExpr>();
        if (handler.TakesThread)
        {
            arguments.Add(td);
        }

        if (!inPlace.IsEmpty)
        {
            arguments.Add(uap);
        }

        foreach ((SyscallParameter parameter, int ordinal) in syscall.Parameters.Select((p, i) => (p, i)))
        {
            if (inPlace.Contains(ordinal))
            {
                continue;
            }

            if (parameter.Type is KCallingThread)
            {
                arguments.Add(td);
                continue;
            }

            CExpr slot = new CMember(uap, CNames.Argument(syscall, parameter), Arrow: true);
            arguments.Add(parameter.Type switch
            {
                // Any non-zero register is true, as C# reads a bool; a C bool holding 2 is undefined.
                KBool => new CBinary(CBinaryOperator.NotEqual, slot, new CIntegerLiteral(0)),
                _ => slot,
            });
        }

        var declarations = new List<CStmt>();
        var body = new List<CStmt>();
        if (inTree)
        {
            // sys/sysproto.h declares "int sys_<name>(struct thread *, struct <name>_args *)".
            if (syscall.Arguments.IsEmpty)
            {
                body.Add(new CExpressionStatement(new CCast(CNamedType.Void, uap)));
            }
        }
        else if (!syscall.Arguments.IsEmpty)
        {
            declarations.Add(new CLocalDeclaration(new CPointerType(new CStructType(CNames.ArgsStruct(module, syscall))), "uap", new CIdentifier("arg")));
        }
        else
        {
            // The dummy slot carries nothing; say so to -Wunused-parameter.
            body.Add(new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("arg"))));
        }

        ImmutableArray<CExpr> probed = [.. CNames.Arguments(syscall).Take(MaxProbeArguments).Select(a => (CExpr)new CMember(uap, a, Arrow: true))];
        if (!inTree)
        {
            body.Add(new CExpressionStatement(Probe(module, syscall, "entry", probed)));
        }

        CExpr retval0 = new CIndex(new CMember(td, "td_retval", Arrow: true), new CIntegerLiteral(0));
        CExpr retval1 = new CIndex(new CMember(td, "td_retval", Arrow: true), new CIntegerLiteral(1));
        CExpr status = new CIntegerLiteral(0);
        if (handler.ReturnsErrno)
        {
            declarations.Add(new CLocalDeclaration(CNamedType.Int, "error"));
            status = error;
        }

        var results = new List<CStmt>();

        // style(9): declared, then assigned; the zeros are what C# would see of an unwritten result.
        var zeroes = new List<CStmt>();
        void DeclareZeroed(CType type, string name)
        {
            declarations.Add(new CLocalDeclaration(type, name));
            zeroes.Add(new CExpressionStatement(new CAssign(new CIdentifier(name), new CIntegerLiteral(0))));
        }

        if (handler.ReturnsPair)
        {
            // An error return leaves them unwritten; C# would see default values.
            DeclareZeroed(new CNamedType("int64_t"), "first");
            DeclareZeroed(new CNamedType("int64_t"), "second");
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("first")));
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("second")));
            results.Add(new CExpressionStatement(new CAssign(retval0, new CIdentifier("first"))));
            results.Add(new CExpressionStatement(new CAssign(retval1, new CIdentifier("second"))));
        }
        else if (handler.HasResultPointer)
        {
            // "return Errno.None" from a SyscallResult handler leaves the value unwritten: C#'s default is 0.
            DeclareZeroed(CTypeMapper.Map(handler.ValueType!), "value");
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("value")));
            results.Add(new CExpressionStatement(handler.ResultIsErrno
                ? new CAssign(error, new CIdentifier("value"))
                : new CAssign(retval0, new CIdentifier("value"))));
        }

        if (handler.HasErrorPointer)
        {
            DeclareZeroed(CNamedType.Int, "value_error");
            arguments.Add(new CUnary(CUnaryOperator.AddressOf, new CIdentifier("value_error")));
        }

        body.AddRange(zeroes);
        CExpr call = new CCall(new CIdentifier(handler.Name), arguments.ToImmutable());
        if (handler.ReturnsErrno)
        {
            body.Add(new CExpressionStatement(new CAssign(error, call)));
            if (handler.HasErrorPointer)
            {
                // A failure and the SyscallResult's error are both the syscall's errno; nothing runs after a failure.
                body.Add(new CIf(new CBinary(CBinaryOperator.Equal, error, new CIntegerLiteral(0)),
                    new CBlock([new CExpressionStatement(new CAssign(error, new CIdentifier("value_error")))])));
            }

            if (results.Count > 0)
            {
                body.Add(new CIf(new CBinary(CBinaryOperator.Equal, error, new CIntegerLiteral(0)), new CBlock([.. results])));
            }
        }
        else if (syscall.Return.Kind is SyscallReturnKind.Void || handler.ReturnsPair)
        {
            body.Add(new CExpressionStatement(call));
            body.AddRange(results);
        }
        else
        {
            body.Add(new CExpressionStatement(new CAssign(retval0, call)));
        }

        if (!inTree)
        {
            body.Add(new CExpressionStatement(Probe(module, syscall, "return", [status, retval0])));
        }
        body.Add(new CReturn(status));

        ImmutableArray<CStmt> statements = declarations.Count == 0 ? [.. body] : [.. declarations, new CBlankLine(), .. body];
        ImmutableArray<CParameter> parameters =
        [
            new(new CPointerType(new CStructType("thread")), "td"),
            inTree ? new(new CPointerType(new CStructType(CNames.ArgsStruct(module, syscall, inTree))), "uap") : new(new CPointerType(CNamedType.Void), "arg"),
        ];
        return new CFunctionDefinition(!inTree, CNamedType.Int, CNames.SyscallEntry(module, syscall, inTree), parameters, new CBlock(statements));
    }

    /// <summary>The probe definitions: entry with the arguments' C types, return with the errno and <c>td_retval[0]</c>.</summary>
    public static ImmutableArray<CDecl> ProbeDefinitions(ModuleModel module, SyscallModel syscall)
    {
        ImmutableArray<CExpr> types = [.. syscall.Arguments.Take(MaxProbeArguments).Select(a => (CExpr)new CStringLiteral(CPrinter.TypeName(CTypeMapper.Map(a.Type))))];
        return
        [
            new CMacroInvocation($"SDT_PROBE_DEFINE{types.Length}", [.. ProbeName(module, syscall, "entry"), .. types]),
            new CMacroInvocation("SDT_PROBE_DEFINE2", [.. ProbeName(module, syscall, "return"), new CStringLiteral("int"), new CStringLiteral("register_t")]),
        ];
    }

    private static CCall Probe(ModuleModel module, SyscallModel syscall, string name, ImmutableArray<CExpr> arguments) =>
        new(new CIdentifier($"SDT_PROBE{arguments.Length}"), [.. ProbeName(module, syscall, name), .. arguments]);

    private static ImmutableArray<CExpr> ProbeName(ModuleModel module, SyscallModel syscall, string name) =>
        [new CIdentifier(Provider), new CIdentifier(CNames.ModuleToken(module.Name)), new CIdentifier(CNames.SyscallModule(syscall)), new CIdentifier(name)];
}
