using System.Collections.Generic;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

/// <summary>
/// The module's own enums in C, their members used by name:
/// <code>
/// enum Color { Red = 1, DarkBlue }     →  enum mymod_color {
///                                             MYMOD_COLOR_RED = 1,
///                                             MYMOD_COLOR_DARK_BLUE = 2,
///                                         };
/// enum Big : long { Far = 1L &lt;&lt; 40 }  →  #define MYMOD_BIG_FAR 1099511627776L
/// </code>
/// A C enum constant is an <c>int</c>, so only an int-backed enum becomes a C enum; any other
/// gets one <c>#define</c> per member, a literal of the C# underlying type. Names carry the module
/// name and are numbered should two C# names meet, or one meet a kernel name (<see cref="CNames"/>).
/// Variables keep their underlying integer type (sizes and ABI structs stay exactly C#'s).
/// </summary>
internal sealed class UserEnums(ModuleModel module)
{
    private readonly Dictionary<INamedTypeSymbol, string> tags = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IFieldSymbol, string> constants = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> names = [];
    private readonly List<INamedTypeSymbol> order = [];

    /// <summary>Whether <paramref name="field"/> is a member of an enum of the user's (not the runtime's).</summary>
    public static bool IsUserMember(IFieldSymbol field) =>
        field is { HasConstantValue: true, ContainingType: { TypeKind: TypeKind.Enum } type }
        && !TypeBinder.IsRuntimeType(type, type.Name) && TypeBinder.Bind(type) is KEnum;

    /// <summary>The C name of a member, declaring its enum the first time.</summary>
    public string ConstantName(IFieldSymbol member)
    {
        INamedTypeSymbol type = member.ContainingType;
        if (!tags.ContainsKey(type))
        {
            string tag = Unique(CNames.ModulePrefixed(module.Name, ModuleBinder.SnakeCase(type.Name)), name => CNames.IsFreeTag(module, name));
            tags.Add(type, tag);
            foreach (IFieldSymbol field in Members(type))
            {
                constants[field] = Unique($"{tag}_{ModuleBinder.SnakeCase(field.Name)}".ToUpperInvariant(), CNames.IsFreeGlobal);
            }

            order.Add(type);
        }

        return constants[member];
    }

    /// <summary>The declarations of every enum used, in first-use order.</summary>
    public IEnumerable<CDecl> Declarations()
    {
        foreach (INamedTypeSymbol type in order)
        {
            KInteger underlying = ((KEnum)TypeBinder.Bind(type)!).Underlying;
            IEnumerable<(string Name, CIntegerLiteral Value)> members = Members(type)
                .Select(f => (constants[f], new CIntegerLiteral(ConstantLiteral.Integer(f.ConstantValue!), CTypeMapper.Suffix(underlying))));
            if (underlying == KInteger.Int32)
            {
                yield return new CEnumDefinition(tags[type], [.. members.Select(m => new CEnumerator(m.Name, m.Value))]);
                continue;
            }

            yield return new CMacroGroup([.. members.Select(m => new CMacroDefinition(m.Name, default, m.Value))]);
        }
    }

    private static IEnumerable<IFieldSymbol> Members(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue);

    private string Unique(string stem, System.Func<string, bool> isFree)
    {
        string name = stem;
        for (int i = 2; !isFree(name) || !names.Add(name); i++)
        {
            name = $"{stem}_{i}";
        }

        return name;
    }
}
