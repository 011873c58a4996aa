using KmodSharp;

namespace Differential;

/// <summary>
/// Property patterns on a struct's fields, as a stranger writes them: in switch expressions and
/// statements, after 'is', nested and extended ({ Range.Low: … }), on enum and bool fields, beside
/// guards that read other fields, on a struct a helper returned and on a ref parameter.
/// </summary>
[KernelModule("fieldpatterns")]
public static class StructFieldPatterns
{
    private enum Mode
    {
        Idle,
        Busy,
        Broken = 7,
    }

    private struct Bounds
    {
        public int Low;
        public int High;
    }

    private struct Reading
    {
        public int Level;
        public short Delta;
        public Mode Mode;
        public bool Stale;
        public Bounds Range;
    }

    private static Reading Make(int level, int delta, int mode)
    {
        Reading r = default;
        r.Level = level;
        r.Delta = (short)delta;
        r.Mode = (Mode)(mode & 7);
        r.Stale = (mode & 8) != 0;
        r.Range.Low = level - 10;
        r.Range.High = level + delta;
        return r;
    }

    private static int Grade(ref Reading r) => r switch
    {
        { Mode: Mode.Broken } => -7,
        { Stale: true, Level: < 0 } => -1,
        { Range: { Low: > 0, High: < 100 } } => 1,
        { Range.High: >= 100 and < 1000 } when r.Delta > 0 => 2,
        { Mode: Mode.Idle or Mode.Busy, Delta: < 0 and > -10 } => 3,
        { } => 4,
    };

    [Syscall]
    public static int Classify(int level, int delta, int mode)
    {
        Reading r = Make(level, delta, mode);
        return Grade(ref r);
    }

    [Syscall]
    public static int Tests(int level, int delta, int mode)
    {
        Reading r = Make(level, delta, mode);
        int bits = 0;
        if (r is { Level: > 0, Stale: false })
        {
            bits |= 1;
        }

        if (Make(delta, level, mode) is { Range.Low: < 0 } or { Mode: Mode.Busy })
        {
            bits |= 2;
        }

        if (r is not { Delta: 0 })
        {
            bits |= 4;
        }

        switch (r)
        {
            case { Mode: Mode.Idle, Level: 0 }:
                bits |= 8;
                break;
            case { Range.High: > 50 } when r.Range.Low < 0:
                bits |= 16;
                break;
            default:
                bits |= 32;
                break;
        }

        return bits;
    }
}
