using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Random statements of a method body: declarations (integers, structs, spans over
/// <c>stackalloc</c>, inline arrays), assignments, deconstruction assignments and compound assignments on every place, span
/// operations, helper calls, <c>Kernel.Printf</c> and early errno returns; control flow is in
/// the other part of this class. Every block ends by folding the locals it declared into the
/// method's accumulator, so all state reaches the checksum.
/// </summary>
public sealed partial class StatementGenerator(ModuleContext module, MethodContext method, CodeWriter writer)
{
    private static readonly string[] CompoundOperators = ["+=", "-=", "*=", "&=", "|=", "^=", "+=", "-="];
    private static readonly string[] FailingCompoundOperators = ["/=", "%="];
    private static readonly string[] ShiftCompoundOperators = ["<<=", ">>=", ">>>="];
    private static readonly string[] ErrorNames = ["EINVAL", "ERANGE", "ENOENT", "EPERM", "EAGAIN"];

    private readonly ExpressionGenerator x = new(module, method);

    /// <summary>The most statements one method gets, so programs stay small.</summary>
    public int Limit { get; init; } = 24;

    public ExpressionGenerator Expressions => x;

    public void Statements(int count, int depth)
    {
        for (int i = 0; i < count && method.Statements < Limit; i++)
        {
            method.Statements++;
            Statement(depth);
        }
    }

    private void Statement(int depth)
    {
        int choice = module.Random.Next(depth > 0 ? 22 : 12);
        switch (choice)
        {
            case 0 or 1 or 2:
                Declare();
                break;
            case 3 or 4:
                Assign();
                break;
            case 5 or 6:
                Compound();
                break;
            case 7:
                Increment();
                break;
            case 8:
                SpanOperation();
                break;
            case 9:
                HelperCall();
                break;
            case 10:
                Printf();
                break;
            case 11:
                EarlyReturn();
                break;
            case 12 or 13:
                If(depth);
                break;
            case 14:
                For(depth);
                break;
            case 15:
                While(depth);
                break;
            case 16:
                ForEach(depth);
                break;
            case 17:
                Switch(depth);
                break;
            case 18:
                CheckedBlock(depth);
                break;
            case 19:
                LockBlock(depth);
                break;
            case 20:
                Jump();
                break;
            default:
                DoWhile(depth);
                break;
        }
    }

    public void Declare()
    {
        int choice = module.Random.Next(20);
        string name = module.Features.KernelLikeNames && module.NameRandom.Next(100) < 5 && KernelLikeNames.Local(module, method) is { } kernelLike ? kernelLike : method.Fresh("v");
        if (choice < 12 || module.Structs.Count == 0)
        {
            IntegerKind kind = module.Pick(IntegerKind.All);
            writer.Line($"{kind.Name} {name} = {x.Int(kind, 3)};");
            method.Scope.Add(new Variable(name, kind));
            if (module.Features.HarnessStrictConstructs && module.Chance(5))
            {
                // Written twice, never read: kern.mk only warns about it.
                string unused = method.Fresh("unused");
                writer.Line($"int {unused} = {x.Int(IntegerKind.Int, 1)};");
                writer.Line($"{unused} = {x.Int(IntegerKind.Int, 1)};");
            }
        }
        else if (choice < 16)
        {
            StructType type = module.Pick(module.Structs);
            var initialized = type.Fields.Where(f => f.Type is IntegerKind && module.Chance(50)).ToList();
            string value = module.Random.Next(3) switch
            {
                0 => "default",
                1 when initialized.Count == 0 => $"new {type.Name}()",
                _ => $"new {type.Name} {{ {string.Join(", ", initialized.Select(f => $"{f.Name} = {x.Int((IntegerKind)f.Type, 2)}"))} }}",
            };
            writer.Line($"{type.Name} {name} = {value};");
            method.Scope.Add(new Variable(name, type));
        }
        else if (choice < 18 && method.Scope.Visible.Count(v => v.Type is SpanType) < 2)
        {
            DeclareSpan(name);
        }
        else if (module.InlineArrays.Count > 0)
        {
            InlineArrayType type = module.Pick(module.InlineArrays);
            writer.Line($"{type.Name} {name} = default;");
            method.Scope.Add(new Variable(name, type));
        }
    }

    private void DeclareSpan(string name)
    {
        IntegerKind element = module.Pick(IntegerKind.Fixed);
        int length = module.Pick([2, 4, 8, 16]);
        if (module.Features.StackallocInitializers && module.Chance(40))
        {
            var values = Enumerable.Range(0, length).Select(_ => element.Literal(element.RandomValue(module.Random)));
            writer.Line($"Span<{element.Name}> {name} = stackalloc {element.Name}[] {{ {string.Join(", ", values)} }};");
        }
        else
        {
            writer.Line($"Span<{element.Name}> {name} = stackalloc {element.Name}[{length}];");
        }

        method.Scope.Add(new Variable(name, new SpanType(element, length), Writable: false));
    }

    /// <summary>A place this method may write.</summary>
    private Place? WritablePlace(IntegerKind? kind = null)
    {
        IEnumerable<Variable> variables = method.Scope.Visible;
        if (method.WritesStatics)
        {
            variables = variables.Concat(module.Statics);
        }

        return module.PickOrDefault(variables.SelectMany(Place.Of).Where(p => p.Writable && (kind is null || p.Kind == kind)));
    }

    private void Assign()
    {
        if (WritablePlace() is not { } place)
        {
            Declare();
            return;
        }

        if (module.Features.Deconstructions && module.Chance(20) && WritablePlace() is { } second)
        {
            Deconstruct(place, second);
            return;
        }

        writer.Line($"{x.Render(place)} = {x.Int(place.Kind, 3)};");
    }

    // C# evaluates both right-hand values (after the targets' indices) before assigning either:
    // "(a, b) = (b, a)" swaps.
    private void Deconstruct(Place first, Place second)
    {
        string targets = $"({x.Render(first)}, {x.Render(second)})";
        writer.Line(first.Kind == second.Kind && module.Chance(60)
            ? $"{targets} = ({x.Render(second)}, {x.Render(first)});"
            : $"{targets} = ({x.Int(first.Kind, 2)}, {x.Int(second.Kind, 2)});");
    }

    private void Compound()
    {
        if (WritablePlace() is not { } place)
        {
            Declare();
            return;
        }

        int choice = module.Random.Next(10);
        if (choice < 2)
        {
            writer.Line($"{x.Render(place)} {module.Pick(ShiftCompoundOperators)} {x.Int(IntegerKind.Int, 1)};");
        }
        else if (choice < 4 && method.AllowFailure)
        {
            writer.Line($"{x.Render(place)} {module.Pick(FailingCompoundOperators)} {x.Int(place.Kind, 2)};");
        }
        else
        {
            writer.Line($"{x.Render(place)} {module.Pick(CompoundOperators)} {x.Int(place.Kind, 2)};");
        }
    }

    private void Increment()
    {
        if (WritablePlace() is not { } place)
        {
            Declare();
            return;
        }

        string target = x.Render(place);
        writer.Line(module.Random.Next(4) switch
        {
            0 => $"{target}++;",
            1 => $"{target}--;",
            2 => $"++{target};",
            _ => $"--{target};",
        });
    }

    private void SpanOperation()
    {
        var spans = method.Scope.Visible.Where(v => v.Type is SpanType).ToList();
        if (spans.Count == 0)
        {
            DeclareSpan(method.Fresh("v"));
            return;
        }

        Variable span = module.Pick(spans);
        var type = (SpanType)span.Type;
        switch (module.Random.Next(module.Features.IndicesFromEnd ? 6 : 5) + (module.Features.SpanReturningHelpers && module.Chance(15) ? 6 : 0))
        {
            case >= 6:
                // Cut_T(s, start, length) returns s.Slice(start, length): the same bounds, through a helper.
                module.SpanHelperKinds.Add(type.Element.Name);
                (string cutStart, string cutLength) = Bounds(type.Length);
                writer.Line($"Cut_{type.Element.Name}({span.Name}, {cutStart}, {cutLength}).Fill({x.Int(type.Element, 1)});");
                break;
            case 0:
                writer.Line($"{span.Name}.Fill({x.Int(type.Element, 2)});");
                break;
            case 5:
                (string from, string to) = RangeBounds(type.Length);
                writer.Line($"{span.Name}[{from}..{to}].Fill({x.Int(type.Element, 1)});");
                break;
            case 1:
                writer.Line($"{span.Name}.Clear();");
                break;
            case 2:
                (string start, string length) = Bounds(type.Length);
                writer.Line($"{span.Name}.Slice({start}, {length}).Fill({x.Int(type.Element, 1)});");
                break;
            default:
                CopyBetweenSpans(span, type);
                break;
        }
    }

    private void CopyBetweenSpans(Variable source, SpanType type)
    {
        Variable? target = module.PickOrDefault(method.Scope.Visible.Where(v => v.Type is SpanType t && t.Element == type.Element));
        if (target is null)
        {
            return;
        }

        int targetLength = ((SpanType)target.Type).Length;
        if (method.AllowFailure && module.Chance(30))
        {
            // Can throw (ArgumentException: the destination is too short; a bound out of range).
            (string start, string length) = Bounds(type.Length);
            writer.Line($"{source.Name}.Slice({start}, {length}).CopyTo({target.Name});");
            return;
        }

        int count = module.Random.Next(LowestStart, System.Math.Min(type.Length, targetLength));
        int from = module.Random.Next(LowestStart, type.Length - count + 1);
        int to = module.Random.Next(LowestStart, targetLength - count + 1);
        writer.Line($"{source.Name}.Slice({from}, {count}).CopyTo({target.Name}.Slice({to}));");
    }

    /// <summary>Slice bounds: within the span, or (where failure is allowed) ones that may not be.</summary>
    private (string Start, string Length) Bounds(int length)
    {
        if (method.AllowFailure && module.Chance(25))
        {
            return (x.SliceOperand() + $" % {length + 2}", $"{x.SliceOperand()} & {length}");
        }

        int start = module.Random.Next(LowestStart, length);
        return (start.ToString(CultureInfo.InvariantCulture), $"{x.SliceOperand()} & {HighestMask(length - start)}");
    }

    /// <summary>A range's bounds, <c>a..^b</c> or <c>a..b</c> (either may be left out): within the span, or (where failure is allowed) ones that may not be.</summary>
    private (string From, string To) RangeBounds(int length)
    {
        if (method.AllowFailure && module.Chance(25))
        {
            return ($"({x.SliceOperand()} % {length + 2})", $"^({x.SliceOperand()} % {length + 2})");
        }

        int start = module.Random.Next(0, length + 1);
        string from = start == 0 && module.Chance(50) ? "" : start.ToString(CultureInfo.InvariantCulture);
        int back = module.Random.Next(0, length - start + 1);
        string to = module.Random.Next(3) switch
        {
            0 => "",
            1 => "^" + back.ToString(CultureInfo.InvariantCulture),
            _ => $"^({x.SliceOperand()} & {HighestMask(length - start)})",
        };
        return (from, to);
    }

    /// <summary>A constant Slice start or length of 0 makes the backend check <c>0 &gt; len</c> or <c>len &lt; 0</c>, which only <c>-Wextra</c> refuses.</summary>
    private int LowestStart => module.Features.HarnessStrictConstructs ? 0 : 1;

    /// <summary>The largest 2^k − 1 not above <paramref name="limit"/>, so <c>x &amp; mask</c> stays within it.</summary>
    private static int HighestMask(int limit)
    {
        int mask = 0;
        while ((mask << 1 | 1) <= limit)
        {
            mask = mask << 1 | 1;
        }

        return mask;
    }

    private void HelperCall()
    {
        CallGenerator calls = x.Calls;
        Helper? helper = module.PickOrDefault(module.Helpers.Where(calls.Callable));
        if (helper is null)
        {
            Assign();
            return;
        }

        string name = method.Fresh("r");
        switch (helper.Kind)
        {
            case HelperKind.ByReference:
                ByReferenceCall(helper, name);
                break;
            case HelperKind.ErrnoResult:
                ErrnoCall(helper, name);
                break;
            default:
                writer.Line($"{helper.Returns!.Name} {name} = {calls.Call(helper, 3)};");
                method.Scope.Add(new Variable(name, helper.Returns!));
                break;
        }
    }

    private void ByReferenceCall(Helper helper, string name)
    {
        var declared = new List<Variable>();
        var pinned = new HashSet<string>();
        bool possible = true;
        string call = x.Calls.Call(helper, 2, parameter =>
        {
            switch (parameter.Modifier)
            {
                case "ref":
                    // A variable, not an element: the index expression would run at a different time in C than the call's other arguments.
                    Place? place = module.PickOrDefault(method.Scope.Visible.Concat(method.WritesStatics ? module.Statics : []).SelectMany(Place.Of)
                        .Where(p => p.Writable && !p.Indexed && p.Kind == (IntegerKind)parameter.Type && pinned.Add(p.Template)));
                    possible &= place is not null;
                    return "ref " + (place?.Template ?? "_");
                case "out":
                    string output = method.Fresh("o");
                    declared.Add(new Variable(output, parameter.Type));
                    return $"out {parameter.Type.Name} {output}";
                default:
                    Variable? value = module.PickOrDefault(method.Scope.Visible.Concat(module.Statics).Where(v => v.Type == parameter.Type));
                    if (parameter.Type is IntegerKind kind && module.Features.ComputedInArguments && (value is null || module.Chance(40)))
                    {
                        return x.Int(kind, 1).Text;   // a value: C# makes a temporary for the in parameter
                    }

                    possible &= value is not null;
                    return "in " + (value?.Name ?? "_");
            }
        });
        if (!possible)
        {
            return;
        }

        writer.Line($"{helper.Returns!.Name} {name} = {call};");
        method.Scope.Add(new Variable(name, helper.Returns!));
        foreach (Variable variable in declared)
        {
            method.Scope.Add(variable);
        }
    }

    private void ErrnoCall(Helper helper, string name)
    {
        Place? total = module.PickOrDefault(method.Scope.Visible.Concat(method.WritesStatics ? module.Statics : []).SelectMany(Place.Of)
            .Where(p => p.Writable && !p.Indexed && p.Kind == IntegerKind.Long));
        if (total is null)
        {
            string fresh = method.Fresh("t");
            writer.Line($"long {fresh} = {x.Int(IntegerKind.Long, 1)};");
            method.Scope.Add(new Variable(fresh, IntegerKind.Long));
            total = new Place(fresh, IntegerKind.Long, true);
        }

        writer.Line($"Errno {name} = {x.Calls.Call(helper, 2, _ => "ref " + total.Template)};");
        if (method.ErrorReturn is { } errorReturn && module.Chance(70))
        {
            writer.Open($"if ({name} != Errno.None)");
            writer.Line(errorReturn(name));
            writer.Close();
        }

        writer.Line($"{method.Accumulator} = unchecked({method.Accumulator} * 31 + (long){name});");
    }

    private void Printf()
    {
        var arguments = new List<string>();
        var format = new System.Text.StringBuilder(method.Name.ToLowerInvariant() + ":");
        for (int i = module.Random.Next(1, 4); i > 0; i--)
        {
            IntegerKind kind = module.Pick([IntegerKind.Int, IntegerKind.UInt, IntegerKind.Long, IntegerKind.ULong]);
            format.Append(kind.Name switch { "int" => " %d", "uint" => " %u", "long" => " %ld", _ => " %lu" });
            arguments.Add(x.Int(kind, 1).Text);
        }

        writer.Line($"Kernel.Printf(\"{format}\\n\", {string.Join(", ", arguments)});");
    }

    private void EarlyReturn()
    {
        if (method.ErrorReturn is not { } errorReturn)
        {
            Compound();
            return;
        }

        writer.Open($"if ({x.Condition(1)})");
        writer.Line(errorReturn("Errno." + module.Pick(ErrorNames)));
        writer.Close();
    }

    /// <summary>Folds every integer place under <paramref name="variable"/> into the accumulator.</summary>
    public void Fold(Variable variable)
    {
        string accumulator = method.Accumulator;
        foreach (Place place in Place.Of(variable))
        {
            if (place.Indexed)
            {
                string element = method.Fresh("e");
                writer.Open($"foreach ({place.Kind.Name} {element} in {place.Template[..^3]})");
                writer.Line($"{accumulator} = unchecked({accumulator} * 31 + (long){element});");
                writer.Close();
            }
            else
            {
                writer.Line($"{accumulator} = unchecked({accumulator} * 31 + (long){place.Template});");
            }
        }
    }
}
