namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// <see cref="GeneratorFeatures.IntegerMath"/>: <c>Math.Min/Max/Abs/Clamp</c> and <c>BitOperations</c>
/// calls of the exact kind asked for. Abs and a Clamp with computed bounds throw in .NET on some
/// inputs, so they appear only where the method may fail.
/// </summary>
public sealed partial class ExpressionGenerator
{
    private const string Bits = "System.Numerics.BitOperations";

    private Expr IntegerMath(IntegerKind kind, int depth)
    {
        if (kind == IntegerKind.Char)
        {
            return Leaf(kind);
        }

        string a = Int(kind, depth - 1).Text;
        switch (module.Random.Next(6))
        {
            case 0:
                return new Expr($"Math.{module.Pick(["Min", "Max"])}({a}, {Int(kind, depth - 1).Text})", false);
            case 1 when kind.Signed && method.AllowFailure:
                return new Expr($"Math.Abs({a})", false);
            case 2 when method.AllowFailure:
                return new Expr($"Math.Clamp({a}, {Int(kind, depth - 1).Text}, {Int(kind, depth - 1).Text})", false);
            case 3:
            {
                // Constant bounds in order: this Clamp never throws.
                System.Numerics.BigInteger x = kind.RandomValue(module.Random), y = kind.RandomValue(module.Random);
                (x, y) = x <= y ? (x, y) : (y, x);
                return new Expr($"Math.Clamp({a}, {kind.Literal(x)}, {kind.Literal(y)})", false);
            }

            case 4 when kind == IntegerKind.Int:
            {
                IntegerKind operand = module.Pick([IntegerKind.UInt, IntegerKind.ULong, IntegerKind.NUInt]);
                string function = module.Pick(["PopCount", "LeadingZeroCount", "TrailingZeroCount", "Log2"]);
                return new Expr($"{Bits}.{function}({Int(operand, depth - 1).Text})", false);
            }

            case 5 when kind == IntegerKind.UInt || kind == IntegerKind.ULong || kind == IntegerKind.NUInt:
                return new Expr($"{Bits}.{module.Pick(["RotateLeft", "RotateRight"])}({a}, {Int(IntegerKind.Int, depth - 1).Text})", false);
            default:
                return new Expr($"Math.Max({a}, {Int(kind, depth - 1).Text})", false);
        }
    }
}
