using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Random integer expressions and conditions of an exact C# type, over the places in scope:
/// arithmetic (narrow types promoted and cast back), shifts by any count, conversions,
/// <c>checked</c>, conditionals, switch expressions with patterns, and calls to helpers and local
/// functions. Operations that fail as .NET would throw appear only where the method allows it.
/// </summary>
public sealed partial class ExpressionGenerator(ModuleContext module, MethodContext method)
{
    private static readonly string[] ArithmeticOperators = ["+", "-", "*", "&", "|", "^", "+", "-", "*"];
    private static readonly string[] FailingOperators = ["/", "%"];
    private static readonly string[] ShiftOperators = ["<<", ">>", ">>>"];
    private static readonly string[] ComparisonOperators = ["<", "<=", ">", ">=", "==", "!="];

    /// <summary>Integer kinds C# compares with each other without ambiguity (no ulong against a signed type).</summary>
    private static readonly IntegerKind[] MixableKinds = [IntegerKind.SByte, IntegerKind.Byte, IntegerKind.Short, IntegerKind.UShort, IntegerKind.Int, IntegerKind.UInt, IntegerKind.Long];

    public CallGenerator Calls => new(module, method, this);

    /// <summary>Every integer place in scope (locals, parameters, statics).</summary>
    public IEnumerable<Place> AllPlaces() => method.Scope.Visible.Concat(module.Statics).SelectMany(Place.Of).Concat(module.Tables);

    public Expr Int(IntegerKind kind, int depth)
    {
        if (depth <= 0 || module.Chance(20))
        {
            return Leaf(kind);
        }

        return module.Random.Next(14) switch
        {
            < 4 => Binary(kind, depth),
            4 => Shift(kind, depth),
            5 => Unary(kind, depth),
            6 or 7 => Conversion(kind, depth),
            8 when method.AllowFailure => Checked(kind, depth),
            9 => Conditional(kind, depth),
            10 => SwitchExpression(kind, depth),
            11 or 12 => Calls.Value(kind, depth) ?? Leaf(kind),
            13 when module.Features.IntegerMath => IntegerMath(kind, depth),
            _ => Leaf(kind),
        };
    }

    /// <summary>A place of the kind, or a literal.</summary>
    public Expr Leaf(IntegerKind kind)
    {
        var places = AllPlaces().Where(p => p.Kind == kind).ToList();
        if (places.Count > 0 && module.Chance(70))
        {
            return new Expr(Render(module.Pick(places)), false);
        }

        return Literal(kind);
    }

    public Expr Literal(IntegerKind kind) => new(kind.Literal(kind.RandomValue(module.Random)), true);

    /// <summary>A value of the kind that C# does not fold: a place, or a conversion of one.</summary>
    public Expr NonConstant(IntegerKind kind)
    {
        var places = AllPlaces().ToList();
        var same = places.Where(p => p.Kind == kind).ToList();
        if (same.Count > 0 && (module.Chance(80) || same.Count == places.Count))
        {
            return new Expr(Render(module.Pick(same)), false);
        }

        Place other = module.Pick(places);
        return new Expr($"unchecked(({kind.Name})({Render(other)}))", false);
    }

    /// <summary>A place's text with an index filled in.</summary>
    public string Render(Place place) => place.Indexed ? place.Template.Replace("@", Index(place.Length)) : place.Template;

    /// <summary>An index into <paramref name="length"/> elements: masked into range, or (rarely, where failure is allowed) one that can be out of range.</summary>
    public string Index(int length)
    {
        if (module.Features.IndicesFromEnd && module.Chance(15))
        {
            return FromEnd(length);
        }

        if (method.AllowFailure && module.Chance(8))
        {
            return $"{NonConstant(IntegerKind.Int)} % {length + 1}";
        }

        Expr index = Leaf(IntegerKind.Int);
        return index.Constant ? module.Random.Next(length).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{index} & {length - 1}";
    }

