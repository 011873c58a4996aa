using System.Linq;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// Whether a <c>stackalloc</c> byte buffer holds a NUL-terminated string wherever it is read: it is
/// the destination of a <c>Kernel.CopyInString</c> (a runtime call marked <c>[NulTerminates]</c>)
/// whose failure returns at once, and is otherwise only printed with <c>%s</c> (by a call marked
/// <c>[PrintfFormat]</c>), after that check. On success copyinstr(9) leaves a NUL inside the
/// buffer, and structured control flow (no <c>goto</c> in the subset) reaches those prints only
/// through the copy. So no byte a zero fill would set is ever read (the fill is skipped: no
/// 256-byte memset), and a plain <c>%s</c> of the buffer prints exactly the bytes C# prints, as a
/// hand-written handler does, instead of <c>%.*s</c> with the span's length.
/// </summary>
internal static class CopiedStringBuffer
{
    public static bool Holds(IVariableDeclaratorOperation declarator)
    {
        ILocalSymbol buffer = declarator.Symbol;
        if (declarator.Parent?.Parent is not IVariableDeclarationGroupOperation declaration
            || declaration.Parent is not IBlockOperation block)
        {
            return false;
        }

        int index = block.Operations.IndexOf(declaration);
        IOperation? copy = block.Operations.Skip(index + 1).FirstOrDefault(s => References(s, buffer));
        if (copy is null || FailureCheck(block, copy, buffer) is not { } check)
        {
            return false;
        }

        IOperation root = block;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root.Descendants().OfType<ILocalReferenceOperation>()
            .Where(r => SymbolEqualityComparer.Default.Equals(r.Local, buffer))
            .All(r => IsDestinationOf(r, copy) || (IsPrintedString(r) && r.Syntax.SpanStart > check.Syntax.Span.End));
    }

    // The statement that returns when the copy failed: the copy itself (`if (CopyInString(..) != None) return ..;`)
    // or the statement right after `Errno e = CopyInString(..);` / `e = CopyInString(..);`.
    private static IConditionalOperation? FailureCheck(IBlockOperation block, IOperation copy, ILocalSymbol buffer)
    {
        if (copy is IConditionalOperation direct)
        {
            return IsFailureTest(direct, buffer, errno: null) ? direct : null;
        }

        ILocalSymbol? errno = copy switch
        {
            IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ Initializer.Value: var value } single] }] }
                when IsCopyInString(value, buffer) => single.Symbol,
            IExpressionStatementOperation { Operation: ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value } }
                when IsCopyInString(value, buffer) => target.Local,
            _ => null,
        };
        int next = block.Operations.IndexOf(copy) + 1;
        return errno is not null && next < block.Operations.Length && block.Operations[next] is IConditionalOperation check
            && IsFailureTest(check, buffer, errno) ? check : null;
    }

    // `if (<copy or errno local> != Errno.None) return ..;` with no else, not touching the buffer.
    private static bool IsFailureTest(IConditionalOperation check, ILocalSymbol buffer, ILocalSymbol? errno)
    {
        if (check.WhenFalse is not null || References(check.WhenTrue, buffer) || !AlwaysReturns(check.WhenTrue)
            || check.Condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } test)
        {
            return false;
        }

        bool IsResult(IOperation side) => errno is null
            ? IsCopyInString(side, buffer)
            : Unwrap(side) is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, errno);
        bool IsNone(IOperation side) => side.ConstantValue is { HasValue: true, Value: 0 };
        return (IsResult(test.LeftOperand) && IsNone(test.RightOperand)) || (IsNone(test.LeftOperand) && IsResult(test.RightOperand));
    }

    private static bool AlwaysReturns(IOperation operation) => operation switch
    {
        IReturnOperation => true,
        IBlockOperation { Operations: [.., var last] } => AlwaysReturns(last),
        _ => false,
    };

    private static bool IsCopyInString(IOperation operation, ILocalSymbol buffer) =>
        Unwrap(operation) is IInvocationOperation call
        && call.Arguments.Any(a => IsTerminatedArgument(a) && Unwrap(a.Value) is ILocalReferenceOperation local
            && SymbolEqualityComparer.Default.Equals(local.Local, buffer));

    private static bool IsDestinationOf(ILocalReferenceOperation reference, IOperation copy) =>
        reference.Syntax.SpanStart >= copy.Syntax.SpanStart && reference.Syntax.Span.End <= copy.Syntax.Span.End
        && Argument(reference) is { } argument && IsTerminatedArgument(argument);

    // The argument a call leaves a NUL-terminated string in.
    private static bool IsTerminatedArgument(IArgumentOperation argument) =>
        argument is { Parameter.Name: var name, Parent: IInvocationOperation call } && RuntimeApi.Find(call.TargetMethod)?.NulTerminatedParameter == name;

    // A value printed by a printf(9) call: any argument but its format.
    private static bool IsPrintedString(ILocalReferenceOperation reference) =>
        Argument(reference) is { Parameter.Name: var name, Parent: IInvocationOperation call }
        && RuntimeApi.Find(call.TargetMethod)?.FormatParameter is { } format && format != name;

    private static IArgumentOperation? Argument(IOperation reference)
    {
        IOperation? parent = reference.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent as IArgumentOperation;
    }

    private static bool References(IOperation operation, ILocalSymbol local) =>
        operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local));

    private static IOperation Unwrap(IOperation operation) => operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;
}
