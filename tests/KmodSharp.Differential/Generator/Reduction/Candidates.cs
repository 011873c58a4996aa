using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Differential.Generator.Reduction;

/// <summary>
/// The smaller programs one reduction step may try, largest cuts first: whole members, runs of
/// statements (halves down to single ones), control flow replaced by its body, and expressions
/// replaced by an operand or a literal. Each is a new syntax root; none is known to compile.
/// </summary>
public static class Candidates
{
    public static IEnumerable<SyntaxNode> Of(SyntaxNode root)
    {
        foreach (SyntaxNode candidate in Members(root))
        {
            yield return candidate;
        }

        foreach (SyntaxNode candidate in StatementRuns(root))
        {
            yield return candidate;
        }

        foreach (SyntaxNode candidate in Unwrapped(root))
        {
            yield return candidate;
        }

        foreach (SyntaxNode candidate in SimplerExpressions(root))
        {
            yield return candidate;
        }
    }

    /// <summary>Each type, field and method removed (never the module class).</summary>
    private static IEnumerable<SyntaxNode> Members(SyntaxNode root)
    {
        var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
            .Where(m => m is FieldDeclarationSyntax or MethodDeclarationSyntax || (m is BaseTypeDeclarationSyntax && !IsModuleClass(m)))
            .ToList();
        for (int i = members.Count - 1; i >= 0; i--)
        {
            if (Remove(root, [members[i]]) is { } smaller)
            {
                yield return smaller;
            }
        }
    }

    private static bool IsModuleClass(MemberDeclarationSyntax member) =>
        member.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString().StartsWith("KernelModule", System.StringComparison.Ordinal));

    /// <summary>Runs of consecutive statements of one block, from half the block down to one statement.</summary>
    private static IEnumerable<SyntaxNode> StatementRuns(SyntaxNode root)
    {
        var blocks = root.DescendantNodes().OfType<BlockSyntax>().Where(b => b.Statements.Count > 0).ToList();
        foreach (int divisor in new[] { 2, 4, 0 })
        {
            foreach (BlockSyntax block in blocks)
            {
                int count = block.Statements.Count;
                int run = divisor == 0 ? 1 : count / divisor;
                if (run < 1 || (divisor != 0 && run == 1))
                {
                    continue;
                }

                for (int start = count - run; start >= 0; start -= run)
                {
                    var statements = block.Statements.Skip(start).Take(run).ToList();
                    if (statements.Any(IsLoopProgress))
                    {
                        continue;   // without it the loop never ends, and the managed run hangs
                    }

                    if (Remove(root, statements) is { } smaller)
                    {
                        yield return smaller;
                    }
                }
            }
        }
    }

    /// <summary>An increment of a variable the enclosing while/do loop's condition reads.</summary>
    private static bool IsLoopProgress(StatementSyntax statement)
    {
        if (statement is not ExpressionStatementSyntax { Expression: PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax } increment)
        {
            return false;
        }

        ExpressionSyntax? condition = statement.Parent?.Parent switch
        {
            WhileStatementSyntax w => w.Condition,
            DoStatementSyntax d => d.Condition,
            _ => null,
        };
        string? name = increment.Expression.DescendantNodes().OfType<IdentifierNameSyntax>().FirstOrDefault()?.Identifier.Text;
        return condition is not null && name is not null && condition.DescendantNodes().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.Text == name);
    }

    /// <summary>if/else, loops, checked and using blocks replaced by one of their blocks.</summary>
    private static IEnumerable<SyntaxNode> Unwrapped(SyntaxNode root)
    {
        foreach (StatementSyntax statement in root.DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax).Reverse().ToList())
        {
            IEnumerable<StatementSyntax> bodies = statement switch
            {
                IfStatementSyntax s => s.Else is null ? [s.Statement] : [s.Statement, s.Else.Statement],
                ForStatementSyntax s => [s.Statement],
                WhileStatementSyntax s => [s.Statement],
                DoStatementSyntax s => [s.Statement],
                CheckedStatementSyntax s => [s.Block],
                UsingStatementSyntax s => [s.Statement],
                _ => [],
            };
            foreach (StatementSyntax body in bodies)
            {
                yield return root.ReplaceNode(statement, body.WithTriviaFrom(statement));
            }
        }
    }

    /// <summary>Operators replaced by an operand, conditionals by a branch, wrappers by their content, then expressions by 0.</summary>
    private static IEnumerable<SyntaxNode> SimplerExpressions(SyntaxNode root)
    {
        var expressions = root.DescendantNodes().OfType<ExpressionSyntax>().Reverse().Where(e => !HoldsZeroedAllocationFlags(e)).ToList();
        foreach (ExpressionSyntax expression in expressions)
        {
            IEnumerable<ExpressionSyntax> replacements = expression switch
            {
                BinaryExpressionSyntax b => [b.Left, b.Right],
                ParenthesizedExpressionSyntax p => [p.Expression],
                ConditionalExpressionSyntax c => [c.WhenTrue, c.WhenFalse],
                CheckedExpressionSyntax c => [c.Expression],
                PrefixUnaryExpressionSyntax u => [u.Operand],
                SwitchExpressionSyntax s => s.Arms.Select(a => a.Expression),
                _ => [],
            };
            foreach (ExpressionSyntax replacement in replacements)
            {
                yield return root.ReplaceNode(expression, replacement.WithTriviaFrom(expression));
            }
        }

        foreach (ExpressionSyntax expression in expressions.Where(e => e is BinaryExpressionSyntax or InvocationExpressionSyntax or CastExpressionSyntax or ConditionalExpressionSyntax or SwitchExpressionSyntax))
        {
            yield return root.ReplaceNode(expression, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(0)).WithTriviaFrom(expression));
        }
    }

    // Kernel.Allocate keeps MallocFlags.Zero: without it the program reads stale heap, which the harness
    // poisons and the simulation zeroes, a difference of the reduced program's own making (seed 44).
    private static bool HoldsZeroedAllocationFlags(ExpressionSyntax expression) =>
        expression.ToString().Contains("MallocFlags.Zero", System.StringComparison.Ordinal);

    private static SyntaxNode? Remove(SyntaxNode root, IEnumerable<SyntaxNode> nodes)
    {
        try
        {
            return root.RemoveNodes(nodes, SyntaxRemoveOptions.KeepNoTrivia);
        }
        catch (System.InvalidOperationException)
        {
            return null;   // an embedded statement cannot be removed on its own
        }
    }
}
