using KmodSharp;

namespace Differential;

/// <summary>
/// Regression (fixed): an argument or operand that assigns a local read by an earlier one
/// (<c>Combine(x, x++)</c>) gave C without a sequence point between them (-Werror=sequence-point);
/// C# reads the earlier one first.
/// </summary>
[KernelModule("assigninargs")]
public static class AssignmentsInArguments
{
    private static int s_state;

    private static int Next()
    {
        s_state = s_state * 3 + 1;
        return s_state;
    }

    private static int Combine(int a, int b) => a * 1000 + b;

    [Syscall]
    public static int LocalWrittenByLaterArgument(int seed)
    {
        int x = seed & 255;
        return Combine(x, x++) + Combine(x, x = 3) + x;
    }

    [Syscall]
    public static int AssignmentOperands(int seed)
    {
        s_state = seed & 7;
        int a;
        int b = (a = Next()) + Next() * (s_state - a);
        return a * 1000 + b;
    }
}
