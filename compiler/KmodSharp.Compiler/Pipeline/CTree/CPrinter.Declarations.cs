using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTree;

public sealed partial class CPrinter
{
    // A comment's line as lines of at most MaxColumns after " * ", broken between words (a word
    // longer than that, a long identifier, stays whole on a line of its own).
    private static System.Collections.Generic.IEnumerable<string> CommentLines(string text)
    {
        const int Width = MaxColumns - 3;
        while (text.Length > Width)
        {
            int space = text.LastIndexOf(' ', Width);
            if (space <= 0)
            {
                space = text.IndexOf(' ', Width);
            }

            if (space <= 0)
            {
                break;
            }

            yield return text[..space];
            text = text[(space + 1)..];
        }

        yield return text;
    }

    private void Declaration(CDecl declaration, int depth)
    {
        switch (declaration)
        {
            case CComment comment:
                MapLine(null);
                WriteLine("/*");
                foreach (string text in comment.Lines.SelectMany(CommentLines))
                {
                    WriteLine(text.Length == 0 ? " *" : " * " + text);
                }

                WriteLine(" */");
                break;
            case CInclude include:
                WriteLine(include.System ? $"#include <{include.Header}>" : $"#include \"{include.Header}\"");
                break;
            case CMacroDefinition macro:
                Write("#define\t" + macro.Name);
                if (macro.IsFunctionLike)
                {
                    Write("(" + string.Join(", ", macro.Parameters) + ")");
                }

                Write("\t");
                Expression(macro.Body, PostfixPrecedence);
                WriteLine("");
                break;
            case CMacroGroup group:
                foreach (CMacroDefinition macro in group.Macros)
                {
                    Declaration(macro, depth);
                }

                break;
            case CPreprocessorIf conditional:
                PreprocessorIf(conditional, "#if ", depth);
                WriteLine("#endif");
                break;
            case CPreprocessorError error:
                WriteLine("#error \"" + Escape(error.Message) + "\"");
                break;
            case CStructDefinition structure:
                MapLine(null);
                WriteLine($"struct {structure.Tag} {{");
                // A line of several fields is a syscall argument's padded slot, one line each as
                // sys/sysproto.h lays them out, however wide.
                foreach (CFieldLine fieldLine in structure.Lines)
                {
                    Indent(1);
                    Write(string.Join(" ", fieldLine.Fields.Select(f => Declarator(f.Type, f.Name) + ";")));
                    wrapping = fieldLine.Fields.Length == 1;
                    WriteLine("");
                    wrapping = true;
                }

                WriteLine("};");
                break;
            case CEnumDefinition enumeration:
                MapLine(null);
                WriteLine($"enum {enumeration.Tag} {{");
                foreach (CEnumerator enumerator in enumeration.Enumerators)
                {
                    Indent(1);
                    Write(enumerator.Name + " = ");
                    Expression(enumerator.Value, AssignmentPrecedence);
                    WriteLine(",");
                }

                WriteLine("};");
                break;
            case CFunctionDefinition function:
                Function(function);
                break;
            case CFunctionPrototype prototype:
                MapLine(null);
                WriteLine($"{TypeName(prototype.ReturnType)}\t{prototype.Name}({ParameterList(prototype.Parameters)});");
                break;
            case CIncludeGuard guard:
                WriteLine("#ifndef " + guard.Name);
                WriteLine("#define\t" + guard.Name);
                WriteLine("");
                Declarations(guard.Body);
                WriteLine("");
                WriteLine($"#endif /* !{guard.Name} */");
                break;
            case CConstantTable table:
                MapLine(null);
                ConstantTable(table);
                break;
            case CVariableDefinition variable:
                MapLine(null);
                Write((variable.IsStatic ? "static " : "") + Declarator(variable.Type, variable.Name));
                if (variable.Initializer is not null)
                {
                    Write(" = ");
                    Initializer(variable.Initializer, depth);
                }

                WriteLine(";");
                break;
            case CMacroInvocation invocation:
                MapLine(null);
                Write(invocation.Macro + "(");
                for (int i = 0; i < invocation.Arguments.Length; i++)
                {
                    Write(i > 0 ? ", " : "");
                    Expression(invocation.Arguments[i], 0);
                }

                WriteLine(");");
                break;
            default:
                throw new InternalCompilerException($"the C printer has no case for {declaration.GetType().Name}");
        }
    }

