using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>
/// Every name a piece of C tree spells (identifiers, members, types, tags, macros), so the headers
/// that declare them can be chosen; string literals and comments are text, not names.
/// </summary>
public static class CNamesUsed
{
    public static HashSet<string> Of(IEnumerable<CDecl> declarations)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (CDecl declaration in declarations)
        {
            Collect(declaration, names);
        }

        return names;
    }

    private static void Collect(object? node, HashSet<string> names)
    {
        switch (node)
        {
            case null or CStringLiteral or CComment or CSourceLocation:
                return;
            case string name:
                names.Add(name);
                return;
            case IEnumerable items when node.GetType().GetProperty("IsDefault")?.GetValue(node) is not true:
                foreach (object? item in items)
                {
                    Collect(item, names);
                }

                return;
        }

        if (node is IEnumerable || node.GetType().Namespace != typeof(CDecl).Namespace)
        {
            return;
        }

        foreach (PropertyInfo property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Collect(property.GetValue(node), names);
            }
        }
    }
}
