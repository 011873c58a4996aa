using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Compiler.Pipeline.Frontend;

/// <summary>
/// Which errno values a syscall can return, read from the handler's operation tree and the
/// helpers it calls: every <c>Errno.X</c> it names (other than in a comparison), EFAULT from each
/// user-memory copy, ENAMETOOLONG from <c>copyinstr</c>, EPERM from <c>priv_check</c>, the guards
/// that replace .NET exceptions (docs/semantics.md: EDOM, EOVERFLOW, EINVAL), ECAPMODE for a call
/// not allowed in capability mode, and ENOENT from the userland library when the module is absent.
/// Not path-sensitive: an errno on a path the handler's own checks rule out is still listed.
/// </summary>
public sealed class ErrorAnalysis(Compilation compilation)
{
    private readonly INamedTypeSymbol? errnoType = compilation.GetTypeByMetadataName("KmodSharp.Errno");

    public ImmutableArray<SyscallError> Of(SyscallModel syscall, IMethodSymbol handler, string module)
    {
        var errors = new List<SyscallError>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Visit(handler, errors, visited);
        if (!syscall.CapabilityEnabled)
        {
            errors.Add(Error("ECAPMODE", ErrorSource.CapabilityMode, "The process is in capability mode (see cap_enter(2)) and the call is not marked safe there."));
        }

        errors.Add(Error("ENOENT", ErrorSource.NotLoaded, $"The {module} kernel module is not loaded."));
        return [.. errors.Distinct().OrderBy(e => e.Number).ThenBy(e => e.Source)];
    }

    private void Visit(IMethodSymbol method, List<SyscallError> errors, HashSet<IMethodSymbol> visited)
    {
        if (!visited.Add(method) || Body(method) is not { } body)
        {
            return;
        }

        foreach (IOperation operation in body.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFieldReferenceOperation { Field: { HasConstantValue: true } field } when IsErrno(field.ContainingType) && field.Name != "None" && !InComparison(operation):
                    errors.Add(Error(field.Name, ErrorSource.Explicit, Condition(operation)));
                    break;
                case IInvocationOperation call when RuntimeApi.Find(call.TargetMethod) is { MustBeChecked: true } api:
                    KernelCall(api, call, errors);
                    break;
                case IInvocationOperation { TargetMethod: { } callee } when callee.DeclaringSyntaxReferences.Length > 0:
                    Visit(callee.OriginalDefinition, errors, visited);
                    break;
            }

            if (GuardedOperations.IsGuarded(operation))
            {
                errors.AddRange(Guard(operation));
            }
        }
    }

    /// <summary>How the handler's own copy calls use each user-pointer parameter.</summary>
    public ImmutableDictionary<string, UserAccess> AccessOf(IMethodSymbol handler)
    {
        var access = new Dictionary<string, UserAccess>();
        foreach (IInvocationOperation call in Body(handler)?.DescendantsAndSelf().OfType<IInvocationOperation>() ?? [])
        {
            if (RuntimeApi.Find(call.TargetMethod) is { TouchesUser: true } api)
            {
                UserAccess kind = api.WritesUser ? UserAccess.Write : UserAccess.Read;
                foreach (IParameterSymbol parameter in call.Arguments.Select(a => a.Value).OfType<IParameterReferenceOperation>().Select(r => r.Parameter))
                {
                    access[parameter.Name] = access.GetValueOrDefault(parameter.Name) | kind;
                }
            }
        }

        return access.ToImmutableDictionary();
    }

    // The errnos come from the runtime's [MayFailWith]; the sentences say when, for the man page.
    private void KernelCall(RuntimeMethod api, IInvocationOperation call, List<SyscallError> errors)
    {
        string subject = call.Arguments.Select(a => a.Value).OfType<IParameterReferenceOperation>().FirstOrDefault()?.Parameter.Name is { } parameter
            ? parameter
            : "a user address";
        foreach (string error in api.Errors)
        {
            errors.Add(error switch
            {
                "EFAULT" => Error(error, ErrorSource.UserMemory, $"{subject} points outside the process's accessible address space."),
                "ENAMETOOLONG" => Error(error, ErrorSource.StringTooLong, $"The string {subject} (with its NUL) is longer than the kernel's buffer for it."),
                "EPERM" => Error(error, ErrorSource.Privilege, "The caller does not hold the privilege (priv_check(9)): it is not root, or it is in a jail."),
                _ => Error(error, ErrorSource.Explicit, $"{api.CName ?? api.Method.Name} fails."),
            });
        }
    }

    private IEnumerable<SyscallError> Guard(IOperation operation)
    {
        string source = operation.Syntax.ToString();
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } division:
                return DivisionErrors(division.RightOperand, division.LeftOperand, division.Type, source);
            case ICompoundAssignmentOperation { IsChecked: false, OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder } compound:
                return DivisionErrors(compound.Value, compound.Target, compound.Type, source);
            case ISwitchExpressionOperation:
                return [Error("EINVAL", ErrorSource.Guard, "No arm of a switch expression matches its value.")];
            case IInvocationOperation { TargetMethod.Name: "Allocate" } allocate:
                return [Error("EOVERFLOW", ErrorSource.Guard, $"The element count of a kernel allocation is negative ({allocate.Arguments[0].Value.Syntax}).")];
            case IPropertyReferenceOperation or IInvocationOperation { TargetMethod.Name: "Slice" or "CopyTo" }:
                return [Error("EINVAL", ErrorSource.Guard, $"An index or range is out of bounds ({source}).")];
            default:
                return [Error("EOVERFLOW", ErrorSource.Guard, $"An arithmetic result does not fit its type ({source}).")];
        }
    }

    private IEnumerable<SyscallError> DivisionErrors(IOperation divisor, IOperation dividend, ITypeSymbol? type, string source)
    {
        object? constant = divisor.ConstantValue.HasValue ? divisor.ConstantValue.Value : null;
        decimal? value = constant is null ? null : System.Convert.ToDecimal(constant, System.Globalization.CultureInfo.InvariantCulture);
        if (value is null or 0)
        {
            yield return Error("EDOM", ErrorSource.Guard, $"A divisor is zero ({source}).");
        }

        bool signed = type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_IntPtr;
        if (signed && value is null or -1 && GuardedOperations.MayBeMinimum(dividend))
        {
            yield return Error("EOVERFLOW", ErrorSource.Guard, $"The smallest value is divided by -1 ({source}).");
        }
    }

    private bool IsErrno(ITypeSymbol? type) => errnoType is not null && SymbolEqualityComparer.Default.Equals(type, errnoType);

    private static bool InComparison(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } or IPatternOperation or ICaseClauseOperation;
    }

    // "when divisor < 0" from the nearest enclosing if, so the man page can say when.
    private static string Condition(IOperation operation)
    {
        for (IOperation? child = operation, parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalOperation conditional && child != conditional.Condition)
            {
                string test = conditional.Condition.Syntax.ToString();
                return child == conditional.WhenTrue ? $"when {test}" : $"unless {test}";
            }
        }

        return "";
    }

    private SyscallError Error(string name, ErrorSource source, string detail)
    {
        int number = errnoType?.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault()?.ConstantValue is int value ? value : 0;
        return new SyscallError(name, number, source, detail);
    }

    private IOperation? Body(IMethodSymbol method) => MethodBodies.Of(method, compilation);
}
