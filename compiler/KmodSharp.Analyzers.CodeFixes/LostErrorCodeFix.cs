using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>
/// KMS0207: after the lost store <c>e = Kernel.CopyOut(…);</c> inserts <c>if (e != Errno.None) return e;</c>,
/// in a method or local function returning <c>Errno</c> or <c>SyscallResult&lt;T&gt;</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LostErrorCodeFix)), Shared]
public sealed class LostErrorCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.LostError);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Store(root, context.Span) is not { } store || !ReturnsErrno(store.Statement, model, context.CancellationToken))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Check the error before it is overwritten",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Insert(root, store.Statement, store.Name))),
                nameof(LostErrorCodeFix)),
            context.Diagnostics);
    }

    // The statement holding the reported assignment or declarator, when it sits in a statement list, and the local's name.
    private static (StatementSyntax Statement, string Name)? Store(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        SyntaxNode node = root.FindNode(span, getInnermostNodeForTie: true);
        (StatementSyntax? statement, string? name) = node switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left, Parent: ExpressionStatementSyntax s } => (s, left.Identifier.ValueText),
            VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax s } declarator => ((StatementSyntax?)s, declarator.Identifier.ValueText),
            _ => (null, null),
        };
        return statement is { Parent: BlockSyntax or SwitchSectionSyntax } && name is not null ? (statement, name) : null;
    }

    private static bool ReturnsErrno(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode? function = statement.Ancestors().FirstOrDefault(a => a is LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax);
        if (function is not (LocalFunctionStatementSyntax or MethodDeclarationSyntax) || model.GetDeclaredSymbol(function, cancellationToken) is not IMethodSymbol method)
        {
            return false;
        }

        return TranslatableApi.IsRuntimeTypeNamed(method.ReturnType, "Errno") || TranslatableApi.IsRuntimeTypeNamed(method.ReturnType, "SyscallResult");
    }

    private static SyntaxNode Insert(SyntaxNode root, StatementSyntax statement, string name)
    {
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault());
        StatementSyntax check = SyntaxFactory.ParseStatement("if (" + name + " != Errno.None) return " + name + ";")
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(statement.GetTrailingTrivia());
        return root.InsertNodesAfter(statement, new[] { check });
    }
}
