using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.CTree;

public sealed partial class CPrinter
{
    // __asm__ __volatile__("line1\n\t"
    //     "line2"
    //     : "=a" (out) : "a" (in) : "rcx", "memory");
    private void InlineAssembly(CInlineAssembly assembly, int depth)
    {
        Indent(depth);
        Write("__asm__ __volatile__(");
        for (int i = 0; i < assembly.Template.Length; i++)
        {
            if (i > 0)
            {
                WriteLine("");
                Indent(depth + 1);
            }

            Write("\"" + Escape(assembly.Template[i]) + (i < assembly.Template.Length - 1 ? "\\n\\t\"" : "\""));
        }

        WriteLine("");
        Indent(depth + 1);
        Operands(":", assembly.Outputs);
        Operands(" :", assembly.Inputs);
        Write(" :");
        for (int i = 0; i < assembly.Clobbers.Length; i++)
        {
            Write((i > 0 ? ", \"" : " \"") + assembly.Clobbers[i] + "\"");
        }

        WriteLine(");");
    }

    private void Operands(string separator, ImmutableArray<CAsmOperand> operands)
    {
        Write(separator);
        for (int i = 0; i < operands.Length; i++)
        {
            Write((i > 0 ? ", \"" : " \"") + operands[i].Constraint + "\" (");
            Expression(operands[i].Value, 0);
            Write(")");
        }
    }
}
