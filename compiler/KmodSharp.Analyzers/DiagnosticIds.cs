namespace KmodSharp.Analyzers;

/// <summary>
/// Every KmodSharp diagnostic ID, one place. Ranges:
/// KMS0001–0099 managed-runtime constructs (GC heap, exceptions, managed types, floating point),
/// KMS0100–0199 calls and call graph (untranslatable calls, recursion, stack budget),
/// KMS0200–0299 user memory, KMS0300–0399 kernel context (locks, allocation, printf),
/// KMS0400–0499 module declaration, KMS0900–0999 backend limits (constructs the translator does not support).
/// </summary>
public static class DiagnosticIds
{
    public const string GcAllocation = "KMS0001";
    public const string Exception = "KMS0002";
    public const string ManagedType = "KMS0003";
    public const string FloatingPoint = "KMS0004";

    public const string UntranslatableCall = "KMS0100";
    public const string Recursion = "KMS0101";
    public const string StackBudget = "KMS0102";
    public const string NonConstantStackAlloc = "KMS0103";

    public const string RawPointerParameter = "KMS0200";
    public const string IgnoredCopyResult = "KMS0201";
    public const string DoubleFetch = "KMS0202";
    public const string SkipLocalsInit = "KMS0203";

    // KMS0204 is retired, not to be reused: a padded struct copied out translates (docs/diagnostics/KMS0204.md).
    public const string UnboundedUserLength = "KMS0205";
    public const string UserLoopUnderMutex = "KMS0206";
    public const string LostError = "KMS0207";

    public const string SleepUnderMutex = "KMS0300";
    public const string ResourceNotReleased = "KMS0301";
    public const string PrintfMismatch = "KMS0302";
    public const string PrintfFormatNotLiteral = "KMS0303";
    public const string RecursiveLock = "KMS0304";
    public const string LockOrderReversal = "KMS0305";

    public const string SyscallOutsideModule = "KMS0400";
    public const string ModuleNotStatic = "KMS0401";
    public const string MissingModule = "KMS0402";
    public const string DuplicateName = "KMS0403";
    public const string TooManyArguments = "KMS0404";
    public const string InvalidName = "KMS0405";
    public const string FixedSyscallNumber = "KMS0406";
    public const string UnsupportedParameterType = "KMS0407";
    public const string UnsupportedReturnType = "KMS0408";
    public const string InvalidModuleHook = "KMS0409";
    public const string TooManyDynamicSyscalls = "KMS0410";
    public const string TooManyPairArguments = "KMS0411";
    public const string InvalidSysctlValidator = "KMS0412";

    public const string UnsupportedConstruct = "KMS0900";

    // Reported by the CLI's verify and import-header commands (not analyzers): no descriptor.
    public const string GeneratedCDoesNotCompile = "KMS0950";
    public const string HeaderNotImportable = "KMS0951";
}
