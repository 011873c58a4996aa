using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The module event handler chained to <c>SYSCALL_MODULE</c>: MOD_LOAD and MOD_UNLOAD run the
/// user's hooks (the syscall is already callable during both: FreeBSD's
/// kern_syscall_module_handler in sys/kern/kern_syscalls.c); other events are
/// refused with EOPNOTSUPP, as <c>modevent_nop</c> does. A load or unload the module has no hook
/// for succeeds (with only a [ModuleShutdown] hook, MOD_LOAD must not fail the load). A hook that
/// takes the calling thread gets <c>curthread</c>: the thread of kldload(2) or kldunload(2), or of the
/// boot or shutdown, which module(9) event handlers run in.
/// </summary>
internal static class ModuleEvents
{
    public static CFunctionDefinition Handler(string name, ModuleHooks hooks, Func<string, FunctionSignature> signatureOf)
    {
        var sections = new List<CSwitchSection>();
        var error = new CIdentifier("error");
        var value = new CIdentifier("value");
        bool failing = false;
        void Add(string label, string? hook)
        {
            if (hook is null)
            {
                return;
            }

            FunctionSignature signature = signatureOf(hook);
            ImmutableArray<CExpr> arguments = signature.TakesThread ? [new CIdentifier(ThreadAnalysis.RunningThread)] : [];
            if (!signature.HasResultPointer)
            {
                sections.Add(new CSwitchSection([new CIdentifier(label)], false, [new CReturn(new CCall(new CIdentifier(signature.Name), arguments))]));
                return;
            }

            // A hook that can fail returns the failure and passes its Errno through resultp: either is the event's error.
            failing = true;
            sections.Add(new CSwitchSection([new CIdentifier(label)], false,
            [
                new CExpressionStatement(new CAssign(error, new CCall(new CIdentifier(signature.Name), arguments.Add(new CUnary(CUnaryOperator.AddressOf, value))))),
                new CReturn(new CConditional(new CBinary(CBinaryOperator.NotEqual, error, new CIntegerLiteral(0)), error, value)),
            ]));
        }

        Add("MOD_LOAD", hooks.Load);
        Add("MOD_UNLOAD", hooks.Unload);
        Add("MOD_SHUTDOWN", hooks.Shutdown);

        // A load or unload without a hook must succeed: an error here fails kldload (or vetoes kldunload).
        ImmutableArray<CExpr> quiet = [.. new[] { ("MOD_LOAD", hooks.Load), ("MOD_UNLOAD", hooks.Unload) }
            .Where(e => e.Item2 is null).Select(e => (CExpr)new CIdentifier(e.Item1))];
        if (!quiet.IsEmpty)
        {
            sections.Add(new CSwitchSection(quiet, false, [new CReturn(new CIntegerLiteral(0))]));
        }

        sections.Add(new CSwitchSection([], true, [new CReturn(new CIdentifier("EOPNOTSUPP"))]));
        ImmutableArray<CStmt> locals = failing ? [new CLocalDeclaration(CNamedType.Int, error.Name), new CLocalDeclaration(CNamedType.Int, value.Name), new CBlankLine()] : [];
        ImmutableArray<CStmt> body =
        [
            .. locals,
            new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("mod"))),
            new CExpressionStatement(new CCast(CNamedType.Void, new CIdentifier("arg"))),
            new CBlankLine(),
            new CSwitch(new CIdentifier("what"), [.. sections]),
        ];
        ImmutableArray<CParameter> parameters =
        [
            new(new CNamedType("module_t"), "mod"),
            new(CNamedType.Int, "what"),
            new(new CPointerType(CNamedType.Void), "arg"),
        ];
        return new CFunctionDefinition(true, CNamedType.Int, name, parameters, new CBlock(body));
    }
}
