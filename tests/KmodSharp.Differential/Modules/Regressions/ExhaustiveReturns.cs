using System;
using KmodSharp;

namespace Differential;

public enum Tone { Red, Green, Blue }

/// <summary>
/// Regression (fixed): a helper whose every path returns, which C# accepts, must compile as C
/// (-Werror=return-type): a switch of patterns that covers every value without a default (it
/// became an if-chain falling off the end), and the other shapes of a non-void helper's end.
/// </summary>
[KernelModule("exhaustive")]
public static class ExhaustiveReturns
{
    private static int ByteHalves(byte b)
    {
        switch (b)
        {
            case < 128:
                return 1;
            case >= 128:
                return 2;
        }
    }

    private static int Signs(int x)
    {
        switch (x)
        {
            case 0:
                return 3;
            case < 0 or > 0:
                return x > 0 ? 5 : -5;
        }
    }

    private static int NotZero(long x)
    {
        switch (x)
        {
            case 0:
                return 10;
            case not 0:
                return 20;
        }
    }

    private static int Truth(bool b)
    {
        switch (b)
        {
            case true:
                return 1;
            case false:
                return 0;
        }
    }

    private static int DefaultInTheMiddle(int x)
    {
        switch (x)
        {
            case 1:
                return 100;
            default:
                return 300;
            case 2:
                return 200;
        }
    }

    private static int Forever(int x)
    {
        while (true)
        {
            if (x > 40)
            {
                return x;
            }

            x += 7;
        }
    }

    private static int DoForever(int x)
    {
        do
        {
            x--;
            if ((x & 3) == 0)
            {
                return x;
            }
        }
        while (true);
    }

    private static int Arms(Tone t) => t switch { Tone.Red => 1, Tone.Green => 2, Tone.Blue => 3, _ => 4 };

    private static int LastSwitchExpression(int x)
    {
        int doubled = x * 2;
        return doubled switch { < 4 => 1, >= 4 and < 100 => 2, _ => 3 };
    }

    private static int EndsInThrowingIndex(int i)
    {
        Span<int> table = stackalloc int[] { 5, 6, 7 };
        return table[i];
    }

    private static int ThrowingSwitch(int x)
    {
        switch (x)
        {
            case < 0:
                return 100 / (x + 1);
            case >= 0:
                return checked(x * 3);
        }
    }

    [Syscall(Name = "exhaustive_a")]
    public static int A(int x) =>
        ByteHalves((byte)x) + Signs(x) * 10 + NotZero(x) + Truth(x > 0) + DefaultInTheMiddle(x & 3) + Forever(x & 63) + DoForever(x & 63)
        + Arms((Tone)(x & 3)) + LastSwitchExpression(x);

    [Syscall(Name = "exhaustive_b")]
    public static int B(int x) => EndsInThrowingIndex(x) + ThrowingSwitch(x);
}
