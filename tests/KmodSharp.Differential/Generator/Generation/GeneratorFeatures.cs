namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Which parts of the kernel subset the generator writes. Every feature is on by default; the CI
/// configuration (<see cref="Ci"/>) switches off only the ones that still meet a known,
/// unfixed translation bug.
/// </summary>
public sealed record GeneratorFeatures
{
    /// <summary>Calls with named arguments in another order than the parameters' (bug class: named arguments passed in the order written).</summary>
    public bool NamedArguments { get; init; } = true;

    /// <summary>Calls to helpers that write a static, as operands and arguments next to other operands (bug class: evaluation order).</summary>
    public bool SideEffectsInOperands { get; init; } = true;

    /// <summary><c>stackalloc T[] { … }</c> (bug class: initializers dropped).</summary>
    public bool StackallocInitializers { get; init; } = true;

    /// <summary>Static fields of struct type with an object initializer (bug class: initializers dropped).</summary>
    public bool StructStaticInitializers { get; init; } = true;

    /// <summary>Static fields of struct type (bug class: C that does not compile — a struct used only through a static field has no definition emitted).</summary>
    public bool StructStatics { get; init; } = true;

    /// <summary>A pair returned as <c>(acc, …)</c> with a bare variable first (found by the generator: KMS0900 "returning a stored pair" rejected this tuple literal; fixed).</summary>
    public bool BareVariablePairs { get; init; } = true;

    /// <summary>Deconstruction assignments, swaps among them: <c>(a, s[i]) = (s[i], a);</c> (was refused: KMS0900 "A tuple").</summary>
    public bool Deconstructions { get; init; } = true;

    /// <summary>Static <c>char</c> fields with an initializer (found by the generator: the backend threw an InvalidCastException lowering the initial value; fixed).</summary>
    public bool CharStaticInitializers { get; init; } = true;

    /// <summary>Helpers returning <c>Errno</c> whose body can fail like .NET would throw (bug class: an exception inside a helper becomes its return value).</summary>
    public bool FailingErrnoHelpers { get; init; } = true;

    /// <summary><c>in</c> arguments and <c>Kernel.CopyOut</c> values that are computed, not variables (bug class: C that does not compile, <c>&amp;</c> of a value).</summary>
    public bool ComputedInArguments { get; init; } = true;

    /// <summary>Module, syscall and parameter names the kernel or the compiler already uses (bug class: names).</summary>
    public bool KernelLikeNames { get; init; } = true;

    /// <summary>
    /// Valid code that gcc's <c>-Wextra</c> refuses but <c>kern.mk</c> does not ask about (bug class:
    /// the harness is stricter than the kernel build): locals set but never read, unused local
    /// function parameters, comparisons with a type's extreme values, and slices starting at a
    /// constant 0 (whose bounds check becomes <c>0 &gt; len</c> on a <c>size_t</c>).
    /// </summary>
    public bool HarnessStrictConstructs { get; init; } = true;

    /// <summary>
    /// Spans copied in and out of user memory with a length from a syscall argument, from a user address
    /// computed with <c>.Address</c> (was refused: CS0411 for <c>Kernel.CopyOut(span.Slice(0, n), p)</c>, KMS0900 for <c>Address</c>).
    /// </summary>
    public bool UserMemorySpans { get; init; } = true;

    /// <summary>Elements from the end, <c>s[^k]</c>, and ranges, <c>s[a..^b]</c>, of spans and inline arrays (was refused: KMS0900 "The expression 's[^1]'").</summary>
    public bool IndicesFromEnd { get; init; } = true;

    /// <summary><c>when</c> guards on switch arms and cases, with a <c>var g</c>/<c>int g</c> arm testing the value in its guard (was refused: KMS0900 "A 'when' guard").</summary>
    public bool WhenGuards { get; init; } = true;

    /// <summary>Constant tables read as values: <c>static ReadOnlySpan&lt;T&gt; T0 =&gt; [ … ];</c> and <c>"…"u8</c> properties (was refused: KMS0900 "this span is not supported").</summary>
    public bool ConstantTables { get; init; } = true;

    /// <summary>Helpers returning a span (a slice of their span parameter) or a <c>KernelBuffer</c> the caller's <c>using</c> frees (was refused: KMS0900 "this span", "this KernelBuffer").</summary>
    public bool SpanReturningHelpers { get; init; } = true;

    /// <summary>
    /// Structs with padding (fields in the order drawn), copied in and out of user memory (was refused:
    /// KMS0204 for any copy out of a padded struct).
    /// </summary>
    public bool PaddedStructs { get; init; } = true;

    /// <summary><c>Math.Min/Max/Abs/Clamp</c> of every integer type and <c>BitOperations</c> (was refused: KMS0100).</summary>
    public bool IntegerMath { get; init; } = true;

    /// <summary>A syscall's <c>SyscallResult</c> kept in locals, copied, read through <c>IsError</c>/<c>Error</c>/<c>Value</c> and returned (was refused: KMS0900).</summary>
    public bool StoredResults { get; init; } = true;

    /// <summary>
    /// The read-only kernel API: a <c>CallingThread</c> parameter whose ids, groups, parent pid and
    /// name are read, and the clocks and arc4random (<c>KernelClock</c>), folded into the checksum.
    /// </summary>
    public bool KernelReads { get; init; } = true;

    /// <summary>A two-value result kept in a <c>(long, long)</c> local, swapped or updated by element, then returned (was refused: KMS0900 "returning a stored pair").</summary>
    public bool StoredPairs { get; init; } = true;

    /// <summary>Everything the generator can write.</summary>
    public static GeneratorFeatures All { get; } = new();

    /// <summary>
    /// The CI configuration: every feature whose bug is not fixed yet is off, so a fixed list of
    /// seeds must pass. Each is switched back on with its fix.
    /// </summary>
    public static GeneratorFeatures Ci { get; } = new();
}
