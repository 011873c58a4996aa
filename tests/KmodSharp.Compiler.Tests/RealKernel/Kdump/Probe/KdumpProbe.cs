using KmodSharp;

namespace KdumpProbe;

/// <summary>How probe_mix treats its value; a short with a negative member, as a user might write one.</summary>
public enum Blend : short
{
    Keep = 0,
    Add = 1,
    Negate = -1,
    Scale = 300,
}

/// <summary>
/// Recorded with ktrace(2) on the rig for `kmodsharp kdump` (record.sh): the argument types the examples
/// do not have — an enum, a small signed integer, an unsigned one, a bool, a native integer — and an
/// enum result.
/// </summary>
[KernelModule("kdprobe")]
public static class Probe
{
    /// <summary>Combines <paramref name="small"/> and <paramref name="offset"/> as <paramref name="blend"/> says.</summary>
    [Syscall(Name = "probe_mix")]
    public static long Mix(Blend blend, sbyte small, uint mask, bool verbose, nint offset)
    {
        long value = blend switch
        {
            Blend.Add => small + (long)offset,
            Blend.Negate => -small,
            Blend.Scale => small * 300L,
            _ => small,
        };
        return verbose ? value & mask : value;
    }

    /// <summary>The blend named by <paramref name="code"/>; ERANGE for a negative code.</summary>
    [Syscall(Name = "probe_pick")]
    public static SyscallResult<Blend> Pick(int code)
    {
        if (code < 0)
        {
            return Errno.ERANGE;
        }

        return code == 0 ? Blend.Keep : Blend.Scale;
    }
}
