using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// C#'s checked context where IOperation does not tell it. <c>IsChecked</c> is set only on the
/// operators that can overflow themselves (+ - * / %), but a compound assignment to a narrow
/// target converts its result back, and in a checked context that conversion is checked too:
/// <c>checked { b &lt;&lt;= 8; }</c> throws for a <c>byte b = 73</c>.
/// </summary>
internal static class OverflowContext
{
    /// <summary>Whether the operation is inside the innermost <c>checked</c> (not <c>unchecked</c>) block or expression, or the compilation checks by default.</summary>
    public static bool IsChecked(IOperation operation)
    {
        for (SyntaxNode? node = operation.Syntax; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case CheckedExpressionSyntax expression:
                    return expression.IsKind(SyntaxKind.CheckedExpression);
                case CheckedStatementSyntax statement:
                    return statement.IsKind(SyntaxKind.CheckedStatement);
            }
        }

        return operation.SemanticModel?.Compilation.Options.CheckOverflow ?? false;
    }

    /// <summary>
    /// Whether the compound assignment's result can leave its narrow target's range where C# tests
    /// it: <c>b &lt;&lt;= n</c>, <c>s &gt;&gt;&gt;= n</c> of a negative <c>s</c> and <c>sbyte.MinValue / -1</c> in a
    /// checked context. A remainder, <c>&gt;&gt;</c> and <c>&amp; | ^</c> of the target's value never
    /// leave it, and checked <c>+ - *</c> test the target's range themselves.
    /// </summary>
    public static bool ChecksNarrowing(ICompoundAssignmentOperation compound) =>
        compound.OperatorMethod is null
        && compound.Target.Type is { } type && TypeBinder.Bind(type) is KInteger { Bits: < 32 } target
        && compound.OperatorKind switch
        {
            BinaryOperatorKind.LeftShift => true,
            BinaryOperatorKind.UnsignedRightShift or BinaryOperatorKind.Divide => target.IsSigned,
            _ => false,
        }
        && IsChecked(compound);
}
