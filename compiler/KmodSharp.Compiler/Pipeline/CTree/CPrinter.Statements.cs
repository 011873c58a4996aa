using System.Linq;

namespace KmodSharp.Compiler.Pipeline.CTree;

public sealed partial class CPrinter
{
    private void Statement(CStmt statement, int depth)
    {
        depths?.TryAdd(statement, depth);
        if (statement is CBlankLine)
        {
            WriteLine("");
            return;
        }

        if (statement is CLabeled labeled)
        {
            // style(9): labels are not indented. Written before the statement's #line, which
            // checkstyle9.pl would otherwise read as the start of an expression.
            WriteLine(labeled.Label + ":");
            Statement(labeled.Statement, depth);
            return;
        }

        if (statement is CBlock { Statements: var inner } bare && !inner.Any(s => s is CLocalDeclaration))
        {
            // A block that scopes no declaration (locals are declared at the top of the function)
            // only nests its statements a tab deeper: they are written in place.
            Body(bare, depth);
            return;
        }

        MapLine(statement.Location);
        switch (statement)
        {
            case CBlock block:
                Indent(depth);
                WriteLine("{");
                Body(block, depth + 1);
                Indent(depth);
                WriteLine("}");
                break;
            case CExpressionStatement expression:
                Indent(depth);
                Expression(expression.Expression, 0);
                WriteLine(";");
                break;
            case CLocalDeclaration local:
                Indent(depth);
                Write(Declarator(local.Type, local.Name));
                if (local.Initializer is not null)
                {
                    Write(" = ");
                    Initializer(local.Initializer, depth);
                }

                WriteLine(";");
                break;
            case CInlineAssembly assembly:
                InlineAssembly(assembly, depth);
                break;
            case CReturn ret:
                Indent(depth);
                if (ret.Value is null)
                {
                    WriteLine("return;");
                    break;
                }

                Write("return (");
                Expression(ret.Value, 0);
                WriteLine(");");
                break;
            case CIf conditional:
                Indent(depth);
                If(conditional, depth);
                break;
            case CWhile loop:
                Indent(depth);
                Write("while (");
                Expression(loop.Condition, 0);
                Write(") ");
                Braced(loop.Body, depth);
                WriteLine("");
                break;
            case CDoWhile loop:
                Indent(depth);
                Write("do ");
                Braced(loop.Body, depth);
                Write(" while (");
                Expression(loop.Condition, 0);
                WriteLine(");");
                break;
            case CFor loop:
                Indent(depth);
                For(loop, depth);
                break;
            case CBreak:
                Indent(depth);
                WriteLine("break;");
                break;
            case CEmptyStatement:
                Indent(depth);
                WriteLine(";");
                break;
            case CContinue:
                Indent(depth);
                WriteLine("continue;");
                break;
            case CGoto jump:
                Indent(depth);
                WriteLine($"goto {jump.Label};");
                break;
            case CSwitch choice:
                Indent(depth);
                Switch(choice, depth);
                break;
            default:
                throw new InternalCompilerException($"the C printer has no case for {statement.GetType().Name}");
        }
    }

    private void Body(CBlock block, int depth)
    {
        foreach (CStmt inner in block.Statements)
        {
            Statement(inner, depth);
        }
    }

    // Prints "{ … }" starting at the current column, without the final newline; the closing brace
    // is mapped to the C# line of what follows it on its line (an else-if's condition).
    private void Braced(CStmt statement, int depth, CSourceLocation? closing = null)
    {
        WriteLine("{");
        if (statement is CBlock block)
        {
            Body(block, depth + 1);
        }
        else
        {
            Statement(statement, depth + 1);
        }

        if (closing is not null)
        {
            MapLine(closing);
        }

        Indent(depth);
        Write("}");
    }

    private void If(CIf conditional, int depth)
    {
        Write("if (");
        Expression(conditional.Condition, 0);
        Write(") ");
        CIf? elseIf = ElseIf(conditional.Else);
        Braced(conditional.Then, depth, elseIf?.Location);
        if (elseIf is not null)
        {
            Write(" else ");
            If(elseIf, depth);
            return;
        }

        if (conditional.Else is not null)
        {
            Write(" else ");
            Braced(conditional.Else, depth);
        }

        WriteLine("");
    }

    // An else branch that is a single if is written "} else if (…) {", a tab shallower than
    // "} else { if (…) {".
    private static CIf? ElseIf(CStmt? otherwise) => otherwise switch
    {
        CIf elseIf => elseIf,
        CBlock { Statements: [CIf elseIf] } => elseIf,
        _ => null,
    };

    private void For(CFor loop, int depth)
    {
        Write("for (");
        switch (loop.Initializer)
        {
            case CLocalDeclaration local:
                Write(Declarator(local.Type, local.Name));
                if (local.Initializer is not null)
                {
                    Write(" = ");
                    Expression(local.Initializer, 0);
                }

                break;
            case CExpressionStatement expression:
                Expression(expression.Expression, 0);
                break;
            case null:
                break;
            default:
                throw new InternalCompilerException($"a for initializer cannot be a {loop.Initializer.GetType().Name}");
        }

        Write(";");
        if (loop.Condition is not null)
        {
            Write(" ");
            Expression(loop.Condition, 0);
        }

        Write(";");
        if (loop.Step is not null)
        {
            Write(" ");
            Expression(loop.Step, 0);
        }

        Write(") ");
        Braced(loop.Body, depth);
        WriteLine("");
    }

    private void Switch(CSwitch choice, int depth)
    {
        Write("switch (");
        Expression(choice.Value, 0);
        WriteLine(") {");
        foreach (CSwitchSection section in choice.Sections)
        {
            foreach (CExpr label in section.Labels)
            {
                Indent(depth);
                Write("case ");
                Expression(label, 0);
                WriteLine(":");
            }

            if (section.IsDefault)
            {
                Indent(depth);
                WriteLine("default:");
            }

            foreach (CStmt inner in section.Statements)
            {
                Statement(inner, depth + 1);
            }
        }

        Indent(depth);
        WriteLine("}");
    }
}
