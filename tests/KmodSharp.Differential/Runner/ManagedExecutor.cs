using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using KmodSharp.Simulation;

namespace KmodSharp.Differential.Runner;

/// <summary>What user space sees after a syscall: errno, the two return registers, the final contents of its buffers, and what it logged.</summary>
public sealed record SyscallOutcome(int Error, long Retval, long Retval1, ImmutableArray<(int Argument, string Hex)> Buffers, ImmutableArray<string> Log,
    string? Exception = null, int NoWaitAllocations = 0)
{
    public override string ToString()
    {
        string result = Exception is not null ? $"threw {Exception}" : Error != 0 ? $"error {Error} ({(Errno)Error})" : $"retval {Retval} (0x{Retval:x})" + (Retval1 != 0 ? $", retval1 {Retval1}" : "");
        foreach ((int argument, string hex) in Buffers)
        {
            result += $"; arg{argument} = {(hex.Length > 80 ? hex[..76] + "…" : hex)}";
        }

        return result;
    }
}

/// <summary>
/// Runs a handler in .NET against a fresh <see cref="SimulatedKernel"/> and derives the syscall's
/// outcome as the kernel ABI would. The exceptions .NET throws for operations the backend guards
/// become their documented errno: DivideByZero → EDOM, Overflow → EOVERFLOW, IndexOutOfRange → EINVAL.
/// </summary>
public static class ManagedExecutor
{
    /// <summary>Runs one call; <paramref name="failNoWaitAt"/> makes its Nth <c>M_NOWAIT</c> allocation fail.</summary>
    public static SyscallOutcome Run(MethodInfo method, DiffInput input, Credential? credential = null, int? failNoWaitAt = null,
        (int ParentId, string Name)? process = null)
    {
        using SimulatedKernel.Scope scope = SimulatedKernel.Enter();
        if (process is var (parentId, name))
        {
            scope.Kernel.ParentProcessId = parentId;
            scope.Kernel.ProcessName = name;
        }

        scope.Kernel.Memory.FailNoWaitAllocation = failNoWaitAt;
        if (credential is not null)
        {
            scope.Kernel.Credential = credential;
        }

        ParameterInfo[] parameters = method.GetParameters();
        object?[] arguments = new object?[parameters.Length];
        var buffers = new List<(int Argument, nuint Address, int Length)>();
        int next = 0;
        for (int i = 0; i < parameters.Length; i++)
        {
            Type type = parameters[i].ParameterType;
            if (type == typeof(CallingThread))
            {
                arguments[i] = default(CallingThread);
                continue;
            }

            int index = next++;
            arguments[i] = input.Arguments[index] switch
            {
                IntegerArgument integer => integer.Value,
                MemoryArgument memory => Pointer(type, Map(scope.Kernel, memory, index, buffers)),
                AddressArgument address => Pointer(type, (nuint)address.Address),
                var other => throw new NotSupportedException(other.ToString()),
            };
        }

        int error = 0;
        long retval = 0, retval1 = 0;
        string? exception = null;
        try
        {
            object? result = method.Invoke(null, arguments);
            (error, retval, retval1) = Interpret(method.ReturnType, result);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } thrown)
        {
            switch (thrown)
            {
                case DivideByZeroException:
                    error = (int)Errno.EDOM;
                    break;
                case OverflowException:
                    error = (int)Errno.EOVERFLOW;
                    break;
                // docs/semantics.md: an index, a Slice, a CopyTo into a shorter span, a switch expression without a matching arm.
                case IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or System.Runtime.CompilerServices.SwitchExpressionException:
                    error = (int)Errno.EINVAL;
                    break;
                default:
                    exception = $"{thrown.GetType().Name}: {thrown.Message}";
                    break;
            }
        }

        if (exception is null && scope.Kernel.Memory.LiveAllocations != 0)
        {
            // The C side reports leaks per batch; here each call must free what it took.
            exception = $"{scope.Kernel.Memory.LiveAllocations} malloc(9) allocations still live after the call";
        }

        var finalBuffers = ImmutableArray.CreateBuilder<(int, string)>();
        foreach ((int argument, nuint address, int length) in buffers)
        {
            finalBuffers.Add((argument, Convert.ToHexString(scope.Kernel.User.ReadBytes(address, length)).ToLowerInvariant()));
        }

        return new SyscallOutcome(error, retval, retval1, finalBuffers.ToImmutable(), [.. scope.Kernel.Log], exception, scope.Kernel.Memory.NoWaitAllocations);
    }

    /// <summary>Runs a module hook (load/unload) for its log lines.</summary>
    public static ImmutableArray<string> RunHook(MethodInfo? hook)
    {
        if (hook is null)
        {
            return [];
        }

        using SimulatedKernel.Scope scope = SimulatedKernel.Enter();
        hook.Invoke(null, []);
        return [.. scope.Kernel.Log];
    }

    private static nuint Map(SimulatedKernel kernel, MemoryArgument memory, int argument, List<(int, nuint, int)> buffers)
    {
        nuint address = kernel.User.Map(memory.Mapped, memory.Writable);
        if (memory.Kind != MemoryKind.ReadOnlyString)
        {
            buffers.Add((argument, address, memory.Contents.Length));
        }

        return address;
    }

    private static object Pointer(Type type, nuint address) =>
        type == typeof(UserString) ? new UserString(address) : Activator.CreateInstance(type, address)!;

    private static (int Error, long Retval, long Retval1) Interpret(Type type, object? result)
    {
        if (type == typeof(void))
        {
            return (0, 0, 0);
        }

        if (type == typeof(Errno))
        {
            return ((int)(Errno)result!, 0, 0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SyscallResult<>))
        {
            var error = (Errno)type.GetProperty(nameof(SyscallResult<int>.Error))!.GetValue(result)!;
            return error != Errno.None ? ((int)error, 0, 0) : (0, Register(type.GetProperty(nameof(SyscallResult<int>.Value))!.GetValue(result)!), 0);
        }

        if (result is ValueTuple<long, long> pair)
        {
            return (0, pair.Item1, pair.Item2);
        }

        return (0, Register(result!), 0);
    }

    /// <summary>The value as C's assignment to <c>td_retval[0]</c> (a register_t) widens it.</summary>
    public static long Register(object value) => value switch
    {
        bool b => b ? 1 : 0,
        Enum e => Register(Convert.ChangeType(e, Enum.GetUnderlyingType(e.GetType()), CultureInfo.InvariantCulture)),
        sbyte v => v,
        byte v => v,
        short v => v,
        ushort v => v,
        char v => v,
        int v => v,
        uint v => v,
        long v => v,
        ulong v => (long)v,
        nint v => v,
        nuint v => (long)v,
        _ => throw new NotSupportedException($"a syscall cannot return a {value.GetType()}"),
    };
}
