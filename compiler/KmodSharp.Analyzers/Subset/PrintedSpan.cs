using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// A span prints as a counted string, <c>%.*s</c> with its length: a <c>%s</c> with a precision of
/// its own has no translation (KMS0302 refuses the other conversions of a span). The analyzer and
/// the backend both decide here.
/// </summary>
public static class PrintedSpan
{
    /// <summary>Whether the conversion <paramref name="conversion"/> (as written, <c>%-8s</c>) prints a span.</summary>
    public static bool Prints(string conversion) => conversion.EndsWith("s", System.StringComparison.Ordinal) && conversion.IndexOf('.') < 0;

    /// <summary>The span arguments of a <c>Kernel.Printf</c> call whose conversion cannot print them.</summary>
    public static List<Untranslatable> Check(IInvocationOperation printf, string format)
    {
        var untranslatable = new List<Untranslatable>();
        List<PrintfFormat.Conversion> conversions = PrintfFormat.Parse(format, new List<PrintfFormat.Problem>());
        foreach (IArgumentOperation argument in printf.Arguments)
        {
            int index = (argument.Parameter?.Ordinal ?? 0) - 1;
            if (index >= 0 && index < conversions.Count && IsSpan(argument.Value.Type) && conversions[index] is { Kind: 's' } conversion && !Prints(conversion.Text))
            {
                untranslatable.Add(new Untranslatable(argument.Value, $"Printing a span with '{conversion.Text}' (a span prints with %s and no precision)"));
            }
        }

        return untranslatable;
    }

    private static bool IsSpan(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Span" or "ReadOnlySpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
