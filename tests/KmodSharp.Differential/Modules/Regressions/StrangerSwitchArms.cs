using System;
using KmodSharp;

namespace Differential;

/// <summary>
/// Switch expressions whose arms' tests run statements of their own (a guard calling a helper that
/// may fail, a guard indexing a span, a nested switch in a guard), written as a stranger would:
/// in loops, in arguments, in a loop's condition, over enums with struct fields in the guards. Each folds the
/// order its guards ran in into its result, so an arm tested too early or twice shows.
/// </summary>
[KernelModule("strangerarms")]
public static class StrangerSwitchArms
{
    private static int s_trace;

    private struct Reading
    {
        public int Level;
        public short Delta;
    }

    private enum Mode
    {
        Idle,
        Busy,
        Broken = 7,
    }

    private static int Trace(int digit)
    {
        s_trace = s_trace * 10 + digit;
        return digit;
    }

    // May fail (EOVERFLOW): a guard calling it has statements of its own in C.
    private static int Scaled(int value, int factor) => checked(value * factor);

    private static int Combine(int a, int b) => a * 100 + b;

    [Syscall]
    public static int GuardsThatCall(int x)
    {
        s_trace = 0;
        int arm = x switch
        {
            < 0 when Trace(1) > 0 && Scaled(x, 3) < -100 => 1,
            < 0 => 2,
            0 => Trace(3),
            _ when Scaled(x, x) > 1000 => 4,
            var v when (v & 1) == 0 => Trace(5) + (v & 0xff),
            _ => 6,
        };
        return unchecked(arm * 100000 + s_trace);
    }

    [Syscall]
    public static int GuardsThatIndex(int i, int j)
    {
        Span<byte> table = stackalloc byte[8];
        for (int k = 0; k < table.Length; k++)
        {
            table[k] = (byte)(k * 3);
        }

        return i switch
        {
            0 => -1,
            _ when table[i & 15] > 9 => table[i & 7],
            not 0 and not 5 when j > 0 && table[j] == 6 => 2,
            _ => 3,
        };
    }

    [Syscall]
    public static int ArmsInALoop(int a, int b)
    {
        s_trace = 0;
        int total = 0;
        for (int k = 0; k < 4; k++)
        {
            total += (a + k) switch
            {
                > 100 when Scaled(a, b) > 0 => b switch
                {
                    < 0 when Scaled(b, k) < -50 => 1,
                    _ => 2,
                },
                _ when Trace(k) == 2 => 10,
                _ => 100,
            };
        }

        return unchecked(total * 10000 + s_trace);
    }

    [Syscall]
    public static int ArmsAsArguments(int a)
    {
        s_trace = 0;
        int combined = Combine(
            b: a switch
            {
                > 5 when Scaled(a, 1000) > 6000 => Trace(1),
                _ => Trace(2),
            },
            a: Trace(3));
        return unchecked(combined * 1000 + s_trace);
    }

    [Syscall]
    public static int ArmsInALoopCondition(int start)
    {
        int n = start & 0xffff;
        int steps = 0;
        while (n switch
        {
            _ when Scaled(n, 2) > 200 => false,
            _ when (n & 3) == 3 => false,
            _ => true,
        })
        {
            n++;
            steps++;
        }

        return steps * 1000 + n;
    }

    [Syscall]
    public static int FieldsAndModes(int level, int delta, int mode)
    {
        Reading reading = new() { Level = level, Delta = (short)delta };
        Mode m = (Mode)(mode & 7);
        return m switch
        {
            Mode.Broken => -7,
            Mode.Busy when reading.Level > 0 && Scaled(reading.Delta, reading.Level) > 500 => 1,
            not Mode.Broken when reading.Delta is < 0 and > -10 && Scaled(reading.Level, 2) is > 0 and < 50 => 2,
            Mode.Idle or Mode.Busy => reading.Level & 0xfff,
            _ => 9,
        };
    }
}
