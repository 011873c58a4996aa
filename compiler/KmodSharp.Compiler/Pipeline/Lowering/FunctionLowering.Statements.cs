using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

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
                Scoped(() =>
                {
                    foreach (IOperation inner in block.Operations)
                    {
                        Statement(inner);
                    }
                });
                break;
            case IVariableDeclarationGroupOperation group:
                Declarations(group, isUsing: group.Parent is IUsingOperation);
                break;
            case IUsingDeclarationOperation usingDeclaration:
                Declarations(usingDeclaration.DeclarationGroup, isUsing: true);
                break;
            case IUsingOperation usingOperation:
                Using(usingOperation);
                break;
            case IForEachLoopOperation loop:
                InLoop(loop, () => ForEach(loop));
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
                InLoop(loop, () => While(loop));
                break;
            case IForLoopOperation loop:
                InLoop(loop, () => For(loop));
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
                // Labels are refused by the analyzer (Subset/Statements), lock, try and throw by their own rules.
                throw LoweringContext.Untranslated(operation, $"the statement '{operation.Syntax}'");
        }
    }

    private void Declarations(IVariableDeclarationGroupOperation group, bool isUsing)
    {
        foreach (IVariableDeclarationOperation declaration in group.Declarations)
        {
            foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
            {
                LocalDeclaration(declarator, isUsing);
            }
        }
    }

    // A break or continue releases what was taken since the loop (or switch) it leaves began.
    private void InLoop(ILoopOperation loop, System.Action lower)
    {
        resources.MarkJumpTarget(loop.ExitLabel);
        resources.MarkJumpTarget(loop.ContinueLabel);
        lower();
    }

    private void LocalDeclaration(IVariableDeclaratorOperation declarator, bool isUsing)
    {
        if (declarator.Symbol.IsConst)
        {
            // Every use of a const is folded to its value.
            return;
        }

        IOperation? initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
        if (Analyzers.Subset.PairResult.IsPairType(declarator.Symbol.Type))
        {
            if (initializer is not null)
            {
                StorePair(declarator.Symbol, initializer, declared: true);
            }

            return;
        }

        if (Analyzers.Subset.StoredResult.IsStorable(declarator.Symbol.Type))
        {
            if (initializer is not null)
            {
                StoreResult(declarator.Symbol, declarator, initializer);
            }

            return;
        }

        if (IsSpan(declarator.Symbol.Type))
        {
            SpanDeclaration(declarator, initializer);
            return;
        }

        if (Frontend.TypeBinder.IsRuntimeType(declarator.Symbol.Type, "KernelBuffer"))
        {
            BufferDeclaration(declarator, initializer, isUsing);
            return;
        }

        if (Frontend.TypeBinder.IsRuntimeType(declarator.Symbol.Type, "MutexGuard") && isUsing && initializer is not null)
        {
            // "using var held = gate.Lock();": held to the end of the enclosing block.
            Acquire(initializer);
            return;
        }

        string name = NameOf(declarator.Symbol, declarator);
        if (ThreadAnalysis.IsCallingThread(declarator.Symbol.Type))
        {
            // C# reads an unassigned empty struct as assigned: a CallingThread local is the running thread from the start.
            Emit(new CExpressionStatement(new CAssign(new CIdentifier(name), initializer is null ? CurrentThread : Converted(initializer))));
        }
        else if (initializer is IObjectCreationOperation creation)
        {
            StructCreation(new CIdentifier(name), creation);
        }
        else if (initializer is not null && !(initializer is IDefaultValueOperation or IConversionOperation { Operand: IDefaultValueOperation } && KTypeOf(declarator.Symbol.Type, declarator) is KStruct))
        {
            CExpr value = Converted(initializer);
            Emit(new CExpressionStatement(new CAssign(new CIdentifier(name), value)));
        }
        else if (KTypeOf(declarator.Symbol.Type, declarator) is KStruct)
        {
            // C# zero-initialises every local (and "default" is zero); padding included, so no stack byte can leak later.
            Emit(new CExpressionStatement(new CCall("memset", new CUnary(CUnaryOperator.AddressOf, new CIdentifier(name)), Literal(0),
                new CSizeofExpression(new CIdentifier(name)))));
        }
    }

    private void ExpressionStatement(IOperation operation)
    {
        switch (operation)
        {
            case IIncrementOrDecrementOperation { IsChecked: true } checkedStep:
                // The old value is not used: "x++" and "++x" are the same statement.
                CExpr checkedTarget = Value(checkedStep.Target);
                CExpr next = CheckedArithmetic(checkedStep.Kind == OperationKind.Increment ? "__builtin_add_overflow" : "__builtin_sub_overflow",
                    checkedTarget, Literal(1), checkedStep.Target);
                Emit(new CExpressionStatement(new CAssign(checkedTarget, next)));
                return;
            case IDeconstructionAssignmentOperation deconstruction:
                Deconstruct(deconstruction);
                return;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation resultLocal } stored when Analyzers.Subset.StoredResult.IsStoredAssignment(stored):
                StoreResult(resultLocal.Local, resultLocal, stored.Value);
                return;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation pairLocal } pair when Analyzers.Subset.PairLocal.IsStoredAssignment(pair):
                StorePair(pairLocal.Local, pair.Value, declared: false);
                return;
            case ISimpleAssignmentOperation { Target: IDiscardOperation } discarded:
                // "_ = Call();" keeps the call and drops its value, as a kernel developer writes it.
                Emit(new CExpressionStatement(new CCast(CNamedType.Void, Value(discarded.Value))));
                return;
            case IIncrementOrDecrementOperation { IsChecked: false } step:
                // "i++;" reads better than the general form.
                CExpr target = Value(step.Target);
                Emit(new CExpressionStatement(new CUnary(step.Kind == OperationKind.Increment ? CUnaryOperator.PostIncrement : CUnaryOperator.PostDecrement, target)));
                return;
            default:
                CExpr value = Value(operation);
                if (value is not CIdentifier && !IsSelfAssignment(value))
                {
                    Emit(new CExpressionStatement(value));
                }

                return;
        }
    }

    /// <summary>
    /// <c>x = x;</c>, <c>x |= x;</c> or <c>x &amp;= x;</c> of a variable changes nothing, and clang's <c>-Wall</c>
    /// (<c>-Wself-assign</c>) refuses it under kern.mk's <c>-Werror</c>: a FreeBSD build of the module would fail.
    /// </summary>
    private static bool IsSelfAssignment(CExpr value) =>
        value is CAssign { Target: CIdentifier target, Value: CIdentifier source, Operator: null or CBinaryOperator.BitwiseOr or CBinaryOperator.BitwiseAnd }
        && target == source;

    private void Return(IReturnOperation ret)
    {
        if (signature.ReturnsPair)
        {
            PairReturn(ret);
            return;
        }

        ReturnValue(ret.ReturnedValue);
    }

    // "return x switch { … }" and "return c ? a : b" of a SyscallResult return from each branch.
    private void ReturnValue(IOperation? returned)
    {
        if (signature.ReturnsSpan)
        {
            ReturnSpan(returned);
            return;
        }

        // A target-typed switch or conditional converts as a whole; its arms are returned one by one.
        if (returned is IConversionOperation { Operand: ISwitchExpressionOperation or IConditionalOperation } whole
            && Frontend.TypeBinder.IsRuntimeType(whole.Type, "SyscallResult"))
        {
            returned = whole.Operand;
        }

        if ((signature.ResultIsErrno || signature.ResultIsSyscallResult) && returned is not null && Frontend.TypeBinder.IsRuntimeType(returned.Type, "Errno"))
        {
            ReturnError(Value(returned), returned.Type);
            return;
        }

        if (signature.ReturnsErrno && returned is ISwitchExpressionOperation switchExpression)
        {
            CExpr subject = Subject(Value(switchExpression.Value), switchExpression.Value, HasGuards(switchExpression));
            CStmt? otherwise = ErrorBlock(new CIdentifier(NoMatchErrno));
            foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms.Reverse())
            {
                ArmTest test = Arm(arm.Pattern, arm.Guard, subject);
                CBlock body = Collect(() => ReturnValue(arm.Value));
                otherwise = test.Choose(body, otherwise);
            }

            Emit(otherwise);
            return;
        }

        if (signature.ReturnsErrno && returned is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            CExpr test = Value(conditional.Condition);
            Emit(new CIf(test, Collect(() => ReturnValue(conditional.WhenTrue)), Collect(() => ReturnValue(whenFalse))));
            return;
        }

        if (!signature.ReturnsErrno)
        {
            EmitReturn(returned is null ? null : Converted(returned), returned?.Type);
            return;
        }

        if (returned is null)
        {
            EmitReturn(Literal(0), null);
            return;
        }

        // SyscallResult<T>: an Errno converts to the error, a T to the value.
        if (returned is IConversionOperation { OperatorMethod: not null } conversion)
        {
            if (Frontend.TypeBinder.IsRuntimeType(conversion.Operand.Type, "Errno"))
            {
                ReturnError(Value(conversion.Operand), conversion.Operand.Type);
                return;
            }

            returned = conversion.Operand;
        }
        else if (Frontend.TypeBinder.IsRuntimeType(returned.Type, "SyscallResult"))
        {
            if (returned is IInvocationOperation call && context.SignatureOf(call.TargetMethod) is { HasResultPointer: true } callee)
            {
                CExpr result = Call(call, resultPointer: new CIdentifier(FunctionSignature.ResultPointer));
                if (signature.CanFail && !callee.CanFail)
                {
                    // Its C result is its error, not a failure.
                    ReturnError(result, call.Type);
                    return;
                }

                EmitReturn(result, call.Type);
                return;
            }

            if (returned is ILocalReferenceOperation local && Analyzers.Subset.StoredResult.IsStorable(local.Type))
            {
                ReturnResultLocal(local);
                return;
            }

            // Refused by the analyzer (Subset/SyscallResultReturn).
            throw LoweringContext.Untranslated(returned, "returning a stored SyscallResult");
        }

        if (signature.ValueType is null)
        {
            EmitReturn(Value(returned), returned.Type);
            return;
        }

        CExpr value = Converted(returned);
        Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.ResultPointer)), value)));
        EmitReturn(Literal(0), null);
    }

    /// <summary>
    /// Returns the C# error of an <c>Errno</c> or <c>SyscallResult</c> method: as the C result, or, where
    /// the C result is the failure channel, through <c>resultp</c> (<c>Errno</c>) or <c>errorp</c> with a 0 result.
    /// </summary>
    private void ReturnError(CExpr errno, ITypeSymbol? type)
    {
        if (!signature.CanFail)
        {
            EmitReturn(errno, type);
            return;
        }

        CExpr pointer = signature.ResultIsSyscallResult ? errors.Pointer() : new CIdentifier(FunctionSignature.ResultPointer);
        Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, pointer), errno)));
        EmitReturn(Literal(0), null);
    }

    /// <summary>Returns <paramref name="value"/> after releasing held resources; the value is computed before the releases.</summary>
    private void EmitReturn(CExpr? value, ITypeSymbol? type)
    {
        ImmutableArray<CStmt> release = resources.ReleaseAll();
        if (!release.IsEmpty && value is not null && !IsPure(value) && type is not null)
        {
            value = Spill(value, CTypeOf(type, null));
        }

        foreach (CStmt statement in release)
        {
            Emit(statement);
        }

        Emit(new CReturn(value));
    }

    private void PairReturn(IReturnOperation ret)
    {
        // The analyzer (KMS0900) reports a pair return it refuses.
        if (Analyzers.Subset.PairResult.Check(ret) is { } stored)
        {
            throw LoweringContext.Untranslated(stored.At, stored.Description);
        }

        IOperation returned = ret.ReturnedValue!;
        while (returned is IConversionOperation { OperatorMethod: null } conversion && Analyzers.Subset.TupleLiteral.Of(returned) is null)
        {
            returned = conversion.Operand;
        }

        if (returned is IInvocationOperation call)
        {
            // The callee writes the caller's own td_retval pointers.
            PairCall(call, new CIdentifier(FunctionSignature.PairFirst), new CIdentifier(FunctionSignature.PairSecond));
            EmitReturn(signature.ReturnsErrno ? Literal(0) : null, null);
            return;
        }

        // Left to right, as C# does: "(Next(), 100 / y)" calls Next before the division fails.
        (CExpr first, CExpr second) = PairParts(returned);
        Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.PairFirst)), first)));
        Emit(new CExpressionStatement(new CAssign(new CUnary(CUnaryOperator.Dereference, new CIdentifier(FunctionSignature.PairSecond)), second)));
        EmitReturn(signature.ReturnsErrno ? Literal(0) : null, null);
    }

    private void If(IConditionalOperation conditional)
    {
        CExpr condition = Value(conditional.Condition);
        (ISymbol? nullWhenTrue, ISymbol? nullWhenFalse) = NullTest(conditional.Condition);
        CStmt then = resources.WhereNull(nullWhenTrue, () => Nested(conditional.WhenTrue));
        CStmt? otherwise = conditional.WhenFalse is { } whenFalse ? resources.WhereNull(nullWhenFalse, () => Nested(whenFalse)) : null;
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
            case BranchKind.Break when labels.TryBreak(branch.Target, out string? end):
                current.AddRange(resources.ReleaseSince(branch.Target));
                labels.Use(end);
                Emit(new CGoto(end));
                break;
            case BranchKind.Break:
                current.AddRange(resources.ReleaseSince(branch.Target));
                Emit(new CBreak());
                break;
            case BranchKind.Continue when labels.TryContinue(branch.Target, out string? label):
                current.AddRange(resources.ReleaseSince(branch.Target));
                labels.Use(label);
                Emit(new CGoto(label));
                break;
            case BranchKind.Continue:
                current.AddRange(resources.ReleaseSince(branch.Target));
                Emit(new CContinue());
                break;
            default:
                // 'goto' is refused by the analyzer.
                throw LoweringContext.Untranslated(branch, "'goto'");
        }
    }
}
