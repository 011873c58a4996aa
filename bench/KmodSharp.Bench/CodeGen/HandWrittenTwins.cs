using System.Collections.Immutable;

namespace KmodSharp.Bench.CodeGen;

/// <summary>One syscall call as the harness driver takes it: the name and its kmodsim arguments.</summary>
internal sealed record SampleCall(string Syscall, ImmutableArray<string> Arguments);

/// <summary>An example module and its hand-written C twin in <c>bench/codegen/handwritten/</c>.</summary>
internal sealed record HandWrittenTwin(string ExampleFolder, string Module, ImmutableArray<SampleCall> Calls);

/// <summary>The tutorial's handlers (one example folder per tutorial section) with sample calls that take each handler's main path.</summary>
internal static class HandWrittenTwins
{
    public static readonly ImmutableArray<HandWrittenTwin> All =
    [
        new("MySyscall", "mysyscall", [new("mysyscall", ["42"])]),
        new("CustomSyscall", "mycustom", [new("my_custom_syscall", ["7", "s:hello, kernel"])]),
        new("ErrorHandling", "errors",
        [
            new("errors_divide", ["7"]),
            new("errors_privileged", []),
            new("errors_allocate", ["64"]),
        ]),
        new("UserMemory", "usermem",
        [
            new("usermem_multiply", ["b:0600000007000000", "z:16"]),
            new("usermem_strlen", ["s:hello"]),
            new("usermem_bump", ["b:05"]),
        ]),
        new("TwoValues", "twovalues", [new("two_values", ["1000"])]),
        new("Capsicum", "capsicum", [new("cap_square", ["12345"]), new("cap_whoami", [])]),
        new("Counter", "counter", [new("counter_add", ["5"])]),
    ];
}
