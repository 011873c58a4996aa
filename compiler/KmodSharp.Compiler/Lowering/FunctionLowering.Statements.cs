using System.Collections.Generic;
using System.Collections.Immutable;
using KmodSharp.Compiler.CTree;
using KmodSharp.Compiler.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Lowering;

internal sealed partial class FunctionLowering
{
    private void Statement(IOperation operation)
    {
        int start = current.Count;
        LowerStatement(operation);

        // The first C statement of a C# statement carries its line, so #line maps it back.
        if (current.Count > start && current[start].Location is null && operation is not IBlockOperation)
        {
            current[start] = current[start] with { Location = context.LocationOf(operation) };
        }
    }

    private void LowerStatement(IOperation operation)
    {
        switch (operation)
        {
            case IBlockOperation block:
                foreach (IOperation inner in block.Operations)
                {
                    Statement(inner);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                foreach (IVariableDeclarationOperation declaration in group.Declarations)
                {
                    foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                    {
                        LocalDeclaration(declarator);
                    }
                }

                break;
            case IExpressionStatementOperation expression:
                ExpressionStatement(expression.Operation);
                break;
            case IReturnOperation ret:
                Return(ret);
                break;
            case IConditionalOperation conditional:
                If(conditional);
                break;
            case IWhileLoopOperation loop:
                While(loop);
                break;
            case IForLoopOperation loop:
                For(loop);
                break;
            case IBranchOperation branch:
                Branch(branch);
                break;
            case ISwitchOperation choice:
                Switch(choice);
                break;
            case IEmptyOperation or ILocalFunctionOperation:
                break;
            default:
                context.Unsupported(operation, $"the statement '{operation.Syntax}'", "it is outside the kernel-safe subset");
                break;
        }
    }

    private void LocalDeclaration(IVariableDeclaratorOperation declarator)
    {
        string name = NameOf(declarator.Symbol);
        IOperation? initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
        if (initializer is not null)
        {
            CExpr value = Converted(initializer);
            Emit(new CExpressionStatement(new CAssign(new CIdentifier(name), value)));
        }
        else if (KTypeOf(declarator.Symbol.Type, declarator) is KStruct)
        {
            // C# zero-initialises every local; padding included, so no stack byte can leak later.
            Emit(new CExpressionStatement(new CCall("memset", new CUnary(CUnaryOperator.AddressOf, new CIdentifier(name)), Literal(0),
                new CSizeofExpression(new CIdentifier(name)))));
        }
    }

    private void ExpressionStatement(IOperation operation)
    {
        switch (operation)
        {
            case IIncrementOrDecrementOperation { IsChecked: false } step:
                // "i++;" reads better than the general form.
                CExpr target = Value(step.Target);
                Emit(new CExpressionStatement(new CUnary(step.Kind == OperationKind.Increment ? CUnaryOperator.PostIncrement : CUnaryOperator.PostDecrement, target)));
                return;
            default:
                CExpr value = Value(operation);
                if (value is not CIdentifier)
                {
                    Emit(new CExpressionStatement(value));
                }

                return;
        }
    }

    private void Return(IReturnOperation ret)
    {
        IOperation? returned = ret.ReturnedValue;
        if (!signature.ReturnsErrno)
        {
            Emit(new CReturn(returned is null ? null : Converted(returned)));
            return;
        }

        if (returned is null)
        {
            Emit(new CReturn(Literal(0)));
            return;
        }

        // SyscallResult<T>: an Errno converts to the error, a T to the value.
        if (returned is IConversionOperation { OperatorMethod: not null } conversion)
        {
            if (Frontend.TypeBinder.IsRuntimeType(conversion.Operand.Type, "Errno"))
            {
                Emit(new CReturn(Value(conversion.Operand)));
                return;
            }

            returned = conversion.Operand;
        }
        else if (Frontend.TypeBinder.IsRuntimeType(returned.Type, "SyscallResult"))
        {
            if (returned is IInvocationOperation call && context.SignatureOf(call.TargetMethod).HasResultPointer)
            {
                Emit(new CReturn(Call(call, resultPointer: new CIdentifier(FunctionSignature.ResultPointer))));
                return;
            }

            context.Unsupported(returned, "returning a stored SyscallResult", "return a value or an Errno directly");
            return;
        }

        if (signature.ValueType is null)
        {
            Emit(new CReturn(Value(returned)));
            return;
        }

        CExpr value = Converted(returned);
        Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.ResultPointer)), value)));
        Emit(new CReturn(Literal(0)));
    }

    private void If(IConditionalOperation conditional)
    {
        CExpr condition = Value(conditional.Condition);
        CStmt then = Nested(conditional.WhenTrue);
        CStmt? otherwise = conditional.WhenFalse is null ? null : Nested(conditional.WhenFalse);
        Emit(new CIf(condition, then, otherwise));
    }

    /// <summary>Lowers a statement into its own block (the body of an if, loop or case).</summary>
    private CBlock Nested(IOperation operation) => Collect(() => Statement(operation));

    private CBlock Collect(System.Action lower)
    {
        List<CStmt> outer = current;
        current = [];
        lower();
        var block = new CBlock([.. current]);
        current = outer;
        return block;
    }

    private void Branch(IBranchOperation branch)
    {
        switch (branch.BranchKind)
        {
            case BranchKind.Break:
                Emit(new CBreak());
                break;
            case BranchKind.Continue when continueLabels.TryGetValue(branch.Target, out string? label):
                Emit(new CGoto(label));
                break;
            case BranchKind.Continue:
                Emit(new CContinue());
                break;
            default:
                context.Unsupported(branch, "'goto'", "use structured control flow");
                break;
        }
    }
}
