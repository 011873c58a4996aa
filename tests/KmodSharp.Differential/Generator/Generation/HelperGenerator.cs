using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Helper methods: pure ones (with a default parameter), ones that write a static and return a
/// value, ones with <c>ref</c>/<c>out</c>/<c>in</c> parameters, and <c>Errno</c>-returning ones.
/// A helper calls only helpers written before it, so there is no recursion (KMS0101).
/// </summary>
public sealed class HelperGenerator(ModuleContext module, CodeWriter writer)
{
    public void Generate()
    {
        for (int i = module.Random.Next(2, 6); i > 0; i--)
        {
            HelperKind kind = module.Random.Next(8) switch
            {
                < 3 => HelperKind.Pure,
                < 5 => HelperKind.SideEffect,
                < 7 => HelperKind.ByReference,
                _ => HelperKind.ErrnoResult,
            };
            Generate(kind, $"Helper{module.Helpers.Count}");
        }
    }

    private void Generate(HelperKind kind, string name)
    {
        bool canFail = kind == HelperKind.ErrnoResult ? module.Features.FailingErrnoHelpers && module.Chance(60) : module.Chance(50);
        var method = new MethodContext(name)
        {
            AllowFailure = canFail,
            MayLock = false,
            AllowSideEffectCalls = kind is HelperKind.SideEffect,
            WritesStatics = kind is HelperKind.SideEffect,
            ErrorReturn = kind == HelperKind.ErrnoResult ? e => $"return {e};" : null,
        };
        ImmutableArray<HelperParameter> parameters = Parameters(kind);
        IntegerKind? returns = kind == HelperKind.ErrnoResult ? null : module.Pick(IntegerKind.All);
        Variable? target = null;
        if (kind == HelperKind.SideEffect)
        {
            target = module.Pick(module.Statics.Where(s => s.Type is IntegerKind).ToList());
            returns = (IntegerKind)target.Type;
        }

        string signature = string.Join(", ", parameters.Select(p =>
            $"{(p.Modifier.Length > 0 ? p.Modifier + " " : "")}{p.Type.Name} {p.Name}{(p.Default is null ? "" : " = " + p.Default)}"));
        writer.Open($"private static {(returns?.Name ?? "Errno")} {name}({signature})");
        writer.Line($"long acc = {module.Random.Next(1, 1000)};");
        var statements = new StatementGenerator(module, method, writer) { Limit = 8 };
        foreach (HelperParameter parameter in parameters)
        {
            if (parameter.Modifier == "out")
            {
                writer.Line($"{parameter.Name} = {statements.Expressions.Int((IntegerKind)parameter.Type, 2)};");
            }

            method.Scope.Add(new Variable(parameter.Name, parameter.Type, Writable: parameter.Modifier != "in"));
        }

        statements.Statements(module.Random.Next(1, 6), 2);
        foreach (Variable variable in method.Scope.Innermost.ToList())
        {
            statements.Fold(variable);
        }

        switch (kind)
        {
            case HelperKind.SideEffect:
                IntegerKind k = (IntegerKind)target!.Type;
                writer.Line($"{target.Name} = unchecked(({k.Name})((long){target.Name} * 5 + acc));");
                writer.Line($"return {target.Name};");
                break;
            case HelperKind.ErrnoResult:
                string total = parameters.Single(p => p.Modifier == "ref").Name;
                writer.Line($"{total} = unchecked({total} * 7 + acc);");
                writer.Line("return Errno.None;");
                break;
            default:
                writer.Line($"return unchecked(({returns!.Name})(acc ^ (long){statements.Expressions.Int(returns, 2)}));");
                break;
        }

        writer.Close();
        writer.Line("");
        module.Helpers.Add(new Helper(name, kind, returns, parameters, canFail));
    }

    private ImmutableArray<HelperParameter> Parameters(HelperKind kind)
    {
        var parameters = new List<HelperParameter>();
        var used = new HashSet<string>();
        string Name()
        {
            string name = module.Features.KernelLikeNames && module.Chance(10) ? module.Pick(KernelLikeNames.Parameters) : "p" + used.Count;
            return used.Add(name) ? name : Name();
        }

        switch (kind)
        {
            case HelperKind.ByReference:
                parameters.Add(new HelperParameter(Name(), module.Pick(IntegerKind.All), "ref"));
                parameters.Add(new HelperParameter(Name(), module.Pick(IntegerKind.All), "out"));
                GenType input = module.Structs.Count > 0 && module.Chance(50) ? module.Pick(module.Structs) : module.Pick(IntegerKind.All);
                parameters.Add(new HelperParameter(Name(), input, "in"));
                break;
            case HelperKind.ErrnoResult:
                parameters.Add(new HelperParameter(Name(), module.Pick(IntegerKind.All)));
                parameters.Add(new HelperParameter(Name(), IntegerKind.Long, "ref"));
                break;
            default:
                for (int i = module.Random.Next(kind == HelperKind.SideEffect ? 0 : 1, 4); i > 0; i--)
                {
                    parameters.Add(new HelperParameter(Name(), module.Pick(IntegerKind.All)));
                }

                // (nint)5 is no compile-time constant: native integers get no default.
                if (parameters.Count > 0 && module.Chance(50) && !((IntegerKind)parameters[^1].Type).Native)
                {
                    var last = (IntegerKind)parameters[^1].Type;
                    parameters[^1] = parameters[^1] with { Default = last.SmallLiteral(module.Random) };
                }

                break;
        }

        return [.. parameters];
    }
}
