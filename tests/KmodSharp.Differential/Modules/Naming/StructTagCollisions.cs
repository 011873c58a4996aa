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
/// lower_snake, and Stat is userland's stat. Each struct keeps a C tag of its own, the same in the
/// kernel file, the userland header and the syzkaller description.
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
        return stat.Size + nested.Value + halves.Low + halves.High;
    }
}