    private void Function(CFunctionDefinition function)
    {
        MapLine(function.Location);
        WriteLine((function.IsStatic ? "static " : "") + (function.AlwaysInline ? "__always_inline " : "") + TypeName(function.ReturnType));
        WriteLine($"{function.Name}({ParameterList(function.Parameters)})");
        WriteLine("{");
        foreach (CStmt statement in function.Body.Statements)
        {
            Statement(statement, 1);
        }

        WriteLine("}");
    }

    private static string ParameterList(System.Collections.Immutable.ImmutableArray<CParameter> parameters) => parameters.Length == 0
        ? "void"
        : string.Join(", ", parameters.Select(p => Declarator(p.Type, p.Name)));

    private void Initializer(CExpr initializer, int depth)
    {
        if (initializer is not CDesignatedInitializer designated)
        {
            Expression(initializer, 0);
            return;
        }

        WriteLine("{");
        foreach (CDesignator member in designated.Members)
        {
            Indent(depth + 1);
            Write($".{member.Member} = ");
            Initializer(member.Value, depth + 1);
            WriteLine(",");
        }

        Indent(depth);
        Write("}");
    }

    // A short table on one line, a longer one a row of values per line within 80 columns, as sys/ tables are laid out.
    private void ConstantTable(CConstantTable table)
    {
        string head = "static const " + Declarator(table.Element, $"{table.Name}[{table.Values.Length}]") + " = {";
        string[] values = [.. table.Values.Select(v => Print(v))];
        string oneLine = head + " " + string.Join(", ", values) + " };";
        if (oneLine.Length <= 80)
        {
            WriteLine(oneLine);
            return;
        }

        WriteLine(head);
        var line = new System.Text.StringBuilder();
        foreach (string value in values)
        {
            // A tab is eight columns.
            if (line.Length > 0 && 8 + line.Length + value.Length + 2 > 80)
            {
                WriteLine("\t" + line.ToString().TrimEnd());
                line.Clear();
            }

            line.Append(value).Append(", ");
        }

        WriteLine("\t" + line.ToString().TrimEnd());
        WriteLine("};");
    }

    // #if A … #elif B … #else … : a chain of alternatives reads flat, as in FreeBSD's own headers.
    private void PreprocessorIf(CPreprocessorIf conditional, string keyword, int depth)
    {
        Write(keyword);
        Expression(conditional.Condition, 0);
        WriteLine("");
        foreach (CDecl inner in conditional.Then)
        {
            Declaration(inner, depth);
        }

        if (conditional.Else is [CPreprocessorIf alternative])
        {
            PreprocessorIf(alternative, "#elif ", depth);
        }
        else if (conditional.Else.Length > 0)
        {
            WriteLine("#else");
            foreach (CDecl inner in conditional.Else)
            {
                Declaration(inner, depth);
            }
        }
    }

    /// <summary>Spells a type on its own (<c>struct thread *</c>), as casts, sizeof and SDT probe definitions need it.</summary>
    public static string TypeName(CType type) => Declarator(type, "").TrimEnd();

    private static string Declarator(CType type, string name) => type switch
    {
        CNamedType named => Join(named.Name, name),
        CStructType structure => Join("struct " + structure.Tag, name),
        CPointerType pointer => (pointer.PointeeConst ? "const " : "") + (pointer.PointeeVolatile ? "volatile " : "") + Declarator(pointer.Pointee, "*" + name),
        CArrayType array => Declarator(array.Element, $"{name}[{Print(array.Length)}]"),
        _ => throw new InternalCompilerException($"the C printer has no case for {type.GetType().Name}"),
    };

    private static string Join(string type, string declarator) => declarator.Length == 0 ? type : type + " " + declarator;
}
