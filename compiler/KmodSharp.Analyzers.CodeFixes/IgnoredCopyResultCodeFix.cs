using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Text;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>
/// KMS0201: <c>Kernel.CopyIn(p, out var v);</c> → <c>Errno error = Kernel.CopyIn(p, out var v); if (error != Errno.None) return error;</c>
/// in methods returning <c>Errno</c> or <c>SyscallResult&lt;T&gt;</c>. Fix All applies the fixes one after
/// another so each gets a fresh name (<c>error</c>, <c>error2</c>, …).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IgnoredCopyResultCodeFix)), Shared]
public sealed class IgnoredCopyResultCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.IgnoredCopyResult);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !IsFixable(root, model, context.Span, context.CancellationToken))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Check the result and return the error",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Apply(root, context.Span))),
                nameof(IgnoredCopyResultCodeFix)),
            context.Diagnostics);
    }

    private static async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        // Decide on the original tree, mark the statements, then rewrite them in source order so names count up.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (Diagnostic diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (IsFixable(root, model, diagnostic.Location.SourceSpan, context.CancellationToken) && Statement(root, diagnostic.Location.SourceSpan) is { } statement)
            {
                marks[statement] = new SyntaxAnnotation();
            }
        }

        SyntaxNode current = root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original]));
        foreach (SyntaxAnnotation mark in marks.OrderBy(m => m.Key.SpanStart).Select(m => m.Value))
        {
            if (current.GetAnnotatedNodes(mark).FirstOrDefault() is ExpressionStatementSyntax statement)
            {
                current = Apply(current, statement);
            }
        }

        return document.WithSyntaxRoot(current);
    }

    private static bool IsFixable(SyntaxNode root, SemanticModel model, TextSpan span, CancellationToken cancellationToken)
    {
        if (Statement(root, span) is not { } statement
            || statement.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not MethodDeclarationSyntax method
            || statement.Parent is not BlockSyntax
            || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return false;
        }

        ITypeSymbol returned = symbol.ReturnType;
        bool returnsErrno = TranslatableApi.IsRuntimeTypeNamed(returned, "Errno") || TranslatableApi.IsRuntimeTypeNamed(returned, "SyscallResult");
        return returnsErrno && model.GetTypeInfo(Call(statement)!, cancellationToken).Type is { Name: "Errno" };
    }

    private static ExpressionStatementSyntax? Statement(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } statement && Call(statement) is { } call && call.Span == span
            ? statement
            : null;

    private static ExpressionSyntax? Call(ExpressionStatementSyntax statement) => statement.Expression switch
    {
        InvocationExpressionSyntax invocation => invocation,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" }, Right: InvocationExpressionSyntax invocation } => invocation,
        _ => null,
    };

    private static SyntaxNode Apply(SyntaxNode root, TextSpan span) => Apply(root, Statement(root, span)!);

    private static SyntaxNode Apply(SyntaxNode root, ExpressionStatementSyntax statement)
    {
        string name = FreshName(statement.FirstAncestorOrSelf<MemberDeclarationSyntax>()!);
        SyntaxTriviaList indentation = SyntaxFactory.TriviaList(statement.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault());
        var declaration = SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("Errno").WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(
                        SyntaxFactory.VariableDeclarator(SyntaxFactory.Identifier(name).WithTrailingTrivia(SyntaxFactory.Space))
                            .WithInitializer(SyntaxFactory.EqualsValueClause(
                                SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                                Call(statement)!.WithoutTrivia())))))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia());
        StatementSyntax check = SyntaxFactory.ParseStatement("if (" + name + " != Errno.None) return " + name + ";")
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(statement.GetTrailingTrivia());
        return root.ReplaceNode(statement, new SyntaxNode[] { declaration, check });
    }

    private static string FreshName(SyntaxNode member)
    {
        var used = new HashSet<string>();
        foreach (SyntaxToken token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                used.Add(token.ValueText);
            }
        }

        string name = "error";
        for (int i = 2; used.Contains(name); i++)
        {
            name = "error" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
