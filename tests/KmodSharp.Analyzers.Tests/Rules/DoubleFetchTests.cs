using System.Collections.Immutable;
using KmodSharp.Analyzers.Rules;
using KmodSharp.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Fetch = KmodSharp.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<KmodSharp.Analyzers.Rules.DoubleFetchAnalyzer>;

namespace KmodSharp.Analyzers.Tests.Rules;

/// <summary>KMS0202 across helpers (fetch summaries), through aliases, and the re-check rule (issue #17).</summary>
public sealed class DoubleFetchTests
{
    /// <summary>The issue's first case: Validate copies the request in and checks it, Process copies it again and trusts the second copy.</summary>
    [Fact]
    public Task AcrossHelpers_TheIssueCase_FiresAtTheSecondCall() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Request { public int Count; public int Flags; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Submit(UserPtr<Request> req)
            {
                Errno e = Validate(req);
                if (e != Errno.None) return e;
                return {|#0:Process(req)|};
            }

            static Errno Validate(UserPtr<Request> req)
            {
                Errno e = Kernel.CopyIn(req, out Request r);
                if (e != Errno.None) return e;
                return r.Count < 0 || r.Count > 64 ? Errno.EINVAL : Errno.None;
            }

            static Errno Process(UserPtr<Request> req)
            {
                Errno e = Kernel.CopyIn(req, out Request r);
                if (e != Errno.None) return e;
                using KernelBuffer<long> items = Kernel.Allocate<long>(r.Count, MallocFlags.WaitOk);
                return Errno.None;
            }
        }
        """,
        Fetch.Diagnostic("KMS0202").WithLocation(0).WithArguments("req", " in Process", "the fetch in Validate", ""));

    /// <summary>The issue's second case: the second CopyIn reads through a copy of the same UserPtr, and the re-read value sizes an allocation.</summary>
    [Fact]
    public Task ThroughAnAlias_TheIssueCase_FiresOnTheSecondCopyIn() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Header { public int Count; public int Kind; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno ReadAll(UserPtr<Header> header)
            {
                var cursor = header;
                Errno e = Kernel.CopyIn(header, out Header h);
                if (e != Errno.None) return e;
                if (h.Count < 0 || h.Count > 1024) return Errno.EINVAL;
                e = {|#0:Kernel.CopyIn(cursor, out Header again)|};
                if (e != Errno.None) return e;
                using KernelBuffer<long> items = Kernel.Allocate<long>(again.Count, MallocFlags.WaitOk);
                return Errno.None;
            }
        }
        """,
        Fetch.Diagnostic("KMS0202").WithLocation(0).WithArguments("cursor", "", "the CopyIn on line 12", ""));

    [Fact]
    public Task Aliases_EverySpelling_Fires() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Holder { public UserPtr<int> Ptr; public int Tag; }
        public struct Request { public UserPtr<int> Data; public UserPtr<int> Extra; }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Typed(UserPtr<int> header)
            {
                UserPtr<int> c = header;
                Errno e = Kernel.CopyIn(c, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(header, out int b)|};
            }

