using System.Collections.Generic;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// A span copied in from user memory with a length taken from a syscall argument, sometimes from an
/// address computed past the first element, and copied back out (<see cref="GeneratorFeatures.UserMemorySpans"/>):
/// <code>
/// Span&lt;int&gt; us0 = stackalloc int[4];
/// int un1 = (int)(a0 &amp; 3);
/// if (un1 &lt; 0 || un1 &gt; 4) { return Errno.EINVAL; }
/// Errno ue2 = Kernel.CopyIn(new UserPtr&lt;int&gt;(sin3.Address + 4), us0.Slice(0, un1));
/// …
/// ue2 = Kernel.CopyOut(us0.Slice(0, un1), sout4);
/// </code>
/// </summary>
public sealed class UserSpanCopies(ModuleContext module, CodeWriter writer)
{
    private const int Capacity = 4;

    private IntegerKind element = IntegerKind.Int;
    private string source = "", destination = "", lengthArgument = "";
    private bool skipsFirst, copiesOut;

    /// <summary>Adds the user pointers to the signature; false when the syscall has no integer argument to take a length from.</summary>
    public bool AddParameters(List<string> parameters, MethodContext method)
    {
        Variable? argument = module.PickOrDefault(System.Linq.Enumerable.Where(method.Scope.Visible, v => v.SyscallArgument));
        if (argument is null)
        {
            return false;
        }

        lengthArgument = argument.Name;
        element = module.Pick(IntegerKind.Fixed);
        skipsFirst = module.Chance(30);
        copiesOut = module.Chance(60);
        source = "sin" + parameters.Count;
        parameters.Add($"UserPtr<{element.Name}> {source}");
        if (copiesOut)
        {
            destination = "sout" + parameters.Count;
            parameters.Add($"UserPtr<{element.Name}> {destination}");
        }

        return true;
    }

    /// <summary>The copy in (an error returns it), the span then in scope for the checksum.</summary>
    public void CopyIn(MethodContext method)
    {
        string span = method.Fresh("us"), length = method.Fresh("un"), error = method.Fresh("ue");
        writer.Line($"Span<{element.Name}> {span} = stackalloc {element.Name}[{Capacity}];");
        writer.Line($"int {length} = (int)({lengthArgument} & 3);");
        // KMS0205: a length computed from a syscall argument is compared with a bound before Slice.
        writer.Open($"if ({length} < 0 || {length} > {Capacity})");
        writer.Line("return Errno.EINVAL;");
        writer.Close();
        string from = skipsFirst ? $"new UserPtr<{element.Name}>({source}.Address + {element.Size})" : source;
        writer.Line($"Errno {error} = Kernel.CopyIn({from}, {span}.Slice(0, {length}));");
        writer.Open($"if ({error} != Errno.None)");
        writer.Line($"return {error};");
        writer.Close();
        if (copiesOut)
        {
            writer.Line($"{error} = Kernel.CopyOut({span}.Slice(0, {length}), {destination});");
            writer.Open($"if ({error} != Errno.None)");
            writer.Line($"return {error};");
            writer.Close();
        }

        method.Scope.Add(new Variable(span, new SpanType(element, Capacity), Writable: false));
    }
}
