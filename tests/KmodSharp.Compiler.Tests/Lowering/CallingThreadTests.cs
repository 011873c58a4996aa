using System.Linq;
using KmodSharp.Compiler.Pipeline.Emit;
using KmodSharp.Compiler.Tests.Support;
using KmodSharp.Compiler.Tools.Simulation;
using Xunit;

namespace KmodSharp.Compiler.Tests.Lowering;

/// <summary>
/// Functions that need the calling thread take the syscall's <c>td</c> as their first parameter,
/// through every helper down to <c>priv_check(td, …)</c>; functions that don't keep their signature;
/// module hooks, which have no <c>td</c>, pass <c>curthread</c>. The harness's priv_check panics
/// unless it is given the running thread, and grants privileges by the caller's credential.
/// </summary>
public sealed class CallingThreadTests
{
    private const int EPERM = 1;

    private static readonly ModuleArtifacts Module = TestCompiler.Module("""
        using KmodSharp;

        [KernelHelper]
        public static class Guard
        {
            public static Errno Check() => Kernel.PrivCheck(Privilege.Module0);
        }

        [KernelModule("threads")]
        public static class Threads
        {
            private static int loadedPrivileged;

            [Syscall(Name = "thr_direct")]
            public static Errno Direct() => Kernel.PrivCheck(Privilege.Module0);

            [Syscall(Name = "thr_nested")]
            public static SyscallResult<int> Nested(int value)
            {
                if (!Allowed())
                {
                    return Errno.EPERM;
                }

                return Twice(value);
            }

            private static bool Allowed() => Guard.Check() == Errno.None;

            private static int Twice(int value) => value * 2;

            [Syscall(Name = "thr_who")]
            public static int Who(CallingThread thread) => Allowed() ? thread.ProcessId : -1;

            [Syscall(Name = "thr_made")]
            public static long Made()
            {
                CallingThread made = new CallingThread();
                return made.UserId;
            }

            [Syscall(Name = "thr_loaded")]
            public static int Loaded() => loadedPrivileged;

            [ModuleLoad]
            private static Errno Load()
            {
                loadedPrivileged = Allowed() ? 1 : 0;
                return Errno.None;
            }
        }
        """, "Threads.cs");

    [Fact]
    public void The_syscall_passes_td_down_every_function_that_needs_it()
    {
        string c = Module.CSource();

        Assert.Contains("threads_check(struct thread *td)\n{\n\treturn (priv_check(td, PRIV_MODULE0));", c);
        Assert.Contains("threads_allowed(struct thread *td)\n{\n\treturn (threads_check(td) == 0);", c);
        Assert.Contains("error = threads_direct(td);", c);
        // td first, then the argument block the handler reads value from (ArgumentsInPlace).
        Assert.Contains("threads_nested(struct thread *td, struct threads_thr_nested_args *uap,", c);
        Assert.Contains("error = threads_nested(td, uap, &value);", c);
        Assert.DoesNotContain("priv_check(curthread", c);
    }

    [Fact]
    public void A_function_that_does_not_need_the_thread_keeps_its_signature()
    {
        Assert.Contains("threads_twice(int value)", Module.CSource());
    }

    [Fact]
    public void A_CallingThread_parameter_is_the_thread_its_callees_get()
    {
        string c = Module.CSource();

        Assert.Contains("threads_who(struct thread *thread)\n{\n\treturn (threads_allowed(thread) ? thread->td_proc->p_pid : -1);", c);
        Assert.Contains("threads_who(td)", c);
    }

    [Fact]
    public void A_hook_runs_in_the_loading_thread_and_gets_curthread()
    {
        Assert.Contains("return (threads_load(curthread));", Module.CSource());

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("thr_loaded", [])]);

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(1L, report.Calls.Single().Retval);
    }

    [Theory]
    [InlineData(0u, false, 0)]
    [InlineData(1001u, false, EPERM)]
    [InlineData(0u, true, EPERM)]
    public void Root_passes_and_a_user_or_jailed_root_gets_EPERM_at_every_depth(uint uid, bool jailed, int errno)
    {
        SimulationReport report = HostSimulator.Run([Module],
            [new SimCall("thr_direct", []), new SimCall("thr_nested", ["21"]), new SimCall("thr_who", [])],
            new SimEnvironment(uid, jailed));

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(
            [(errno, errno == 0 ? 0L : -1L), (errno, errno == 0 ? 42L : -1L), (0, errno == 0 ? 1234L : -1L)],
            report.Calls.Select(c => (c.Error, c.Retval)));
    }

    [Fact]
    public void A_CallingThread_made_with_new_is_the_calling_thread()
    {
        Assert.Contains("made = td;", Module.CSource());

        SimulationReport report = HostSimulator.Run([Module], [new SimCall("thr_made", [])], new SimEnvironment(Uid: 1001));

        Assert.True(report.Clean, report.Stderr);
        Assert.Equal(1001L, report.Calls.Single().Retval);
    }
}
