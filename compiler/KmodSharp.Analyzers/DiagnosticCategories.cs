namespace KmodSharp.Analyzers;

/// <summary>The categories diagnostics are grouped under (shown in IDEs and usable in .editorconfig).</summary>
public static class DiagnosticCategories
{
    public const string ManagedRuntime = "KmodSharp.ManagedRuntime";
    public const string Calls = "KmodSharp.Calls";
    public const string UserMemory = "KmodSharp.UserMemory";
    public const string KernelContext = "KmodSharp.KernelContext";
    public const string Module = "KmodSharp.Module";
    public const string Backend = "KmodSharp.Backend";
}
