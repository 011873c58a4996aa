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
    public const string UnsupportedConstruct = "KMS0900";
}
