namespace KmodSharp.Analyzers.Flow;

/// <summary>
/// What a <c>MallocFlags</c> value may hold: <c>M_WAITOK</c> (from a constant somewhere it comes from),
/// and the method's own parameters it may come from (bit k for parameter k), so a caller can tell
/// whether the flags it passes reach an allocation.
/// </summary>
internal readonly record struct MallocFlagsValue(bool MayWait, ulong Parameters)
{
    public const int WaitOk = 0x2;

    public static MallocFlagsValue Unknown => default;

    public static MallocFlagsValue Constant(int flags) => new((flags & WaitOk) != 0, 0);

    public static MallocFlagsValue Parameter(int ordinal) => ordinal < 64 ? new MallocFlagsValue(false, 1UL << ordinal) : Unknown;

    public MallocFlagsValue Join(MallocFlagsValue other) => new(MayWait || other.MayWait, Parameters | other.Parameters);
}
