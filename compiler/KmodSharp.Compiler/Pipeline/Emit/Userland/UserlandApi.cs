using System.Collections.Immutable;
using System.Linq;
using KmodSharp.Compiler.Pipeline.CTarget;
using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;

namespace KmodSharp.Compiler.Pipeline.Emit.Userland;

/// <summary>How a library function reaches the kernel.</summary>
public enum UserCallKind
{
    /// <summary><c>syscall(2)</c>: every argument and the result fit an <c>int</c>-returning call.</summary>
    Syscall,

    /// <summary><c>__syscall(2)</c>: a 64-bit argument or result (the whole <c>%rax</c>, 64-bit argument alignment).</summary>
    WideSyscall,

    /// <summary>Two results: the first returned, the second (<c>td_retval[1]</c>, <c>%rdx</c>) stored through a pointer.</summary>
    Pair,
}

/// <summary>One userland C function: the typed face of one system call.</summary>
public sealed record UserFunction(SyscallModel Syscall, string Name, CType ReturnType, ImmutableArray<CParameter> Parameters, UserCallKind Call)
{
    /// <summary>The parameter a two-value call stores its second result through.</summary>
    public const string SecondResult = CNames.UserlandSecondResult;

    /// <summary>The parameters that carry system-call arguments (all but the second-result pointer).</summary>
    public ImmutableArray<CParameter> Arguments => Call == UserCallKind.Pair ? Parameters.RemoveAt(Parameters.Length - 1) : Parameters;
}

/// <summary>The userland API of a module, shared by the header, the library, the test program and the man page.</summary>
public static class UserlandApi
{
    public static ImmutableArray<UserFunction> Functions(ModuleModel module)
    {
        ImmutableArray<string> names = CNames.UserFunctions(module);
        return [.. module.Syscalls.Select((s, i) => Function(s, names[i]))];
    }

    /// <summary>The function of one of the module's syscalls.</summary>
    public static UserFunction Function(ModuleModel module, SyscallModel syscall) => Functions(module)[module.Syscalls.IndexOf(syscall)];

    private static UserFunction Function(SyscallModel syscall, string name)
    {
        ImmutableArray<CParameter> parameters = [.. syscall.Arguments.Zip(CNames.Arguments(syscall), (a, n) => new CParameter(UserlandTypes.Map(a.Type), n))];
        SyscallReturn result = syscall.Return;
        if (result.Kind == SyscallReturnKind.Pair)
        {
            var int64 = new CNamedType("int64_t");
            return new UserFunction(syscall, name, int64, [.. parameters, new CParameter(new CPointerType(int64), UserFunction.SecondResult)], UserCallKind.Pair);
        }

        CType returnType = result.Kind is SyscallReturnKind.Value or SyscallReturnKind.ValueOrErrno && result.ValueType is not KBool
            ? UserlandTypes.Map(result.ValueType)
            : CNamedType.Int;
        bool wide = UserlandTypes.IsWide(result.ValueType) || syscall.Arguments.Any(a => UserlandTypes.IsWide(a.Type));
        return new UserFunction(syscall, name, returnType, parameters, wide ? UserCallKind.WideSyscall : UserCallKind.Syscall);
    }

    /// <summary>The header's file name, <c>&lt;module&gt;.h</c>.</summary>
    public static string HeaderName(ModuleModel module) => module.Name + ".h";
}
