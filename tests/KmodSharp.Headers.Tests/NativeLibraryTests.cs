using System;
using Xunit;

namespace KmodSharp.Headers.Tests;

public class NativeLibraryTests
{
    [Fact]
    public void ClangVersion_IsThePackagedLibclang()
    {
        Assert.StartsWith("clang version 22.1.8", HeaderReader.ClangVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void ManagedNullDereference_StillThrowsAfterLibclangWasLoaded()
    {
        // libclang's crash recovery would install SIGSEGV handlers in front of the runtime's and
        // turn a NullReferenceException into a process crash; the reader disables it.
        TestHeaders.Read("int f(void);");
        string? text = Environment.GetEnvironmentVariable("KMODSHARP_SURELY_UNSET_VARIABLE");
        Assert.Throws<NullReferenceException>(() => text!.Length);
    }
}
