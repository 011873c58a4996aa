using KmodSharp;

namespace Differential;

/// <summary>
/// Sysctls whose written values go through a validator (SYSCTL_PROC handlers): every kind sysctl(9)
/// exposes, a validator that can fail as .NET would throw, one that needs the writer's thread.
/// </summary>
[KernelModule("checked_knobs")]
public static class SysctlValidated
{
    [Sysctl("limit", Description = "1 to 1000", Writable = true, Validator = nameof(InRange))]
    private static int limit = 10;

    [Sysctl("mask", Writable = true, Validator = nameof(PowerOfTwo))]
    private static uint mask = 8;

    // 1000 / (v - 7): v == 7 divides by zero (EDOM in the kernel, DivideByZeroException in .NET).
    [Sysctl("ratio", Writable = true, Validator = nameof(Divides))]
    private static long ratio = 1;

    [Sysctl("big", Writable = true, Validator = nameof(Even))]
    private static ulong big = 2;

    [Sysctl("strict", Writable = true, Validator = nameof(Privileged))]
    private static bool strict;

    [Sysctl("plain", Writable = true)]
    private static int plain = 3;

    private static bool InRange(int value) => value is >= 1 and <= 1000;

    private static bool PowerOfTwo(uint candidate) => candidate != 0 && (candidate & (candidate - 1)) == 0;

    private static bool Divides(long v) => 1000 / (v - 7) != 3;

    private static bool Even(ulong v) => v % 2 == 0;

    private static bool Privileged(bool on) => !on || Kernel.PrivCheck(Privilege.Driver) == Errno.None;

    [Syscall]
    public static long Sum() => limit + mask + ratio + (long)big + (strict ? 1000 : 0) + plain;
}
