using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Text;
using System.Threading.Tasks;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KmodSharp.Analyzers.CodeFixes;

/// <summary>
/// KMS0303: <c>Kernel.Printf($"v={v}\n")</c> → <c>Kernel.Printf("v=%d\n", v)</c>: each hole becomes the
/// conversion its type prints with (<c>{x:x}</c> → <c>%x</c>, <c>{x,5}</c> → <c>%5d</c>), <c>%</c> becomes <c>%%</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PrintfInterpolationCodeFix)), Shared]
public sealed class PrintfInterpolationCodeFix : CodeFixProvider
{
    /// <summary>Kernel.Printf takes at most four arguments.</summary>
    public const int MaxArguments = 4;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PrintfFormatNotLiteral);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>() is not { } interpolated
            || interpolated.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1 } argumentList })
        {
            return;
        }

        var format = new StringBuilder();
        var arguments = new List<ArgumentSyntax>();
        foreach (InterpolatedStringContentSyntax content in interpolated.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                format.Append(text.TextToken.ValueText.Replace("%", "%%"));
                continue;
            }

            var hole = (InterpolationSyntax)content;
            ITypeSymbol? type = model.GetTypeInfo(hole.Expression, context.CancellationToken).Type;
            string clause = hole.FormatClause?.FormatStringToken.ValueText ?? "";
            char preferred = clause.Length > 0 ? clause[0] : 'd';
            if (type is null || PrintfFormat.ConversionFor(type, preferred) is not { } conversion || arguments.Count == MaxArguments)
            {
                return;
            }

            format.Append(WithWidth(conversion, hole, clause));
            arguments.Add(SyntaxFactory.Argument(hole.Expression.WithoutTrivia()));
        }

        var allArguments = new List<ArgumentSyntax>
        {
            SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(format.ToString()))),
        };
        allArguments.AddRange(arguments);
        ArgumentListSyntax fixedList = argumentList.WithArguments(SyntaxFactory.SeparatedList(allArguments)).WithTriviaFrom(argumentList);
        context.RegisterCodeFix(
            CodeAction.Create(
                "Use a format string and arguments",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(argumentList, fixedList))),
                nameof(PrintfInterpolationCodeFix)),
            context.Diagnostics);
    }

    /// <summary><c>{x,5}</c> → <c>%5d</c>, <c>{x,-5}</c> → <c>%-5d</c>, <c>{x:x8}</c> → <c>%08x</c>.</summary>
    private static string WithWidth(string conversion, InterpolationSyntax hole, string clause)
    {
        string flags = "";
        if (clause.Length > 1 && int.TryParse(clause.Substring(1), out int digits))
        {
            flags = "0" + digits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (hole.AlignmentClause?.Value is { } alignment)
        {
            flags = alignment.ToString().Replace(" ", "");
        }

        return flags.Length == 0 ? conversion : "%" + flags + conversion.Substring(1);
    }
}
