using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>The module's static fields: integers (with and without initializers), structs, inline arrays, and a mutex.</summary>
public sealed class StaticGenerator(ModuleContext module, CodeWriter writer)
{
    public void Generate()
    {
        // An int static always exists: side-effect helpers write one.
        Integer(IntegerKind.Int);
        for (int i = module.Random.Next(1, 5); i > 0; i--)
        {
            switch (module.Random.Next(6))
            {
                case 0 when module.Structs.Count > 0 && module.Features.StructStatics:
                    Struct();
                    break;
                case 1 when module.InlineArrays.Count > 0:
                    InlineArrayType array = module.Pick(module.InlineArrays);
                    Add(array, name => $"private static {array.Name} {name};");
                    break;
                default:
                    Integer(module.Pick(IntegerKind.All));
                    break;
            }
        }

        if (module.Features.ConstantTables)
        {
            for (int i = module.Random.Next(0, 3); i > 0; i--)
            {
                Table();
            }
        }

        if (module.Chance(40))
        {
            module.Lock = "s_lock";
            writer.Line("private static KernelMutex s_lock;");
        }

        writer.Line("");
    }

    private void Integer(IntegerKind kind)
    {
        bool allowed = kind != IntegerKind.Char || module.Features.CharStaticInitializers;
        string initializer = allowed && module.Chance(70) ? " = " + kind.Literal(kind.RandomValue(module.Random)) : "";
        Add(kind, name => $"private static {kind.Name} {name}{initializer};");
    }

    // A table of random constants of one fixed-size kind, or a UTF-8 literal.
    private void Table()
    {
        string name = $"T{module.Tables.Count}";
        int length = module.Random.Next(1, 12);
        if (module.Chance(25))
        {
            string text = new([.. Enumerable.Range(0, length).Select(_ => (char)module.Random.Next('a', 'z' + 1))]);
            writer.Line($"private static ReadOnlySpan<byte> {name} => \"{text}\"u8;");
            module.Tables.Add(new Place(name + "[@]", IntegerKind.Byte, false, length));
            return;
        }

        IntegerKind kind = module.Pick([.. IntegerKind.Fixed, IntegerKind.Char]);
        var values = Enumerable.Range(0, length).Select(_ => kind.Literal(kind.RandomValue(module.Random)));
        writer.Line($"private static ReadOnlySpan<{kind.Name}> {name} => [{string.Join(", ", values)}];");
        module.Tables.Add(new Place(name + "[@]", kind, false, length));
    }

    private void Struct()
    {
        StructType type = module.Pick(module.Structs);
        string initializer = "";
        if (module.Features.StructStaticInitializers && module.Chance(60))
        {
            var fields = type.Fields.Where(f => f.Type is IntegerKind).Take(2)
                .Select(f => $"{f.Name} = {((IntegerKind)f.Type).Literal(((IntegerKind)f.Type).RandomValue(module.Random))}");
            initializer = $" = new {type.Name} {{ {string.Join(", ", fields)} }}";
        }

        Add(type, name => $"private static {type.Name} {name}{initializer};");
    }

    private void Add(GenType type, System.Func<string, string> declaration)
    {
        string name = $"s_{module.Statics.Count}";
        writer.Line(declaration(name));
        module.Statics.Add(new Variable(name, type, IsStatic: true));
    }
}
