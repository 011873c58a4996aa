using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.EndToEnd;

/// <summary>Module state, locks, sysctls and SDT probes (examples/Counter) in the host harness.</summary>
public sealed class ModuleStateTests
{
    [Fact]
    public void Counter_keeps_state_between_calls_under_its_mutex_and_exports_sysctls()
    {
        ModuleArtifacts module = TestCompiler.Example("Counter");
        SimulationReport report = HostSimulator.Run([module],
        [
            new SimLoadStep("counter"),
            new SimCall("counter_add", ["5"]),
            new SimCall("counter_add", ["7"]),
            new SimCall("counter_add", ["-20"]),
        ]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        Assert.Equal([5L, 12L, -8L], report.Calls.Select(c => c.Retval));
        Assert.Contains(report.Sysctls, s => s.Name == "kern.counter.total" && s.Value == "-8");
        Assert.Contains(report.Sysctls, s => s.Name == "kern.counter.calls" && s.Value == "3");
    }

    [Fact]
    public void Counter_initialises_its_lock_before_the_syscall_and_probes_entry_and_return()
    {
        string c = TestCompiler.Unwrapped(TestCompiler.Example("Counter").CSource());

        Assert.Contains("MTX_SYSINIT(counter_total_lock, &counter_total_lock, \"counter totalLock\", MTX_DEF);", c);
        Assert.Contains("SDT_PROBE_DEFINE1(kmodsharp, counter, counter_add, entry, \"int\");", c);
        Assert.Contains("SDT_PROBE1(kmodsharp, counter, counter_add, entry, uap->value);", c);
        Assert.Contains("SYSCTL_S64(_kern_counter, OID_AUTO, total, CTLFLAG_RD | CTLFLAG_MPSAFE, &counter_total, 0, \"sum of every value added\");", c);
    }

    [Fact]
    public void Entry_probes_carry_each_arguments_C_type()
    {
        string c = TestCompiler.Unwrapped(TestCompiler.Example("UserMemory").CSource());

        Assert.Contains("SDT_PROBE_DEFINE2(kmodsharp, usermem, usermem_multiply, entry, \"struct request *\", \"struct reply *\");", c);
        Assert.Contains("SDT_PROBE_DEFINE1(kmodsharp, usermem, usermem_strlen, entry, \"const char *\");", c);
        Assert.Contains("SDT_PROBE_DEFINE2(kmodsharp, usermem, usermem_strlen, return, \"int\", \"register_t\");", c);
    }

    [Fact]
    public void A_using_scope_releases_the_lock_and_the_buffer_on_every_exit()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using System;
            using KmodSharp;

            [KernelModule("paths")]
            public static class Paths
            {
                private static KernelMutex gate;
                private static int hits;

                [Syscall(Name = "paths_run")]
                public static SyscallResult<int> Run(int mode, int divisor)
                {
                    using KernelBuffer<int> scratch = Kernel.Allocate<int>(4, MallocFlags.WaitOk | MallocFlags.Zero);
                    for (int i = 0; i < 4; i++)
                    {
                        scratch.Span[i] = i * mode;
                        if (mode == 2)
                        {
                            break;
                        }
                    }

                    using (gate.Lock())
                    {
                        hits++;
                        if (mode == 1)
                        {
                            return Errno.EINVAL;
                        }

                        if (mode == 3)
                        {
                            return scratch.Span[mode + 1];
                        }

                        return 1000 / divisor + scratch.Span[1] + hits;
                    }
                }
            }
            """, "Paths.cs");

        SimulationReport report = HostSimulator.Run([module],
        [
            new SimCall("paths_run", ["0", "10"]),
            new SimCall("paths_run", ["1", "10"]),
            new SimCall("paths_run", ["2", "10"]),
            new SimCall("paths_run", ["3", "10"]),
            new SimCall("paths_run", ["0", "0"]),
            new SimCall("paths_run", ["5", "10"]),
        ]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        Assert.Equal(0, report.Leaks);
        Assert.Equal([(0, 101L), (22, -1L), (0, 103L), (22, -1L), (33, -1L), (0, 111L)], report.Calls.Select(c => (c.Error, c.Retval)));
    }

    [Fact]
    public void Atomics_translate_to_atomic9_with_CSharp_results()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using KmodSharp;

            [KernelModule("atomics")]
            public static class Atomics
            {
                private static int hits;
                private static long bytes;

                [Syscall(Name = "atomics_hit")]
                public static long Hit(int size)
                {
                    int before = Atomic.FetchAdd(ref hits, 1);
                    Atomic.Add(ref bytes, size);
                    bool swapped = Atomic.CompareAndSet(ref hits, before + 1, 100);
                    return swapped ? Atomic.Load(ref bytes) : -Atomic.Load(ref hits);
                }
            }
            """, "Atomics.cs");

        SimulationReport report = HostSimulator.Run([module], [new SimCall("atomics_hit", ["5"]), new SimCall("atomics_hit", ["-7"])]);

        Assert.True(report.Clean, report.Stderr + string.Join("; ", report.Violations));
        Assert.Equal([5L, -2L], report.Calls.Select(c => c.Retval));
        Assert.Contains("atomic_fetchadd_int((volatile u_int *)&atomics_hits, (u_int)1)", TestCompiler.Unwrapped(module.CSource()));
    }

    [Fact]
    public void Structs_carry_static_asserts_that_C_lays_them_out_as_CSharp_does()
    {
        ModuleArtifacts module = TestCompiler.Module("""
            using System.Runtime.InteropServices;
            using KmodSharp;

            [StructLayout(LayoutKind.Explicit, Size = 24)]
            public struct Shared
            {
                [FieldOffset(0)] public int Kind;
                [FieldOffset(8)] public long Value;
                [FieldOffset(16)] public int Count;
            }

            [KernelModule("layouts")]
            public static class Layouts
            {
                [Syscall(Name = "layouts_sum")]
                public static long Sum(int count)
                {
                    var shared = new Shared { Kind = 3, Value = -10, Count = count };
                    return shared.Kind + shared.Value + shared.Count;
                }
            }
            """, "Layouts.cs");

        SimulationReport report = HostSimulator.Run([module], [new SimCall("layouts_sum", ["7"])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(0L, report.Calls.Single().Retval);
        string c = module.CSource();
        Assert.Contains("uint8_t kms_pad0[4];", c);
        Assert.Contains("_Static_assert(sizeof(struct shared) == 24,", c);
        Assert.Contains("_Static_assert(__offsetof(struct shared, value) == 8,", c);
    }
}
