using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Rules;

/// <summary>KMS0001: nothing in kernel code may allocate on the GC heap — there is no GC in the kernel.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GcAllocationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.GcAllocation);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            Analyze,
            OperationKind.ObjectCreation,
            OperationKind.ArrayCreation,
            OperationKind.AnonymousFunction,
            OperationKind.DelegateCreation,
            OperationKind.InterpolatedString,
            OperationKind.Conversion,
            OperationKind.Binary);
    }

    private static bool IsInAttribute(IOperation operation)
    {
        for (IOperation? current = operation; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.Attribute)
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        if (!KernelCodeScope.IsKernelCode(context.ContainingSymbol) || IsInAttribute(context.Operation))
        {
            return;
        }

        string? construct = context.Operation switch
        {
            IObjectCreationOperation { Type.IsReferenceType: true } creation => $"'new {creation.Type!.Name}'",
            IArrayCreationOperation => "An array",
            IAnonymousFunctionOperation => "A lambda",
            IDelegateCreationOperation => "A delegate",
            IInterpolatedStringOperation => "String interpolation",
            IConversionOperation boxing when boxing.GetConversion().IsBoxing => $"Boxing a {boxing.Operand.Type?.Name}",
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } => "String concatenation",
            _ => null,
        };
        if (construct is not null && context.Operation.Parent is not IAnonymousFunctionOperation)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GcAllocation, context.Operation.Syntax.GetLocation(), construct, ""));
        }
    }
}
