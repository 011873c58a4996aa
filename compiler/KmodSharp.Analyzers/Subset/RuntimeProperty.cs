using Microsoft.CodeAnalysis.Operations;

namespace KmodSharp.Analyzers.Subset;

/// <summary>
/// The properties of the runtime API that translate: a <c>KernelBuffer&lt;T&gt;</c>'s <c>IsNull</c>,
/// <c>Length</c> and <c>Span</c>, the calling thread's credentials, <c>IsNull</c> and <c>Address</c>
/// of user pointers and strings, and a stored <c>SyscallResult&lt;T&gt;</c>'s <c>Value</c>, <c>Error</c> and
/// <c>IsError</c> (<see cref="StoredResult"/>). The analyzer and
/// the backend both decide here.
/// </summary>
public static class RuntimeProperty
{
    /// <summary>A read of a runtime property with no kernel translation, or null.</summary>
    public static Untranslatable? Check(IPropertyReferenceOperation reference) =>
        reference.Property.ContainingType is { } type && TranslatableApi.IsRuntimeType(type) && !Translates(type.Name, reference.Property.Name)
        && !StoredResult.IsReadable(reference)
            ? new Untranslatable(reference, $"The property '{reference.Property.ToDisplayString()}' (the backend translates span, KernelBuffer, CallingThread, IsNull and Address members, and Value, Error and IsError of a SyscallResult local or call)")
            : null;

    private static bool Translates(string type, string property) => (type, property) switch
    {
        ("KernelBuffer", "IsNull" or "Length" or "Span") => true,
        ("CallingThread", "ProcessId" or "ParentProcessId" or "UserId" or "RealUserId" or "SavedUserId" or "GroupId" or "RealGroupId" or "SavedGroupId"
            or "Groups" or "IsJailed" or "InCapabilityMode") => true,
        ("UserPtr" or "UserString", "IsNull" or "Address") => true,
        ("KernelClock", "TimeSecond" or "Ticks") => true,
        _ => false,
    };
}