            [Syscall]
            static Errno Assigned(UserPtr<int> header, UserPtr<int> other)
            {
                UserPtr<int> c = other;
                c = header;
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(c, out int b)|};
            }

            [Syscall]
            static Errno AddZero(UserPtr<int> header)
            {
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(header.Add(0), out int b)|};
            }

            [Syscall]
            static Errno SameOffsetTwoWays(UserPtr<int> header)
            {
                var second = header.Add(1);
                Errno e = Kernel.CopyIn(second, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(header.Add(1), out int b)|};
            }

            [Syscall]
            static Errno InALocalStruct(UserPtr<int> header)
            {
                Holder holder = default;
                holder.Ptr = header;
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(holder.Ptr, out int b)|};
            }

            [Syscall]
            static Errno InAnInitializer(UserPtr<int> header)
            {
                var holder = new Holder { Ptr = header, Tag = 1 };
                Errno e = Kernel.CopyIn(holder.Ptr, out int a);
                if (e != Errno.None) return e;
                return {|KMS0202:Kernel.CopyIn(header, out int b)|};
            }

            [Syscall]
            static Errno StructCopy(Request req)
            {
                Errno e = Kernel.CopyIn(req.Data, out int a);
                if (e != Errno.None) return e;
                Request copy = req;
                return {|KMS0202:Kernel.CopyIn(copy.Data, out int b)|};
            }
        }
        """);

    [Fact]
    public Task AliasInALoop_Fires() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno CursorNeverAdvances(UserPtr<int> header, int n)
            {
                var cursor = header;
                for (int i = 0; i < n; i++)
                {
                    Errno e = {|KMS0202:Kernel.CopyIn(cursor, out int v)|};
                    if (e != Errno.None) return e;
                }

                return Errno.None;
            }

            [Syscall]
            static Errno FirstElementAgainAfterTheWalk(UserPtr<int> header, int n)
            {
                var cursor = header;
                for (int i = 0; i < n; i++)
                {
                    Errno e = Kernel.CopyIn(cursor, out int v);
                    if (e != Errno.None) return e;
                    cursor = cursor.Add(1);
                }

                return {|KMS0202:Kernel.CopyIn(header, out int first)|};
            }
        }
        """);

    [Fact]
    public Task HelperShapes_Fire() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Request { public UserPtr<int> Data; public int Len; }

        [KernelHelper]
        static class Requests
        {
            public static Errno Peek(UserPtr<int> p) => Kernel.CopyIn(p, out int _);

            public static Errno PeekAgain(this UserPtr<int> p) => Peek(p);

            public static Errno Load<T>(UserPtr<T> source, out T value) where T : unmanaged => Kernel.CopyIn(source, out value);

            public static Errno Read(int flags, UserPtr<int> target)
            {
                Errno e = Kernel.CopyIn(target, out int v);
                return e != Errno.None ? e : Use(v);
            }

            public static Errno Outer(UserPtr<int> p) => Inner(p);

            static Errno Inner(UserPtr<int> q) => Read(0, q);

            public static Errno Data(Request req) => Peek(req.Data);

            static Errno Use(int value) => Errno.None;
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno ExpressionBodied(UserPtr<int> p)
            {
                Errno e = Requests.Peek(p);
                if (e != Errno.None) return e;
                return {|#0:Requests.Peek(p)|};
            }

            [Syscall]
            static Errno Generic(UserPtr<long> p)
            {
                Errno e = Requests.Load(p, out long first);
                if (e != Errno.None) return e;
                return {|#1:Requests.Load(p, out long second)|};
            }

            [Syscall]
            static Errno NamedArguments(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int a);
                if (e != Errno.None) return e;
                return {|#2:Requests.Read(target: p, flags: 1)|};
            }

            [Syscall]
            static Errno Chain(UserPtr<int> p)
            {
                Errno e = Requests.Peek(p);
                if (e != Errno.None) return e;
                return {|#3:Requests.Outer(p)|};
            }

            [Syscall]
            static Errno StructField(Request req)
            {
                Errno e = Kernel.CopyIn(req.Data, out int a);
                if (e != Errno.None) return e;
                return {|#4:Requests.Data(req)|};
            }

            [Syscall]
            static Errno HelperThenRuntime(UserPtr<int> p)
            {
                Errno e = Requests.Peek(p);
                if (e != Errno.None) return e;
                e = {|#5:Kernel.CopyIn(p, out int value)|};
                if (e != Errno.None) return e;
                using KernelBuffer<int> items = Kernel.Allocate<int>(value, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno ExtensionMethod(UserPtr<int> p)
            {
                Errno e = Requests.Peek(p);
                if (e != Errno.None) return e;
                return {|#7:p.PeekAgain()|};
            }

            [Syscall]
            static Errno InALoop(UserPtr<int> p, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    Errno e = {|#6:Requests.Peek(p)|};
                    if (e != Errno.None) return e;
                }

                return Errno.None;
            }
        }
        """,
        Fetch.Diagnostic("KMS0202").WithLocation(0).WithArguments("p", " in Peek", "the fetch in Peek", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(1).WithArguments("p", " in Load", "the fetch in Load", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(2).WithArguments("p", " in Read", "the CopyIn on line 51", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(3).WithArguments("p", " in Outer → Inner → Read", "the fetch in Peek", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(4).WithArguments("req.Data", " in Data → Peek", "the CopyIn on line 67", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(5).WithArguments("p", "", "the fetch in Peek", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(6).WithArguments("p", " in Peek", "the same call in an earlier iteration", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(7).WithArguments("p", " in PeekAgain → Peek", "the fetch in Peek", ""));

    [Fact]
    public Task LocalFunctions_Fire() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Captured(UserPtr<int> header)
            {
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                return {|#0:Reread()|};

                Errno Reread() => Kernel.CopyIn(header, out int b);
            }

            [Syscall]
            static Errno WithAParameter(UserPtr<int> header)
            {
                Errno e = Check(header);
                if (e != Errno.None) return e;
                return {|#1:Check(header)|};

                static Errno Check(UserPtr<int> p) => Kernel.CopyIn(p, out int v);
            }

            [Syscall]
            static Errno InsideTheLocalFunction(UserPtr<int> header)
            {
                return Twice(header);

                static Errno Twice(UserPtr<int> p)
                {
                    Errno e = Kernel.CopyIn(p, out int v);
                    if (e != Errno.None) return e;
                    return {|#2:Kernel.CopyIn(p, out int w)|};
                }
            }
        }
        """,
        Fetch.Diagnostic("KMS0202").WithLocation(0).WithArguments("header", " in Reread", "the CopyIn on line 9", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(1).WithArguments("header", " in Check", "the fetch in Check", ""),
        Fetch.Diagnostic("KMS0202").WithLocation(2).WithArguments("p", "", "the CopyIn on line 33", ""));

    /// <summary>A helper class's own double fetch is reported inside it, at compilation end, with the chain from the syscall.</summary>
    [Fact]
    public Task InsideAHelperClass_FiresWithTheChain() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelHelper]
        static class Parser
        {
            public static Errno Parse(UserPtr<int> p)
            {
                Errno e = Fetch(p);
                if (e != Errno.None) return e;
                return {|#0:Fetch(p)|};
            }

            static Errno Fetch(UserPtr<int> p) => Kernel.CopyIn(p, out int _);
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Entry(UserPtr<int> p) => Parser.Parse(p);
        }
        """,
        Fetch.Diagnostic("KMS0202").WithLocation(0).WithArguments("p", " in Fetch", "the fetch in Fetch", " (reached from entry → Parse)"));

    /// <summary>The false-positive traps: a second copy validated again, different offsets and fields, branches, reassigned pointers and aliases.</summary>
    [Fact]
    public Task Traps_DoNotFire() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        public struct Header { public int Count; public int Kind; }
        public struct Request { public UserPtr<int> Data; public UserPtr<int> Extra; }

        [KernelHelper]
        static class Requests
        {
            public static Errno Validate(UserPtr<Header> req)
            {
                Errno e = Kernel.CopyIn(req, out Header r);
                if (e != Errno.None) return e;
                return r.Count is < 0 or > 64 ? Errno.EINVAL : Errno.None;
            }

            public static Errno ProcessChecked(UserPtr<Header> req)
            {
                Errno e = Kernel.CopyIn(req, out Header r);
                if (e != Errno.None) return e;
                if (r.Count < 0 || r.Count > 64) return Errno.EINVAL;
                using KernelBuffer<long> items = Kernel.Allocate<long>(r.Count, MallocFlags.WaitOk);
                return Errno.None;
            }

            public static Errno Second(UserPtr<int> p) => Kernel.CopyIn(p.Add(1), out int _);

            public static Errno Write(UserPtr<int> p) => Kernel.CopyOut(7, p);
        }

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno RecheckedThroughAlias(UserPtr<Header> header)
            {
                var cursor = header;
                Errno e = Kernel.CopyIn(header, out Header h);
                if (e != Errno.None) return e;
                if (h.Count < 0 || h.Count > 1024) return Errno.EINVAL;
                e = Kernel.CopyIn(cursor, out Header again);
                if (e != Errno.None) return e;
                if (again.Count != h.Count) return Errno.EINVAL;
                using KernelBuffer<long> items = Kernel.Allocate<long>(again.Count, MallocFlags.WaitOk);
                return Errno.None;
            }

            [Syscall]
            static Errno RecheckedByASwitch(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int first);
                if (e != Errno.None) return e;
                e = Kernel.CopyIn(p, out int size);
                switch (size)
                {
                    case < 0:
                    case > 64:
                        return Errno.EINVAL;
                }

                using KernelBuffer<byte> bytes = Kernel.Allocate<byte>(size, MallocFlags.WaitOk);
                return e;
            }

            [Syscall]
            static Errno RecheckedInTheHelper(UserPtr<Header> req)
            {
                Errno e = Requests.Validate(req);
                if (e != Errno.None) return e;
                e = Requests.ProcessChecked(req);
                if (e != Errno.None) return e;
                return Requests.Validate(req);
            }

            [Syscall]
            static Errno DifferentOffsets(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int a);
                if (e != Errno.None) return e;
                e = Requests.Second(p);
                if (e != Errno.None) return e;
                var third = p.Add(2);
                return Kernel.CopyIn(third, out int c);
            }

            [Syscall]
            static Errno DifferentFields(Request req)
            {
                Errno e = Kernel.CopyIn(req.Data, out int a);
                if (e != Errno.None) return e;
                return Kernel.CopyIn(req.Extra, out int b);
            }

            [Syscall]
            static Errno Branches(UserPtr<Header> req, bool fast)
            {
                if (fast)
                {
                    return Requests.Validate(req);
                }
                else
                {
                    return Kernel.CopyIn(req, out Header h);
                }
            }

            [Syscall]
            static Errno PointerReassigned(UserPtr<Header> req, UserPtr<Header> next)
            {
                Errno e = Requests.Validate(req);
                if (e != Errno.None) return e;
                req = next;
                return Kernel.CopyIn(req, out Header h);
            }

            [Syscall]
            static Errno AliasReassigned(UserPtr<int> header, UserPtr<int> other)
            {
                var cursor = header;
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                cursor = other;
                return Kernel.CopyIn(cursor, out int b);
            }

            [Syscall]
            static Errno AliasOnOneBranchOnly(UserPtr<int> header, UserPtr<int> other, bool which)
            {
                UserPtr<int> cursor = other;
                if (which) cursor = header;
                Errno e = Kernel.CopyIn(header, out int a);
                if (e != Errno.None) return e;
                return Kernel.CopyIn(cursor, out int b);
            }

            [Syscall]
            static Errno HelperThatOnlyWrites(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int a);
                if (e != Errno.None) return e;
                return Requests.Write(p);
            }

            [Syscall]
            static Errno WalkWithACursor(UserPtr<int> header, int n)
            {
                var cursor = header;
                for (int i = 0; i < n; i++)
                {
                    Errno e = Kernel.CopyIn(cursor, out int v);
                    if (e != Errno.None) return e;
                    cursor = cursor.Add(1);
                }

                return Errno.None;
            }

            [Syscall]
            static Errno LoopOverElements(UserPtr<int> p, int n)
            {
                for (int i = 0; i < n; i++)
                {
                    Errno e = Kernel.CopyIn(p.Add((nuint)i), out int v);
                    if (e != Errno.None) return e;
                }

                return Errno.None;
            }
        }
        """);

    /// <summary>Uses of the second copy that bound or index something are not re-checks: a loop condition, a clamp, an index.</summary>
    [Fact]
    public Task SecondCopyBoundsALoopOrIsClampedOrIndexes_Fires() => Fetch.VerifyAnalyzerAsync("""
        using System;
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno LoopBound(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int n);
                if (e != Errno.None || n > 16) return Errno.EINVAL;
                e = {|KMS0202:Kernel.CopyIn(p, out int again)|};
                int sum = 0;
                for (int i = 0; i < again; i++) sum += i;
                return sum > 0 ? e : Errno.None;
            }

            [Syscall]
            static Errno Clamped(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int n);
                if (e != Errno.None || n > 16) return Errno.EINVAL;
                e = {|KMS0202:Kernel.CopyIn(p, out int again)|};
                using KernelBuffer<int> items = Kernel.Allocate<int>(Math.Min(again, 16), MallocFlags.WaitOk);
                return e;
            }

            [Syscall]
            static Errno Index(UserPtr<byte> p)
            {
                int first = Kernel.FetchByte(p);
                if (first is < 0 or > 7) return Errno.EINVAL;
                Span<int> table = stackalloc int[8];
                int b = {|KMS0202:Kernel.FetchByte(p)|};
                table[b] = 1;
                return Errno.None;
            }

            [Syscall]
            static Errno OtherFieldUnchecked(UserPtr<Pair> p)
            {
                Errno e = Kernel.CopyIn(p, out Pair first);
                if (e != Errno.None || first.Count > 16) return Errno.EINVAL;
                e = {|KMS0202:Kernel.CopyIn(p, out Pair again)|};
                if (again.Count > 16) return Errno.EINVAL;
                using KernelBuffer<int> items = Kernel.Allocate<int>(again.Size, MallocFlags.WaitOk);
                return e;
            }
        }

        public struct Pair { public int Count; public int Size; }
        """);

    [Fact]
    public Task BothTheBodyAndItsLocalFunction_AndAnExpressionBody_Fire() => Fetch.VerifyAnalyzerAsync("""
        using KmodSharp;

        [KernelModule("m")]
        static class M
        {
            [Syscall]
            static Errno Both(UserPtr<int> p)
            {
                Errno e = Kernel.CopyIn(p, out int a);
                if (e != Errno.None) return e;
                e = {|KMS0202:Kernel.CopyIn(p, out int b)|};
                return e != Errno.None ? e : {|KMS0202:Twice(p)|};

                static Errno Twice(UserPtr<int> q)
                {
                    Errno first = Kernel.CopyIn(q, out int x);
                    return first != Errno.None ? first : {|KMS0202:Kernel.CopyIn(q, out int y)|};
                }
            }

            [Syscall]
            static Errno Arrow(UserPtr<int> p) => Peek(p) == Errno.None ? {|KMS0202:Peek(p)|} : Errno.EFAULT;

            static Errno Peek(UserPtr<int> p) => Kernel.CopyIn(p, out int _);
        }
        """);

    /// <summary>Broken and odd C# (missing symbols, recursion, lambdas, ref pointers, conditional aliases, accessors) never makes the rule throw.</summary>
    [Fact]
    public async Task OddAndBrokenCode_NeverThrows()
    {
        const string source = """
            using System;
            using KmodSharp;

            public struct Request { public UserPtr<int> Data; public Errno Peek() => Kernel.CopyIn(this.Data, out int _); }

            public static class Extensions
            {
                public static Errno Fetch(this UserPtr<int> p) => Kernel.CopyIn(p, out int _);
            }

            [KernelModule("m")]
            public static partial class M
            {
                static partial void Declared(UserPtr<int> p);

                static Errno Ping(UserPtr<int> p, int depth) => depth > 0 ? Pong(p, depth - 1) : Kernel.CopyIn(p, out int _);

                static Errno Pong(UserPtr<int> p, int depth) => Ping(p, depth);

                static UserPtr<int> Pointer => default;

                static Errno Property { get { Kernel.CopyIn(Pointer, out int a); return Kernel.CopyIn(Pointer, out int b); } }

                [Syscall]
                static Errno Entry(UserPtr<int> p, UserPtr<int> q, Request req, bool which, int n)
                {
                    Errno e = Ping(p, 3);
                    e = Pong(p, 2);
                    e = p.Fetch();
                    e = p.Fetch();
                    e = req.Peek();
                    e = req.Peek();
                    Declared(p);
                    Missing(p);
                    e = Kernel.CopyIn(Unknown, out int u);
                    var c = which ? p : q;
                    e = Kernel.CopyIn(c, out int a);
                    e = Kernel.CopyIn(c, out int b);
                    Func<Errno> lambda = () => Kernel.CopyIn(p, out int x);
                    e = lambda();
                    Advance(ref p);
                    e = Kernel.CopyIn(p, out int d);
                    (p, q) = (q, p);
                    e = Kernel.CopyIn(p, out int f);
                    for (int i = 0; i < n; i++) { p = p.Add(1); e = Kernel.CopyIn(p, out int g); e = Kernel.CopyIn(p.Add((nuint)i), out int h); }
                    e = Kernel.CopyIn(p.Add(1).Add(2), out int k);
                    e = Kernel.CopyIn(p.Add(3), out int l);
                    e = Kernel.CopyIn(req.Data.Add(1), out int m1);
                    e = Kernel.CopyIn(req.Data.Add(1), out int m2);
                    int total = e switch { Errno.None => m2 + k + l, _ => 0 };
                    return e == Errno.None && total > 0 ? Local(p) : e;

                    Errno Local(UserPtr<int> r) => r.IsNull ? Local(r.Add(1)) : Kernel.CopyIn(r, out int z);
                }

                static void Advance(ref UserPtr<int> p) => p = p.Add(1);
            }
            """;
        var compilation = CSharpCompilation.Create(
            "Broken",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestSetup.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var thrown = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            [new DoubleFetchAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => { lock (thrown) { thrown.Add(exception.ToString()); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();

        Assert.Empty(thrown);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Contains(diagnostics, d => d.Id == "KMS0202");
    }
}
