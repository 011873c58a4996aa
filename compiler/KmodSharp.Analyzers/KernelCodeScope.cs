using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers;

/// <summary>Which code is kernel code: members of <c>[KernelModule]</c> and <c>[KernelHelper]</c> classes.</summary>
internal static class KernelCodeScope
{
    public const string KernelModuleAttribute = "KmodSharp.KernelModuleAttribute";
    public const string KernelHelperAttribute = "KmodSharp.KernelHelperAttribute";

    public static bool IsKernelCode(ISymbol? symbol)
    {
        for (INamedTypeSymbol? type = symbol as INamedTypeSymbol ?? symbol?.ContainingType; type is not null; type = type.ContainingType)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                string? name = attribute.AttributeClass?.ToDisplayString();
                if (name is KernelModuleAttribute or KernelHelperAttribute)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
