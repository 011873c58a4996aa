using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>A lock a method takes: itself (<see cref="Via"/> empty) or through the helpers named in <see cref="Via"/> ("Helper → Inner").</summary>
internal sealed record LockTake(LockAcquisition Lock, string Via);

/// <summary>
/// In a method's own body, <see cref="Taken"/> is taken while <see cref="Held"/> is held: at
/// <see cref="Location"/>, by the method itself or through the helper <see cref="Through"/>.
/// </summary>
internal sealed record LockOrder(LockAcquisition Held, LockAcquisition Taken, Location Location, string? Through);

/// <summary>
/// What a method does with locks and sleeping, directly or through its callees: the locks it takes
/// (each once, first acquisition), the lock orders its own body establishes, how it may sleep (the
/// first sleeping call found down its call graph, null when it never sleeps) and which of its
/// <c>MallocFlags</c> parameters reach a <c>Kernel.Allocate</c> (bit k for parameter k), so a caller
/// passing <c>MallocFlags.WaitOk</c> there sleeps.
/// </summary>
internal sealed record LockSummary(ImmutableArray<LockTake> Takes, ImmutableArray<LockOrder> Orders, string? Sleeps, ulong FlagParameters)
{
    public static readonly LockSummary Empty = new(ImmutableArray<LockTake>.Empty, ImmutableArray<LockOrder>.Empty, null, 0);

    /// <summary>
    /// Taking a lock of kind <paramref name="second"/> while holding it as <paramref name="first"/> panics:
    /// always for a mutex (no MTX_RECURSE), for an sx lock unless both are shared (WITNESS allows shared recursion).
    /// </summary>
    public static bool Recurses(LockKind first, LockKind second) => !(first == LockKind.SxShared && second == LockKind.SxShared);
}
