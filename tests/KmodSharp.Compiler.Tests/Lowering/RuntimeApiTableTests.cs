using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using KmodSharp.Analyzers.Subset;
using KmodSharp.Compiler.Pipeline.Frontend;
using KmodSharp.Compiler.Pipeline.Lowering;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// The runtime API table (<see cref="RuntimeApi"/>) is read from the attributes on KmodSharp.Runtime:
/// it says what the hand-written lists of the analyzers, the errno analysis and the intrinsics said
/// before; the methods it marks as translating (<c>[CName]</c>, <c>[Translated]</c>) are exactly those
/// lowering has a rule for, and the only runtime methods the analyzers let kernel code call.
/// </summary>
public sealed class RuntimeApiTableTests
{
    private static readonly System.Type[] RuntimeTypes = typeof(Kernel).Assembly.GetExportedTypes();

    private static RuntimeApi Table()
    {
        // A compilation that references the runtime as the compiler's own does.
        Compilation compilation = CompilationFactory.Create(
            new SourceInput([new SourceFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "Empty.cs"), "")], System.IO.Path.GetTempPath()));
        INamedTypeSymbol kernel = compilation.GetTypeByMetadataName("KmodSharp.Kernel")!;
        return RuntimeApi.Of(kernel.ContainingAssembly);
    }

    private static ImmutableSortedSet<string> Names(RuntimeApi table, System.Func<RuntimeMethod, bool> which) =>
        [.. table.Methods.Where(which).Select(m => m.Method.ContainingType.Name + "." + m.Method.Name)];

    private static ImmutableSortedSet<string> Kernel(params string[] names) => [.. names.Select(n => "Kernel." + n)];

    [Fact]
    public void The_table_read_from_attributes_says_what_the_analyzers_hard_coded()
    {
        RuntimeApi table = Table();

        // UserMemoryAnalyzer.CheckedMembers (KMS0201): the result must be checked.
        Assert.Equal(
            Kernel("CopyIn", "CopyOut", "CopyInString", "FetchByte", "StoreByte", "FetchWord32", "FetchWord64", "StoreWord32", "StoreWord64", "PrivCheck"),
            Names(table, m => m.MustBeChecked));

        // KernelContextAnalyzer.SleepingKernelMembers (KMS0300), and ErrorAnalysis.UserMemoryCalls (EFAULT).
        ImmutableSortedSet<string> userMemory = Kernel("CopyIn", "CopyOut", "CopyInString", "FetchByte", "StoreByte", "FetchWord32", "FetchWord64", "StoreWord32", "StoreWord64");
        Assert.Equal(userMemory, Names(table, m => m.MaySleep));
        Assert.Equal(userMemory, Names(table, m => m.TouchesUser));
        Assert.Equal(userMemory, Names(table, m => m.Errors.Contains("EFAULT")));

        // DoubleFetchAnalyzer.Fetches (KMS0202) and ErrorAnalysis.AccessOf's read/write split.
        Assert.Equal(Kernel("CopyIn", "CopyInString", "FetchByte", "FetchWord32", "FetchWord64"), Names(table, m => m.ReadsUser));
        Assert.Equal(Kernel("CopyOut", "StoreByte", "StoreWord32", "StoreWord64"), Names(table, m => m.WritesUser));

        // ErrorAnalysis: ENAMETOOLONG from copyinstr, EPERM from priv_check, nothing else.
        Assert.Equal(Kernel("CopyInString"), Names(table, m => m.Errors.Contains("ENAMETOOLONG")));
        Assert.Equal(Kernel("PrivCheck"), Names(table, m => m.Errors.Contains("EPERM")));
        Assert.All(table.Methods, m => Assert.Subset(new HashSet<string> { "EFAULT", "ENAMETOOLONG", "EPERM" }, m.Errors.ToHashSet()));

        // The C names Intrinsics hard-coded.
        var cNames = new Dictionary<string, string>
        {
            ["Printf"] = "printf", ["CopyIn"] = "copyin", ["CopyOut"] = "copyout", ["CopyInString"] = "copyinstr",
            ["FetchByte"] = "fubyte", ["StoreByte"] = "subyte", ["FetchWord32"] = "fueword32", ["FetchWord64"] = "fueword64",
            ["StoreWord32"] = "suword32", ["StoreWord64"] = "suword64", ["PrivCheck"] = "priv_check",
            ["CopyProcessName"] = "strlcpy", ["NanoTime"] = "nanotime", ["GetNanoTime"] = "getnanotime", ["GetMicroUptime"] = "getmicrouptime",
            ["Random"] = "arc4random", ["RandomBytes"] = "arc4random_buf",
        };
        Assert.Equal(
            cNames.OrderBy(p => p.Key),
            table.Methods.Where(m => m.CName is not null).GroupBy(m => m.Method.Name).Select(g => new KeyValuePair<string, string>(g.Key, Assert.Single(g.Select(m => m.CName!).Distinct()))).OrderBy(p => p.Key));

        // ThreadAnalysis: priv_check(9) takes the thread; CopiedStringBuffer: copyinstr(9) terminates its destination, printf(9) reads it.
        Assert.Equal(Kernel("PrivCheck"), Names(table, m => m.TakesThread));
        Assert.Equal(["destination"], table.Methods.Select(m => m.NulTerminatedParameter).OfType<string>().Distinct());
        Assert.Equal(Kernel("CopyInString"), Names(table, m => m.NulTerminatedParameter is not null));
        Assert.Equal(["format"], table.Methods.Select(m => m.FormatParameter).OfType<string>().Distinct());
        Assert.Equal(Kernel("Printf"), Names(table, m => m.FormatParameter is not null));
        Assert.All(table.Methods, m => Assert.True(m.NulTerminatedParameter is null || m.Method.Parameters.Any(p => p.Name == m.NulTerminatedParameter && p.Type.Name == "Span")));

        // The user address is the parameter the double-fetch analysis keys on.
        Assert.All(table.Methods.Where(m => m.TouchesUser), m => Assert.Contains(m.Method.Parameters, p => p.Name == m.UserParameter && p.Type.Name is "UserPtr" or "UserString"));
    }

    [Fact]
    public void The_runtime_methods_marked_translated_are_those_lowering_has_a_rule_for()
    {
        MethodInfo[] methods = [.. RuntimeTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)).Where(m => !m.IsSpecialName)];
        ImmutableSortedSet<string> marked = [.. methods
            .Where(m => m.GetCustomAttribute<CNameAttribute>() is not null || m.GetCustomAttribute<TranslatedAttribute>() is not null)
            .Select(m => m.DeclaringType!.Name.Split('`')[0] + "." + m.Name)];

        // Taken by a 'using' and lowered as a resource (FunctionLowering.Resources); KMS0301 refuses them anywhere else.
        ImmutableSortedSet<string> resources = ["Kernel.Allocate", "KernelMutex.Lock", "KernelSxLock.LockExclusive", "KernelSxLock.LockShared"];

        ImmutableSortedSet<string> lowered = [.. Intrinsics.Lowered, .. resources];
        Assert.NotEmpty(marked);
        Assert.Equal(marked, lowered);
        Assert.Equal(marked, Names(Table(), m => m.Translates));
        Assert.Contains(methods, m => !marked.Contains(m.DeclaringType!.Name.Split('`')[0] + "." + m.Name));
    }

    [Fact]
    public void The_analyzers_accept_a_call_of_a_runtime_method_exactly_when_the_table_says_it_translates()
    {
        RuntimeApi table = Table();
        IMethodSymbol[] methods = [.. table.Methods.Select(m => m.Method).First().ContainingAssembly.GlobalNamespace.GetNamespaceMembers()
            .Where(ns => ns.Name == TranslatableApi.RuntimeNamespace)
            .SelectMany(ns => ns.GetTypeMembers()).Where(TranslatableApi.IsRuntimeType)
            .SelectMany(t => t.GetMembers().OfType<IMethodSymbol>())
            .Where(m => m is { DeclaredAccessibility: Accessibility.Public, MethodKind: MethodKind.Ordinary })];

        Assert.Contains(methods, m => m.Name == "Dispose");
        Assert.All(methods, m => Assert.Equal(
            RuntimeApi.Find(m) is { Translates: true } ? ApiKind.Runtime : ApiKind.Untranslatable,
            TranslatableApi.Classify(m)));
        Assert.All(methods.Where(m => m.Name == "Dispose"), m => Assert.Equal(ApiKind.Untranslatable, TranslatableApi.Classify(m)));
    }

    [Fact]
    public void Every_user_memory_method_is_known_to_the_analyzers()
    {
        RuntimeApi table = Table();
        var userMemory = RuntimeTypes.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Reads: m.GetCustomAttribute<ReadsUserMemoryAttribute>(), Writes: m.GetCustomAttribute<WritesUserMemoryAttribute>()))
            .Where(m => m.Reads is not null || m.Writes is not null)
            .ToList();

        Assert.NotEmpty(userMemory);
        foreach ((MethodInfo method, ReadsUserMemoryAttribute? reads, WritesUserMemoryAttribute? writes) in userMemory)
        {
            // Overloads (CopyIn of one value or of a span) differ in their parameters' names.
            RuntimeMethod entry = Assert.Single(table.Methods, m => m.Method.Name == method.Name
                && m.Method.Parameters.Select(p => p.Name).SequenceEqual(method.GetParameters().Select(p => p.Name)));
            Assert.Equal(reads?.Parameter ?? writes!.Parameter, entry.UserParameter);
            Assert.Equal(writes is not null, entry.WritesUser);
            Assert.Contains(method.GetParameters(), p => p.Name == entry.UserParameter);

            // A fault is EFAULT, so the result is checked (KMS0201); a fault sleeps (KMS0300).
            Assert.Contains("EFAULT", entry.Errors);
            Assert.True(entry.MaySleep, method.Name);
        }
    }
}
