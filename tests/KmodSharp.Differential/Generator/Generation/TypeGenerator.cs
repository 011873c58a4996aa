using System.Collections.Generic;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>Inline arrays and structs (nested, with inline-array fields), written before the module class.</summary>
public sealed class TypeGenerator(ModuleContext module, CodeWriter writer)
{
    public void Generate()
    {
        for (int i = module.Random.Next(0, 3); i > 0; i--)
        {
            InlineArray();
        }

        for (int i = module.Random.Next(1, 4); i > 0; i--)
        {
            Struct();
        }
    }

    private void InlineArray()
    {
        IntegerKind element = module.Pick(IntegerKind.Fixed);
        int length = module.Pick([2, 4, 8]);
        var type = new InlineArrayType($"{char.ToUpperInvariant(element.Name[0])}{element.Name[1..]}{length}x{module.InlineArrays.Count}", element, length);
        writer.Line($"[InlineArray({length})]");
        writer.Open($"public struct {type.Name}");
        writer.Line($"private {element.Name} element0;");
        writer.Close();
        writer.Line("");
        module.InlineArrays.Add(type);
    }

    private void Struct()
    {
        var fields = new List<GenType>();
        for (int i = module.Random.Next(1, 4); i > 0; i--)
        {
            fields.Add(module.Pick(IntegerKind.Fixed));
        }

        if (module.InlineArrays.Count > 0 && module.Chance(50))
        {
            fields.Add(module.Pick(module.InlineArrays));
        }

        if (module.Structs.Count > 0 && module.Chance(50))
        {
            fields.Add(module.Pick(module.Structs));
        }

        // Largest alignment first, then bytes up to a multiple of it: no padding anywhere; or the order
        // drawn, padding and all (a padded struct copied out goes through a zeroed buffer).
        List<GenType> ordered = module.Features.PaddedStructs && module.Chance(40) ? fields : fields.OrderByDescending(StructType.AlignmentOf).ToList();
        int size = ordered.Sum(StructType.SizeOf), alignment = ordered.Max(StructType.AlignmentOf);
        while (ordered != fields && size % alignment != 0)
        {
            ordered.Add(IntegerKind.Byte);
            size++;
        }

        var type = new StructType($"Rec{module.Structs.Count}", [.. ordered.Select((t, i) => new StructField($"F{i}", t))]);
        writer.Open($"public struct {type.Name}");
        foreach (StructField field in type.Fields)
        {
            writer.Line($"public {field.Type.Name} {field.Name};");
        }

        writer.Close();
        writer.Line("");
        module.Structs.Add(type);
    }
}
