using System.Collections.Generic;
using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

/// <summary>
/// Every name a piece of C tree spells (identifiers, members, types, tags, macros, labels, asm
/// operands), so the headers that declare them can be chosen; string literals, comments and
/// <c>#line</c> locations are text, not names. A node kind this walk does not know is a compiler
/// bug, reported as one rather than leaving a header out.
/// </summary>
public static class CNamesUsed
{
    public static HashSet<string> Of(IEnumerable<CDecl> declarations)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (CDecl declaration in declarations)
        {
            Declaration(declaration, names);
        }

        return names;
    }

    private static void Declaration(CDecl declaration, HashSet<string> names)
    {
        switch (declaration)
        {
            case CComment:
                return;
            case CInclude include:
                names.Add(include.Header);
                return;
            case CMacroDefinition macro:
                names.Add(macro.Name);
                Names(macro.Parameters, names);
                Expression(macro.Body, names);
                return;
            case CMacroGroup group:
                foreach (CMacroDefinition macro in group.Macros)
                {
                    Declaration(macro, names);
                }

                return;
            case CPreprocessorIf conditional:
                Expression(conditional.Condition, names);
                Declarations(conditional.Then, names);
                Declarations(conditional.Else, names);
                return;
            case CPreprocessorError error:
                names.Add(error.Message);
                return;
            case CStructDefinition structure:
                names.Add(structure.Tag);
                foreach (CFieldLine line in structure.Lines)
                {
                    foreach (CField field in line.Fields)
                    {
                        Type(field.Type, names);
                        names.Add(field.Name);
                    }
                }

                return;
            case CEnumDefinition enumeration:
                names.Add(enumeration.Tag);
                foreach (CEnumerator enumerator in enumeration.Enumerators)
                {
                    names.Add(enumerator.Name);
                    Expression(enumerator.Value, names);
                }

                return;
            case CFunctionDefinition function:
                Type(function.ReturnType, names);
                names.Add(function.Name);
                Parameters(function.Parameters, names);
                Statement(function.Body, names);
                return;
            case CFunctionPrototype prototype:
                Type(prototype.ReturnType, names);
                names.Add(prototype.Name);
                Parameters(prototype.Parameters, names);
                return;
            case CVariableDefinition variable:
                Type(variable.Type, names);
                names.Add(variable.Name);
                Expression(variable.Initializer, names);
                return;
            case CConstantTable table:
                Type(table.Element, names);
                names.Add(table.Name);
                Expressions(table.Values, names);
                return;
            case CMacroInvocation invocation:
                names.Add(invocation.Macro);
                Expressions(invocation.Arguments, names);
                return;
            case CIncludeGuard guard:
                names.Add(guard.Name);
                Declarations(guard.Body, names);
                return;
            default:
                throw new InternalCompilerException($"CNamesUsed does not know the declaration {declaration.GetType().Name}");
        }
    }

    private static void Statement(CStmt? statement, HashSet<string> names)
    {
        switch (statement)
        {
            case null or CBreak or CContinue or CBlankLine or CEmptyStatement:
                return;
            case CBlock block:
                Statements(block.Statements, names);
                return;
            case CExpressionStatement expression:
                Expression(expression.Expression, names);
                return;
            case CLocalDeclaration local:
                Type(local.Type, names);
                names.Add(local.Name);
                Expression(local.Initializer, names);
                return;
            case CReturn ret:
                Expression(ret.Value, names);
                return;
            case CIf choice:
                Expression(choice.Condition, names);
                Statement(choice.Then, names);
                Statement(choice.Else, names);
                return;
            case CWhile loop:
                Expression(loop.Condition, names);
                Statement(loop.Body, names);
                return;
            case CDoWhile loop:
                Statement(loop.Body, names);
                Expression(loop.Condition, names);
                return;
            case CFor loop:
                Statement(loop.Initializer, names);
                Expression(loop.Condition, names);
                Expression(loop.Step, names);
                Statement(loop.Body, names);
                return;
            case CGoto jump:
                names.Add(jump.Label);
                return;
            case CLabeled labeled:
                names.Add(labeled.Label);
                Statement(labeled.Statement, names);
                return;
            case CSwitch choice:
                Expression(choice.Value, names);
                foreach (CSwitchSection section in choice.Sections)
                {
                    Expressions(section.Labels, names);
                    Statements(section.Statements, names);
                }

                return;
            case CInlineAssembly assembly:
                Names(assembly.Template, names);
                AsmOperands(assembly.Outputs, names);
                AsmOperands(assembly.Inputs, names);
                Names(assembly.Clobbers, names);
                return;
            default:
                throw new InternalCompilerException($"CNamesUsed does not know the statement {statement.GetType().Name}");
        }
    }

    private static void Expression(CExpr? expression, HashSet<string> names)
    {
        switch (expression)
        {
            case null or CStringLiteral or CIntegerLiteral:
                return;
            case CIdentifier identifier:
                names.Add(identifier.Name);
                return;
            case CUnary unary:
                Expression(unary.Operand, names);
                return;
            case CBinary binary:
                Expression(binary.Left, names);
                Expression(binary.Right, names);
                return;
            case CAssign assign:
                Expression(assign.Target, names);
                Expression(assign.Value, names);
                return;
            case CConditional conditional:
                Expression(conditional.Condition, names);
                Expression(conditional.WhenTrue, names);
                Expression(conditional.WhenFalse, names);
                return;
            case CCast cast:
                Type(cast.Type, names);
                Expression(cast.Operand, names);
                return;
            case CCall call:
                Expression(call.Function, names);
                Expressions(call.Arguments, names);
                return;
            case CMember member:
                Expression(member.Target, names);
                names.Add(member.Member);
                return;
            case CIndex index:
                Expression(index.Target, names);
                Expression(index.Index, names);
                return;
            case CSizeofType size:
                Type(size.Type, names);
                return;
            case CSizeofExpression size:
                Expression(size.Operand, names);
                return;
            case CTypeArgument argument:
                Type(argument.Type, names);
                return;
            case CDesignatedInitializer initializer:
                foreach (CDesignator designator in initializer.Members)
                {
                    names.Add(designator.Member);
                    Expression(designator.Value, names);
                }

                return;
            default:
                throw new InternalCompilerException($"CNamesUsed does not know the expression {expression.GetType().Name}");
        }
    }

    private static void Type(CType type, HashSet<string> names)
    {
        switch (type)
        {
            case CNamedType named:
                names.Add(named.Name);
                return;
            case CStructType structure:
                names.Add(structure.Tag);
                return;
            case CPointerType pointer:
                Type(pointer.Pointee, names);
                return;
            case CArrayType array:
                Type(array.Element, names);
                Expression(array.Length, names);
                return;
            default:
                throw new InternalCompilerException($"CNamesUsed does not know the type {type.GetType().Name}");
        }
    }

    private static void Declarations(ImmutableArray<CDecl> declarations, HashSet<string> names)
    {
        foreach (CDecl declaration in declarations.IsDefault ? [] : declarations)
        {
            Declaration(declaration, names);
        }
    }

    private static void Statements(ImmutableArray<CStmt> statements, HashSet<string> names)
    {
        foreach (CStmt statement in statements)
        {
            Statement(statement, names);
        }
    }

    private static void Expressions(ImmutableArray<CExpr> expressions, HashSet<string> names)
    {
        foreach (CExpr expression in expressions)
        {
            Expression(expression, names);
        }
    }

    private static void Parameters(ImmutableArray<CParameter> parameters, HashSet<string> names)
    {
        foreach (CParameter parameter in parameters)
        {
            Type(parameter.Type, names);
            names.Add(parameter.Name);
        }
    }

    private static void AsmOperands(ImmutableArray<CAsmOperand> operands, HashSet<string> names)
    {
        foreach (CAsmOperand operand in operands)
        {
            names.Add(operand.Constraint);
            Expression(operand.Value, names);
        }
    }

    // Macro parameters and asm template lines are spelled as they are; an object-like macro has no parameter list.
    private static void Names(ImmutableArray<string> spelled, HashSet<string> names)
    {
        if (!spelled.IsDefault)
        {
            names.UnionWith(spelled);
        }
    }
}
