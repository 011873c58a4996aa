namespace KmodSharp.Differential.Generator.Generation;

/// <summary>
/// Reads of the read-only kernel API at the top of a syscall (<see cref="GeneratorFeatures.KernelReads"/>):
/// the calling thread's ids, groups, parent and name, the clocks and arc4random, each into a local the
/// checksum folds. Every one is deterministic in both worlds (kmodsim and the simulation share their
/// defaults; the random stream starts over with each call).
/// </summary>
public sealed class KernelReadsGenerator(ModuleContext module, MethodContext method, CodeWriter writer)
{
    private static readonly string[] Ids = ["UserId", "RealUserId", "SavedUserId", "GroupId", "RealGroupId", "SavedGroupId"];

    /// <summary>Writes one to three reads through the <c>CallingThread</c> parameter <paramref name="thread"/>.</summary>
    public void Write(string thread)
    {
        for (int i = module.Random.Next(1, 4); i > 0; i--)
        {
            string local = method.Fresh("kr");
            switch (module.Random.Next(8))
            {
                case 0:
                    Declare(IntegerKind.UInt, local, $"{thread}.{module.Pick(Ids)}");
                    break;
                case 1:
                    Declare(IntegerKind.Int, local, $"{thread}.ParentProcessId + {thread}.ProcessId");
                    break;
                case 2:
                    // An index past the set fails as .NET throws (EINVAL) where the method may fail.
                    string index = method.ErrorReturn is not null && module.Chance(30) ? "1" : "0";
                    Declare(IntegerKind.Long, local, $"{thread}.Groups.Length > {index} ? (long){thread}.Groups[{index}] : -{thread}.Groups.Length");
                    break;
                case 3:
                    string name = method.Fresh("kn");
                    writer.Line($"Span<byte> {name} = stackalloc byte[{module.Pick([1, 4, 8, 20])}];");
                    Declare(IntegerKind.Int, local, $"{thread}.CopyProcessName({name}) * 256 + {name}[0]");
                    break;
                case 4:
                    string nanoseconds = method.Fresh("kns");
                    writer.Line(module.Chance(50)
                        ? $"KernelClock.GetNanoTime(out long {local}, out long {nanoseconds});"
                        : $"KernelClock.NanoTime(seconds: out long {local}, nanoseconds: out long {nanoseconds});");
                    method.Scope.Add(new Variable(local, IntegerKind.Long));
                    method.Scope.Add(new Variable(nanoseconds, IntegerKind.Long));
                    break;
                case 5:
                    writer.Line($"KernelClock.GetMicroUptime(out _, out long {local});");
                    method.Scope.Add(new Variable(local, IntegerKind.Long));
                    break;
                case 6:
                    Declare(IntegerKind.Long, local, "KernelClock.TimeSecond + KernelClock.Ticks");
                    break;
                default:
                    string bytes = method.Fresh("kb");
                    writer.Line($"Span<byte> {bytes} = stackalloc byte[{module.Pick([3, 8, 13])}];");
                    writer.Line($"KernelClock.RandomBytes({bytes});");
                    Declare(IntegerKind.UInt, local, $"KernelClock.Random() ^ {bytes}[2]");
                    break;
            }
        }
    }

    private void Declare(IntegerKind kind, string local, string value)
    {
        writer.Line($"{kind.Name} {local} = {value};");
        method.Scope.Add(new Variable(local, kind));
    }
}
