using System.Threading;

namespace KmodSharp;

/// <summary><c>atomic(9)</c> on module state: each call becomes the <c>atomic_*_int</c>/<c>_long</c> operation of its operand's width.</summary>
public static class Atomic
{
    /// <summary><c>atomic_add_int</c>.</summary>
    [Translated]
    public static void Add(ref int location, int value) => Interlocked.Add(ref location, value);

    /// <summary><c>atomic_add_long</c>.</summary>
    [Translated]
    public static void Add(ref long location, long value) => Interlocked.Add(ref location, value);

    /// <summary><c>atomic_fetchadd_int</c>: adds and returns the previous value.</summary>
    [Translated]
    public static int FetchAdd(ref int location, int value) => Interlocked.Add(ref location, value) - value;

    /// <summary><c>atomic_fetchadd_long</c>: adds and returns the previous value.</summary>
    [Translated]
    public static long FetchAdd(ref long location, long value) => Interlocked.Add(ref location, value) - value;

    /// <summary><c>atomic_cmpset_int</c>: stores <paramref name="value"/> if the location holds <paramref name="expected"/>; true on success.</summary>
    [Translated]
    public static bool CompareAndSet(ref int location, int expected, int value) =>
        Interlocked.CompareExchange(ref location, value, expected) == expected;

    /// <summary><c>atomic_cmpset_long</c>.</summary>
    [Translated]
    public static bool CompareAndSet(ref long location, long expected, long value) =>
        Interlocked.CompareExchange(ref location, value, expected) == expected;

    /// <summary><c>atomic_load_int</c> (relaxed).</summary>
    [Translated]
    public static int Load(ref int location) => Volatile.Read(ref location);

    /// <summary><c>atomic_load_long</c> (relaxed).</summary>
    [Translated]
    public static long Load(ref long location) => Volatile.Read(ref location);

    /// <summary><c>atomic_store_int</c> (relaxed).</summary>
    [Translated]
    public static void Store(ref int location, int value) => Volatile.Write(ref location, value);

    /// <summary><c>atomic_store_long</c> (relaxed).</summary>
    [Translated]
    public static void Store(ref long location, long value) => Volatile.Write(ref location, value);
}
