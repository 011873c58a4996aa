using KmodSharp;

namespace Differential;

/// <summary>A pair; its tag, foo_bar, is the snake_case of three other structs' names too.</summary>
public struct FooBar
{
    public int Left;
    public int Right;
}

/// <summary>Snake-cases to FooBar's tag.</summary>
public struct Foo_Bar
{
    public long Wide;
    public int Count;
}

/// <summary>Snake-cases to FooBar's tag as well.</summary>
public struct fooBar
{
    public short Low;
    public short High;
}

/// <summary>Holds two of the colliding structs: the nested definitions come first, by their own tags.</summary>
public struct Holder
{
    public FooBar Pair;
    public fooBar Halves;
}

/// <summary>Named like userland's struct stat, which a program including the module's header may have.</summary>
public struct Stat
{
    public int Size;
}

/// <summary>Named like the argument struct of the module's syscall mix, tags_mix_args.</summary>
public struct TagsMixArgs
{
    public int Scale;
}

/// <summary>Named like the module's enum Mode in C, tags_mode.</summary>
public struct TagsMode
{
    public int Bits;
}

/// <summary>The module's enum: enum tags_mode, unless a struct has that tag.</summary>
public enum Mode
{
    Plain = 1,
    Doubled = 2,
}

/// <summary>Nests a struct with FooBar's simple name.</summary>
public static class Nested
{
    /// <summary>Another FooBar, in another scope.</summary>
    public struct FooBar
    {
        public byte Flag;
        public int Value;
    }
}

/// <summary>
/// Naming policy, struct tags: FooBar, Foo_Bar, fooBar and Nested.FooBar are all foo_bar in
/// lower_snake, Stat is userland's stat, and TagsMixArgs and TagsMode are the tags the backend would
/// give mix's argument struct and the enum Mode. Each struct keeps a C tag of its own, the same in
/// the kernel file, the userland header and the syzkaller description; the backend's tags avoid them.
/// </summary>
[KernelModule("tags")]
public static class StructTagCollisions
{
    [Syscall]
    public static Errno Mix(UserPtr<FooBar> first, UserPtr<Holder> holder, UserPtr<Foo_Bar> result)
    {
        Errno error = Kernel.CopyIn(first, out FooBar pair);
        if (error != Errno.None)
        {
            return error;
        }

        error = Kernel.CopyIn(holder, out Holder held);
        if (error != Errno.None)
        {
            return error;
        }

        var sum = new Foo_Bar { Wide = ((long)pair.Left * pair.Right) + held.Pair.Left - held.Halves.High, Count = held.Halves.Low };
        return Kernel.CopyOut(in sum, result);
    }

    [Syscall]
    public static int Sizes(int value, byte flag)
    {
        var stat = new Stat { Size = value };
        var nested = new Nested.FooBar { Flag = flag, Value = value >> 1 };
        var halves = new fooBar { Low = (short)value, High = nested.Flag };
        var scale = new TagsMixArgs { Scale = 3 };
        var mode = new TagsMode { Bits = (int)(flag > 127 ? Mode.Doubled : Mode.Plain) };
        return stat.Size + nested.Value + halves.Low + halves.High + (scale.Scale * mode.Bits);
    }
}
