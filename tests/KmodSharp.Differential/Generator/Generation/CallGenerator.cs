using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Calls to generated helpers and local functions, with positional, named (in or out of order) and omitted default arguments.</summary>
public sealed class CallGenerator(ModuleContext module, MethodContext method, ExpressionGenerator expressions)
{
    /// <summary>A call whose value has the kind, if a callable one exists here.</summary>
    public Expr? Value(IntegerKind kind, int depth)
    {
        var candidates = new List<System.Func<Expr>>();
        foreach (Helper helper in module.Helpers.Where(h => h.Returns == kind && Callable(h)))
        {
            bool inOperand = helper.Kind == HelperKind.Pure || (helper.Kind == HelperKind.SideEffect && module.Features.SideEffectsInOperands);
            if (inOperand)
            {
                candidates.Add(() => new Expr(Call(helper, depth), false));
            }
        }

        foreach (var local in method.LocalFunctions.Where(f => f.Returns == kind))
        {
            candidates.Add(() => new Expr($"{local.Name}({string.Join(", ", local.Parameters.Select(p => expressions.Int(p, depth - 1)))})", false));
        }

        return candidates.Count == 0 ? null : module.Pick(candidates)();
    }

    /// <summary>Whether this method may call the helper at all.</summary>
    public bool Callable(Helper helper) =>
        (method.AllowFailure || !helper.CanFail)
        && (method.AllowSideEffectCalls || helper.Kind != HelperKind.SideEffect)
        && helper.Name != method.Name;

    /// <summary>A call with value arguments generated for every by-value parameter; <paramref name="byReference"/> gives the text of the others.</summary>
    public string Call(Helper helper, int depth, System.Func<HelperParameter, string>? byReference = null)
    {
        var arguments = new List<(HelperParameter Parameter, string Text)>();
        foreach (HelperParameter parameter in helper.Parameters)
        {
            if (parameter.Default is not null && arguments.Count == helper.Parameters.Length - 1 && module.Chance(40))
            {
                break;   // the default value
            }

            string text = parameter.Modifier.Length > 0 && byReference is not null
                ? byReference(parameter)
                : expressions.Int((IntegerKind)parameter.Type, depth - 1).Text;
            arguments.Add((parameter, text));
        }

        if (arguments.Count > 1 && module.Features.NamedArguments && module.Chance(30))
        {
            // Named arguments in another order: C# still binds (and evaluates them in the order written).
            arguments = [.. arguments.OrderBy(_ => module.Random.Next())];
            return $"{helper.Name}({string.Join(", ", arguments.Select(a => $"{a.Parameter.Name}: {a.Text}"))})";
        }

        bool named = module.Chance(15);
        return $"{helper.Name}({string.Join(", ", arguments.Select(a => named ? $"{a.Parameter.Name}: {a.Text}" : a.Text))})";
    }
}