    /// <summary><c>^k</c> with k in 1 … length, or (where failure is allowed) any k, ^0 and negatives included.</summary>
    private string FromEnd(int length)
    {
        if (method.AllowFailure && module.Chance(20))
        {
            return $"^({NonConstant(IntegerKind.Int)} % {length + 2})";
        }

        Expr k = Leaf(IntegerKind.Int);
        return k.Constant ? "^" + module.Random.Next(1, length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"^(({k} & {length - 1}) + 1)";
    }

    /// <summary>
    /// An int for a Slice bound: a local or static masked into range, never a syscall argument.
    /// (KMS0205 now counts a mask as a bound on both ends, so a masked argument would pass too; the
    /// choice stays so each seed keeps its program.)
    /// </summary>
    public Expr SliceOperand()
    {
        Place? place = module.PickOrDefault(method.Scope.Visible.Where(v => !v.SyscallArgument).Concat(module.Statics).SelectMany(Place.Of).Where(p => p.Kind == IntegerKind.Int && !p.Indexed));
        return place is null ? new Expr(module.Random.Next(0, 8).ToString(System.Globalization.CultureInfo.InvariantCulture), true) : new Expr(place.Template, false);
    }

    private Expr Binary(IntegerKind kind, int depth)
    {
        bool failing = method.AllowFailure && module.Chance(20);
        string op = failing ? module.Pick(FailingOperators) : module.Pick(ArithmeticOperators);
        Expr left = Int(kind, depth - 1);
        Expr right = Int(kind, depth - 1);
        if (failing && right.Constant)
        {
            // A constant zero divisor is a C# error; zero comes from the inputs instead.
            System.Numerics.BigInteger divisor = kind.RandomValue(module.Random);
            right = new Expr(kind.Literal(divisor.IsZero ? 1 : divisor), true);
        }

        if (left.Constant && right.Constant)
        {
            left = NonConstant(kind);
        }

        return Promoted(kind, $"{left} {op} {right}");
    }

    private Expr Shift(IntegerKind kind, int depth)
    {
        Expr value = Int(kind, depth - 1);
        Expr count = module.Chance(50) ? new Expr(module.Random.Next(0, 70).ToString(System.Globalization.CultureInfo.InvariantCulture), true) : Int(IntegerKind.Int, depth - 1);
        if (value.Constant && count.Constant)
        {
            value = NonConstant(kind);
        }

        return Promoted(kind, $"{value} {module.Pick(ShiftOperators)} {count}");
    }

    private Expr Unary(IntegerKind kind, int depth)
    {
        Expr operand = Int(kind, depth - 1);
        if (operand.Constant)
        {
            operand = NonConstant(kind);
        }

        // Negation of uint is long and of ulong/nuint an error: those only complement.
        bool negate = (kind.Signed || kind.Promotes) && module.Chance(50);
        string text = negate ? $"-({operand})" : $"~({operand})";
        if (negate && !kind.Promotes && method.AllowFailure && module.Chance(30))
        {
            return new Expr($"checked({text})", false);
        }

        return Promoted(kind, text);
    }

    private Expr Conversion(IntegerKind kind, int depth)
    {
        IntegerKind source = module.Pick(IntegerKind.All);
        Expr inner = Int(source, depth - 1);
        if (inner.Constant)
        {
            inner = NonConstant(source);
        }

        string cast = $"({kind.Name})({inner})";
        return new Expr(method.AllowFailure && module.Chance(25) ? $"checked({cast})" : module.Chance(20) ? $"unchecked({cast})" : cast, false);
    }

    private Expr Checked(IntegerKind kind, int depth)
    {
        Expr left = Int(kind, depth - 1);
        Expr right = Int(kind, depth - 1);
        if (left.Constant && right.Constant)
        {
            left = NonConstant(kind);
        }

        string op = module.Pick(["+", "-", "*"]);
        return new Expr(kind.Promotes ? $"checked(({kind.Name})({left} {op} {right}))" : $"checked({left} {op} {right})", false);
    }

    private Expr Conditional(IntegerKind kind, int depth) =>
        new($"({Condition(depth - 1)} ? {Int(kind, depth - 1)} : {Int(kind, depth - 1)})", false);

    private Expr SwitchExpression(IntegerKind kind, int depth)
    {
        IntegerKind selectorKind = module.Pick(IntegerKind.All.Where(k => k != IntegerKind.Char).ToList());
        PatternSet patterns = PatternSet.Create(module.Random, selectorKind);
        if (module.Features.WhenGuards && module.Chance(30))
        {
            patterns = patterns.WithGuards(module.Random, selectorKind, method.Fresh("g"), () => Condition(depth - 2));
        }

        if (!patterns.Exhaustive && !method.AllowFailure)
        {
            patterns = patterns with { Arms = [.. patterns.Arms, "_"], Exhaustive = true };
        }
        else if (!patterns.Exhaustive && module.Chance(70))
        {
            patterns = patterns with { Arms = [.. patterns.Arms, "_"] };
        }

        // Every arm has the exact kind, so the switch has it too.
        var arms = patterns.Arms.Select(p => $"{p} => {Int(kind, depth - 2)}");
        return new Expr($"({NonConstant(selectorKind)} switch {{ {string.Join(", ", arms)} }})", false);
    }

    private static Expr Promoted(IntegerKind kind, string text) => new(kind.Promotes ? $"({kind.Name})({text})" : $"({text})", false);

    /// <summary>A condition that is never a constant.</summary>
    public string Condition(int depth)
    {
        switch (module.Random.Next(depth <= 0 ? 4 : 8))
        {
            case 0:
            case 1:
            {
                IntegerKind kind = module.Pick(IntegerKind.All);
                Expr left = NonConstant(kind);
                return $"{left} {module.Pick(ComparisonOperators)} {Comparand(kind, left, depth - 1)}";
            }

            case 2:
            {
                IntegerKind a = module.Pick(MixableKinds), b = module.Pick(MixableKinds);
                Expr left = NonConstant(a);
                return $"{left} {module.Pick(ComparisonOperators)} {Comparand(b, left, depth - 1)}";
            }

            case 3:
                return PatternTest();
            case 4:
            {
                IntegerKind kind = module.Pick(IntegerKind.All);
                return $"({NonConstant(kind)} & {Int(kind, depth - 1)}) == 0";
            }

            case 5:
                return $"!({Condition(depth - 1)})";
            case 6:
                return $"({Condition(depth - 1)}) && ({Condition(depth - 1)})";
            default:
                return $"({Condition(depth - 1)}) || ({Condition(depth - 1)})";
        }
    }

    /// <summary>
    /// The right side of a comparison: never the left side itself (a kernel developer does not
    /// write <c>x &lt; x</c>), and, unless <see cref="GeneratorFeatures.HarnessStrictConstructs"/>,
    /// no constant at the type's edge (<c>-Wtype-limits</c>).
    /// </summary>
    private Expr Comparand(IntegerKind kind, Expr left, int depth)
    {
        Expr right = Int(kind, depth);
        bool same = !right.Constant && (left.Text.Contains(right.Text, System.StringComparison.Ordinal) || right.Text.Contains(left.Text, System.StringComparison.Ordinal));
        if (same || (right.Constant && !module.Features.HarnessStrictConstructs))
        {
            right = new Expr(kind.Literal(module.Random.Next(1, 100)), true);
        }

        return right;
    }

    private string PatternTest()
    {
        // Only constant, relational, and/or/not patterns on integers are in the subset (KMS0900): no property or declaration patterns.
        IntegerKind kind = module.Pick(IntegerKind.All.Where(k => k != IntegerKind.Char).ToList());
        string pattern = module.Pick(PatternSet.Create(module.Random, kind).Arms);
        return module.Chance(25) ? $"!({NonConstant(kind)} is {pattern})" : $"{NonConstant(kind)} is {pattern}";
    }
}
