using System.Collections.Immutable;

namespace KmodSharp.Compiler.Pipeline.Model;

/// <summary>How a C# parameter is passed: by value, or by address (<c>ref</c>/<c>out</c> writable, <c>in</c>/<c>ref readonly</c> not).</summary>
public enum ParameterPassing
{
    Value,
    Reference,
    ReadOnlyReference,
}

/// <summary>A parameter of a translated method, with its kernel type.</summary>
public sealed record FunctionParameter(string Name, KType Type, ParameterPassing Passing);

/// <summary>
/// The kernel signature of one translated C# method (a syscall handler, a module hook or a helper
/// they call), bound once by the frontend: lowering builds the C function from it and nothing else.
/// </summary>
public sealed record FunctionModel(string Name, ImmutableArray<FunctionParameter> Parameters, SyscallReturn Return, SourceRef Location)
{
    /// <summary>The ordinal of the by-value <c>CallingThread</c> parameter that brings the thread in, or null.</summary>
    public int? CallingThreadOrdinal
    {
        get
        {
            for (int i = 0; i < Parameters.Length; i++)
            {
                if (Parameters[i] is { Type: KCallingThread, Passing: ParameterPassing.Value })
                {
                    return i;
                }
            }

            return null;
        }
    }
}
