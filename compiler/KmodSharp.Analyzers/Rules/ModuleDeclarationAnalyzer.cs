using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Analyzers.Infrastructure;
using KmodSharp.Analyzers.Subset;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace KmodSharp.Analyzers.Rules;

/// <summary>
/// Module declaration rules (KMS0400–KMS0412): where syscalls and hooks may be declared, the module
/// class shape, names, numbers, argument slots and the parameter and return types the syscall ABI carries;
/// and KMS0900 for a <c>[Sysctl]</c> field of a type sysctl(9) does not expose (<see cref="SysctlField"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModuleDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SyscallOutsideModule,
        DiagnosticDescriptors.ModuleNotStatic,
        DiagnosticDescriptors.MissingModule,
        DiagnosticDescriptors.DuplicateName,
        DiagnosticDescriptors.TooManyArguments,
        DiagnosticDescriptors.InvalidName,
        DiagnosticDescriptors.FixedSyscallNumber,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.InvalidModuleHook,
        DiagnosticDescriptors.TooManyDynamicSyscalls,
        DiagnosticDescriptors.TooManyPairArguments,
        DiagnosticDescriptors.InvalidSysctlValidator,
        DiagnosticDescriptors.UnsupportedConstruct);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (KernelScope.For(start.Compilation) is not { } scope)
            {
                return;
            }

            var state = new State();
            start.RegisterSymbolAction(c => AnalyzeType(c, scope, state), SymbolKind.NamedType);
            start.RegisterSymbolAction(c => AnalyzeMethod(c, scope, state), SymbolKind.Method);
            start.RegisterSymbolAction(c => AnalyzeField(c, scope), SymbolKind.Field);
            start.RegisterCompilationEndAction(c => ReportEnd(c, state));
        });
    }

    private sealed class State
    {
        public ConcurrentQueue<(string Name, Location Location, string Owner)> Modules { get; } = new();

        public ConcurrentQueue<(string Name, int Number, Location NameLocation, Location NumberLocation, string Owner, string Module)> Syscalls { get; } = new();

        public ConcurrentQueue<(IMethodSymbol Method, string Attribute)> Orphans { get; } = new();
    }

    private static void AnalyzeType(SymbolAnalysisContext c, KernelScope scope, State state)
    {
        var type = (INamedTypeSymbol)c.Symbol;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            bool module = KnownTypes.Is(attribute.AttributeClass, scope.Types.KernelModuleAttribute);
            bool helper = KnownTypes.Is(attribute.AttributeClass, scope.Types.KernelHelperAttribute);
            if (!module && !helper)
            {
                continue;
            }

            if (!type.IsStatic)
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ModuleNotStatic, SymbolLocation.Of(type), type.Name, module ? "KernelModule" : "KernelHelper"));
            }

            if (module)
            {
                int dynamic = 0;
                foreach (ISymbol member in type.GetMembers())
                {
                    if (member is IMethodSymbol candidate && candidate.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, scope.Types.SyscallAttribute)) is { } syscall
                        && !syscall.NamedArguments.Any(n => n.Key == "Number" && n.Value.Value is int number && number >= 0))
                    {
                        dynamic++;
                    }
                }

                if (dynamic > SyscallSignature.LastModuleSlot - SyscallSignature.FirstModuleSlot + 1)
                {
                    c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TooManyDynamicSyscalls, SymbolLocation.Of(type), type.Name, dynamic));
                }
            }

            if (module && attribute.ConstructorArguments.Length == 1)
            {
                string? name = attribute.ConstructorArguments[0].Value as string;
                Location location = ArgumentLocation(attribute, c, null) ?? SymbolLocation.Of(type);
                if (CIdentifiers.Validate(name) is { } problem)
                {
                    c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidName, location, "module", name ?? "", problem));
                }
                else
                {
                    state.Modules.Enqueue((name!, location, type.Name));
                }
            }
        }
    }

    // KMS0900: a [Sysctl] field of the module class whose type no sysctl(9) macro takes.
    private static void AnalyzeField(SymbolAnalysisContext c, KernelScope scope)
    {
        var field = (IFieldSymbol)c.Symbol;
        if (scope.IsModuleType(field.ContainingType) && SysctlField.Check(field) is { } refused)
        {
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedConstruct, field.Locations[0], refused.Construct, refused.Reason));
        }

        // KMS0412: a validator that cannot check the values written to the field.
        if (scope.IsModuleType(field.ContainingType) && SysctlField.ValidatorProblem(field) is { } problem)
        {
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidSysctlValidator, field.Locations[0],
                field.Name, SysctlField.ValidatorName(field), field.Type.ToDisplayString(), problem));
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext c, KernelScope scope, State state)
    {
        var method = (IMethodSymbol)c.Symbol;
        EntryKind kind = scope.GetEntryKind(method);
        if (kind == EntryKind.None)
        {
            return;
        }

        string attributeName = kind switch
        {
            EntryKind.Syscall => "Syscall",
            EntryKind.ModuleLoad => "ModuleLoad",
            EntryKind.ModuleUnload => "ModuleUnload",
            _ => "ModuleShutdown",
        };
        if (!scope.IsModuleType(method.ContainingType))
        {
            state.Orphans.Enqueue((method, attributeName));
            if (kind != EntryKind.Syscall)
            {
                return;
            }
        }

        if (kind != EntryKind.Syscall)
        {
            if (!method.IsStatic || method.IsGenericMethod || method.Parameters.Length != 0 || !KnownTypes.Is(method.ReturnType, scope.Types.Errno))
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidModuleHook, SymbolLocation.Of(method), attributeName, method.Name));
            }

            return;
        }

        AnalyzeSyscall(c, scope, state, method);
    }

    private static void AnalyzeSyscall(SymbolAnalysisContext c, KernelScope scope, State state, IMethodSymbol method)
    {
        KnownTypes types = scope.Types;
        AttributeData attribute = scope.GetSyscallAttribute(method)!;
        string name = scope.GetSyscallName(method);
        Location nameLocation = ArgumentLocation(attribute, c, "Name") ?? SymbolLocation.Of(method);
        Location numberLocation = ArgumentLocation(attribute, c, "Number") ?? SymbolLocation.Of(method);
        if (CIdentifiers.Validate(name) is { } problem)
        {
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidName, nameLocation, "syscall", name,
                problem + (ArgumentLocation(attribute, c, "Name") is null ? " (it is the snake_case of the method name; set Name)" : "")));
        }

        int number = -1;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Number" && argument.Value.Value is int value)
            {
                number = value;
            }
        }

        if (number != -1 && (number < SyscallSignature.FirstModuleSlot || number > SyscallSignature.LastModuleSlot))
        {
            string why = number == 0
                ? "slot 0 is the syscall(2) multiplexer and kern_syscall_register returns EEXIST for it (despite SYSCALL_MODULE(9))"
                : number < 0
                    ? "negative numbers other than -1 (a dynamic slot) are invalid (EINVAL)"
                    : "a loadable module can only take the lkmnosys slots " + SyscallSignature.FirstModuleSlot + "–" + SyscallSignature.LastModuleSlot + " (or NOSTD lkmressys slots); any other slot makes kern_syscall_register fail with EEXIST or EINVAL";
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FixedSyscallNumber, numberLocation, name, number, why));
        }

        int slots = 0;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (!SyscallSignature.TakesSlot(parameter))
            {
                continue;
            }

            slots++;
            // A raw pointer has a rule of its own (KMS0200), which names the UserPtr<T> to use instead.
            if (!SyscallSignature.IsArgument(parameter) && (parameter.RefKind != RefKind.None || parameter.Type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer)))
            {
                string refKind = parameter.RefKind switch
                {
                    RefKind.Ref => "ref ",
                    RefKind.Out => "out ",
                    RefKind.None => "",
                    _ => "in ",
                };
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameterType, SymbolLocation.Of(parameter),
                    parameter.Name, name, refKind + parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
            }
        }

        if (slots > SyscallSignature.MaxArgumentSlots)
        {
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TooManyArguments, SymbolLocation.Of(method), name, slots));
        }
        else if (slots > SyscallSignature.MaxPairArgumentSlots && SyscallSignature.ReturnShape(method.ReturnType) == SyscallReturnShape.Pair)
        {
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TooManyPairArguments, SymbolLocation.Of(method), name, slots));
        }

        if (SyscallSignature.ReturnShape(method.ReturnType) is null)
        {
            Location location = method.DeclaringSyntaxReferences.Length > 0 && method.DeclaringSyntaxReferences[0].GetSyntax(c.CancellationToken) is MethodDeclarationSyntax declaration
                ? declaration.ReturnType.GetLocation()
                : SymbolLocation.Of(method);
            c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, location, name, method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        if (scope.IsModuleType(method.ContainingType))
        {
            state.Syscalls.Enqueue((name, number, nameLocation, numberLocation, method.Name, ModuleOf(method.ContainingType, types)));
        }
    }

    private static string ModuleOf(INamedTypeSymbol type, KnownTypes types)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            foreach (AttributeData attribute in current.GetAttributes())
            {
                if (KnownTypes.Is(attribute.AttributeClass, types.KernelModuleAttribute))
                {
                    return current.ToDisplayString();
                }
            }
        }

        return type.ToDisplayString();
    }

    private static Location? ArgumentLocation(AttributeData attribute, SymbolAnalysisContext c, string? name)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(c.CancellationToken) is not AttributeSyntax { ArgumentList: { } list })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            string? argumentName = argument.NameEquals?.Name.Identifier.ValueText;
            if (name is null ? argumentName is null : argumentName == name)
            {
                return argument.GetLocation();
            }
        }

        return null;
    }

    private static void ReportEnd(CompilationAnalysisContext c, State state)
    {
        if (state.Modules.IsEmpty)
        {
            foreach ((IMethodSymbol method, string attribute) in Ordered(state.Orphans, o => SymbolLocation.Of(o.Method)))
            {
                if (attribute == "Syscall")
                {
                    c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingModule, SymbolLocation.Of(method), method.Name));
                    break;
                }
            }
        }
        else
        {
            foreach ((IMethodSymbol method, string attribute) in Ordered(state.Orphans, o => SymbolLocation.Of(o.Method)))
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SyscallOutsideModule, SymbolLocation.Of(method), method.Name, attribute, method.ContainingType.Name));
            }
        }

        var modules = new Dictionary<string, string>();
        foreach (var module in Ordered(state.Modules, m => m.Location))
        {
            if (modules.TryGetValue(module.Name, out string? first))
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName, module.Location, "Module name", module.Name, first));
            }
            else
            {
                modules[module.Name] = module.Owner;
            }
        }

        // Syscall names share one namespace (sys/<name>) across the kernel; numbers across the sysent table.
        var names = new Dictionary<string, string>();
        var numbers = new Dictionary<int, string>();
        foreach (var syscall in Ordered(state.Syscalls, s => s.NameLocation))
        {
            if (names.TryGetValue(syscall.Name, out string? first))
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName, syscall.NameLocation, "Syscall name", syscall.Name, first));
            }
            else
            {
                names[syscall.Name] = syscall.Owner;
            }

            if (syscall.Number == -1)
            {
                continue;
            }

            if (numbers.TryGetValue(syscall.Number, out string? firstNumber))
            {
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateName, syscall.NumberLocation, "Syscall number", syscall.Number, firstNumber));
            }
            else
            {
                numbers[syscall.Number] = syscall.Owner;
            }
        }
    }

    private static List<T> Ordered<T>(IEnumerable<T> items, System.Func<T, Location> location)
    {
        var list = new List<T>(items);
        list.Sort((a, b) =>
        {
            Location x = location(a);
            Location y = location(b);
            int byPath = string.CompareOrdinal(x.SourceTree?.FilePath, y.SourceTree?.FilePath);
            return byPath != 0 ? byPath : x.SourceSpan.Start.CompareTo(y.SourceSpan.Start);
        });
        return list;
    }
}
