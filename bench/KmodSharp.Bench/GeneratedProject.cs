using System.Collections.Immutable;
using System.Text;
using KmodSharp.Compiler.Pipeline.Frontend;

namespace KmodSharp.Bench;

/// <summary>
/// A project of realistic handlers (arithmetic, a span, copyin/copyout, a switch, a helper):
/// ten syscalls a module (the kernel has ten dynamic slots), one handler a partial-class file.
/// </summary>
internal static class GeneratedProject
{
    public static SourceInput Create(int handlers)
    {
        var files = ImmutableArray.CreateBuilder<SourceFile>();
        for (int i = 0; i < handlers; i++)
        {
            int module = i / 10;
            var text = new StringBuilder("using System;\nusing KmodSharp;\n\n");
            if (i % 10 == 0)
            {
                text.Append($"public struct Reply{module} {{ public long Sum; public int Count; public int Kind; }}\n\n");
                text.Append($"[KernelModule(\"bench{module}\")]\n");
            }

            text.Append($$"""
                public static partial class Bench{{module}}
                {
                    [Syscall(Name = "bench_{{i}}")]
                    public static Errno Handler{{i}}(int a, int b, UserPtr<int> input, UserPtr<Reply{{module}}> output)
                    {
                        Errno error = Kernel.CopyIn(input, out int value);
                        if (error != Errno.None)
                        {
                            return error;
                        }

                        Span<byte> scratch = stackalloc byte[32];
                        scratch.Fill((byte)a);
                        int kind = (a & 3) switch { 0 => 1, 1 => 2, _ => 3 };
                        long sum = Scale{{i}}(value, b) + scratch[5] + (b << 3);
                        var reply = new Reply{{module}} { Sum = sum, Count = value, Kind = kind };
                        return Kernel.CopyOut(in reply, output);
                    }

                    private static long Scale{{i}}(int value, int factor) => (long)value * (factor | 1);
                }

                """);
            files.Add(new SourceFile($"/bench/Handler{i}.cs", text.ToString()));
        }

        return new SourceInput(files.ToImmutable(), "/bench");
    }
}
