using System.ComponentModel;
using System.Reflection;

namespace KmodSharp.Analyzers.Tests;

/// <summary>
/// docs/api.md is the user's reference of the runtime: every public type and member users can see
/// has a row (<c>`Type.Member</c>), and a member with a C name (<c>[CName]</c>) shows it on its row,
/// so adding an API without documenting it, or renaming its C twin, fails here.
/// </summary>
public sealed class ApiReferenceTests
{
    // Table rows, and headings (a type's section names it: ## `Kernel`).
    private static readonly string[] Rows = File.ReadAllLines(Path.Combine(MetaTests.RepoRoot, "docs", "api.md"))
        .Where(line => line.StartsWith('|') || line.StartsWith('#')).ToArray();

    public static TheoryData<string> PublicMembers()
    {
        var data = new TheoryData<string>();
        foreach (Type type in PublicTypes())
        {
            data.Add(TypeName(type));
            foreach ((string member, _) in DocumentedMembers(type))
            {
                data.Add(TypeName(type) + "." + member);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicMembers))]
    public void Every_public_type_and_member_of_the_runtime_has_its_row(string name)
    {
        Assert.True(RowOf(name) is not null, $"docs/api.md has no row for `{name}`");
    }

    [Fact]
    public void Each_members_C_name_is_on_its_row()
    {
        var missing = new List<string>();
        foreach (Type type in PublicTypes())
        {
            foreach ((string memberName, MemberInfo member) in DocumentedMembers(type))
            {
                string? cName = member.GetCustomAttributesData()
                    .FirstOrDefault(a => a.AttributeType.Name == "CNameAttribute")?.ConstructorArguments[0].Value as string;
                string name = TypeName(type) + "." + memberName;
                if (cName is not null && RowOf(name) is { } row && !row.Contains("`" + cName, StringComparison.Ordinal))
                {
                    missing.Add($"{name}: {cName}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void The_lookup_finds_rows_and_only_whole_names()
    {
        Assert.NotNull(RowOf("Kernel.CopyIn"));
        Assert.Null(RowOf("Kernel.Copy"));
        Assert.Null(RowOf("Kernel.NoSuchMember"));
        Assert.NotNull(RowOf("SyscallAttribute.Number"));
        Assert.Null(RowOf("SyscallAttribute.Slot"));
    }

    /// <summary>
    /// The row naming <paramref name="name"/> as code: <c>`Kernel.CopyIn(</c>, <c>`UserPtr&lt;T&gt;.Address`</c>,
    /// <c>`new UserPtr&lt;T&gt;(</c>; an attribute's property is named on the attribute's row
    /// (<c>`SyscallAttribute` (`Name`, `Number`)</c>).
    /// </summary>
    private static string? RowOf(string name)
    {
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && name[..dot].EndsWith("Attribute", StringComparison.Ordinal))
        {
            return RowOf(name[..dot]) is { } row && row.Contains("`" + name[(dot + 1)..] + "`", StringComparison.Ordinal) ? row : null;
        }

        string written = name.EndsWith("..ctor", StringComparison.Ordinal) ? "new " + name[..^"..ctor".Length] : name;
        return Rows.FirstOrDefault(row => NameCells(row).Any(cell => new[] { "`", "(", "<", " " }
            .Any(next => cell.Contains("`" + written + next, StringComparison.Ordinal))));
    }

    /// <summary>Where a row names members: a heading, or the first cell (and every other one in the enum tables' member/C pairs), not the examples.</summary>
    private static IEnumerable<string> NameCells(string row) =>
        row.StartsWith('#') ? [row] : row.Replace("\\|", "", StringComparison.Ordinal).Split('|').Where((_, i) => i % 2 == 1);

    private static IEnumerable<Type> PublicTypes() =>
        typeof(Kernel).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "KmodSharp" && !Hidden(t));

    /// <summary>The members a user writes, by the name docs/api.md uses (a constructor is <c>.ctor</c>, shown as <c>new Type(</c>).</summary>
    private static IEnumerable<(string Name, MemberInfo Member)> DocumentedMembers(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return type.GetMembers(flags)
            .Where(m => !Hidden(m) && m switch
            {
                // Accessors, operators and enum plumbing are documented through what they belong to.
                MethodInfo method => !method.IsSpecialName || method.Name == "Dispose",
                FieldInfo field => !field.IsSpecialName,
                // An attribute's constructor is its usage, documented on the attribute's row.
                ConstructorInfo => !type.IsSubclassOf(typeof(Attribute)),
                _ => m is PropertyInfo,
            })
            .Select(m => (m is ConstructorInfo ? ".ctor" : m.Name, m))
            .DistinctBy(m => m.Item1);
    }

    private static bool Hidden(MemberInfo member) =>
        member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

    private static string TypeName(Type type) =>
        type.IsGenericTypeDefinition
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">"
            : type.Name;
}
