using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// What one call does to locks and sleeping: the lock it takes itself (<see cref="Acquired"/>), or the
/// summary of the source method it calls (<see cref="Callee"/>, <see cref="CalleeSummary"/>); how it may
/// sleep, as KMS0300 words it (<see cref="Sleeps"/>) and as a caller's summary keeps it
/// (<see cref="SleepsLeaf"/>); and which of the caller's parameters its flags come from when they reach
/// an allocation (<see cref="FlagParameters"/>).
/// </summary>
internal readonly record struct CallEffect(
    LockAcquisition? Acquired,
    IMethodSymbol? Callee,
    LockSummary? CalleeSummary,
    string? Sleeps,
    string? SleepsLeaf,
    ulong FlagParameters);
