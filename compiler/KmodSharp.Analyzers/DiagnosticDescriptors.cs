using Microsoft.CodeAnalysis;

namespace KmodSharp.Analyzers;

/// <summary>Every descriptor, one place; each help link points at <c>docs/diagnostics/&lt;ID&gt;.md</c>.</summary>
/// <remarks>
/// Messages whose last argument is <c>{n}</c> "chain" get either an empty string or
/// <c>" (reached from a → b → c)"</c> when the culprit is a helper reached through the call graph.
/// </remarks>
public static class DiagnosticDescriptors
{
    /// <summary>The base of every help link.</summary>
    public const string HelpBase = "https://github.com/kmodsharp/kmodsharp/blob/main/docs/diagnostics/";

    /// <summary>The help link of a KmodSharp diagnostic id, the same as its descriptor's.</summary>
    public static string HelpLink(string id) => HelpBase + id + ".md";

    public static readonly DiagnosticDescriptor GcAllocation = Create(
        DiagnosticIds.GcAllocation,
        "Kernel code cannot allocate on the GC heap",
        "{0} allocates on the GC heap, which does not exist in the kernel{1}; use a struct, a stackalloc span or kernel memory",
        DiagnosticCategories.ManagedRuntime);

    public static readonly DiagnosticDescriptor Exception = Create(
        DiagnosticIds.Exception,
        "Kernel code cannot use exceptions",
        "{0} is not allowed: the kernel has no exception unwinding{1}; return an Errno instead",
        DiagnosticCategories.ManagedRuntime);

    public static readonly DiagnosticDescriptor ManagedType = Create(
        DiagnosticIds.ManagedType,
        "Kernel code cannot use managed types",
        "{0} has managed type '{1}', which needs the GC{2}; use an unmanaged struct, an integer, a Span<byte> or a UserString",
        DiagnosticCategories.ManagedRuntime);

    public static readonly DiagnosticDescriptor FloatingPoint = Create(
        DiagnosticIds.FloatingPoint,
        "Kernel code cannot use floating point",
        "{0} uses floating point ('{1}'); the kernel is built with -msoft-float -mno-sse and does not save FPU state{2}; use integer or fixed-point arithmetic",
        DiagnosticCategories.ManagedRuntime);

    public static readonly DiagnosticDescriptor UntranslatableCall = Create(
        DiagnosticIds.UntranslatableCall,
        "Call to a member that cannot be translated to kernel C",
        "'{0}' cannot be translated to kernel C: {1}{2}; use the KmodSharp runtime API, a Span member or a static method of the module or a [KernelHelper] class",
        DiagnosticCategories.Calls);

    public static readonly DiagnosticDescriptor Recursion = Create(
        DiagnosticIds.Recursion,
        "Kernel code cannot recurse",
        "Recursive call cycle {0}: the kernel stack is 16 KiB and recursion depth cannot be bounded; use a loop",
        DiagnosticCategories.Calls,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor StackBudget = Create(
        DiagnosticIds.StackBudget,
        "Kernel stack budget exceeded",
        "'{0}' may use about {1} bytes of kernel stack along {2}, over the budget of {3} bytes (the whole kernel stack is 16 KiB); the largest item of the heaviest frame is {4} in '{5}' ({6} bytes): move large buffers to Kernel.Allocate or raise kmodsharp.stack_budget",
        DiagnosticCategories.Calls,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor NonConstantStackAlloc = Create(
        DiagnosticIds.NonConstantStackAlloc,
        "stackalloc size must be a compile-time constant",
        "The size of this stackalloc is not a compile-time constant{0}; the kernel stack is 16 KiB, so use a constant maximum and Slice it, or Kernel.Allocate",
        DiagnosticCategories.Calls);

    public static readonly DiagnosticDescriptor RawPointerParameter = Create(
        DiagnosticIds.RawPointerParameter,
        "Syscall parameters must not be raw pointers",
        "Parameter '{0}' of syscall '{1}' is a raw pointer '{2}'; a user address dereferenced by the kernel is a fatal trap, declare it as {3}",
        DiagnosticCategories.UserMemory);

    public static readonly DiagnosticDescriptor IgnoredCopyResult = Create(
        DiagnosticIds.IgnoredCopyResult,
        "The result of a user-memory access must be checked",
        "The result of {0} is ignored{1}; a bad user address makes it fail (EFAULT / -1), check it and return the error",
        DiagnosticCategories.UserMemory);

    public static readonly DiagnosticDescriptor LostError = Create(
        DiagnosticIds.LostError,
        "An error is overwritten before it is checked",
        "The error of {1} stored in '{0}' is lost: no path reads '{0}' before it is overwritten or the method ends{2}; check it first (if ({0} != Errno.None) return {0};)",
        DiagnosticCategories.UserMemory);

    public static readonly DiagnosticDescriptor DoubleFetch = Create(
        DiagnosticIds.DoubleFetch,
        "User memory fetched twice",
        "'{0}' is fetched from user memory again{1} after {2} on this path{3}; another thread can change it between the fetches (TOCTOU), so copy it in once and use the kernel copy, validate the second copy again before using it, or suppress with #pragma warning disable KMS0202 when intended",
        DiagnosticCategories.UserMemory,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SkipLocalsInit = Create(
        DiagnosticIds.SkipLocalsInit,
        "[SkipLocalsInit] is not allowed on kernel code",
        "[SkipLocalsInit] on {0} leaves stack memory uninitialised, which can leak kernel data to user space; remove it",
        DiagnosticCategories.UserMemory);

    public static readonly DiagnosticDescriptor UnboundedUserLength = Create(
        DiagnosticIds.UnboundedUserLength,
        "User-controlled length is not bounded",
        "User-controlled value {0} reaches {1} with {2}{3}; compare it against constants (or a Length) on both ends first, e.g. 'if (n < 0 || n > Max) return Errno.EINVAL;'",
        DiagnosticCategories.UserMemory);

    public static readonly DiagnosticDescriptor UserLoopUnderMutex = Create(
        DiagnosticIds.UserLoopUnderMutex,
        "User-controlled loop bound while a mutex is held",
        "User-controlled value {0} reaches {1} with {2} while the mutex '{3}' is held{4}; a user can keep the lock held for as long as the loop runs, so compare it against a constant before locking",
        DiagnosticCategories.KernelContext,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SleepUnderMutex = Create(
        DiagnosticIds.SleepUnderMutex,
        "Sleeping while a mutex is held",
        "{0} may sleep while the mutex '{1}' is held{2}; sleeping under an MTX_DEF mutex is illegal, so do it before locking, use MallocFlags.NoWait, or use a KernelSxLock",
        DiagnosticCategories.KernelContext);

    public static readonly DiagnosticDescriptor ResourceNotReleased = Create(
        DiagnosticIds.ResourceNotReleased,
        "Kernel resource not released on every path",
        "The {0} returned by '{1}' is not in a 'using'{2}; it would leak (or stay locked) on some path, so declare it with 'using'",
        DiagnosticCategories.KernelContext);

    public static readonly DiagnosticDescriptor RecursiveLock = Create(
        DiagnosticIds.RecursiveLock,
        "A non-recursive lock is taken while already held",
        "{0} the {1} '{2}'{3} while this thread already holds it: {4}{5}; take it once (lock in the caller and let the helper rely on it) or release it before",
        DiagnosticCategories.KernelContext);

    public static readonly DiagnosticDescriptor LockOrderReversal = Create(
        DiagnosticIds.LockOrderReversal,
        "Two locks are taken in opposite orders (lock order reversal)",
        "{0} '{1}' while '{2}' is held, but '{3}' takes '{2}' while '{1}' is held ({4}){5}; two threads taking them in opposite orders deadlock and WITNESS reports a lock order reversal, so take them in one order everywhere",
        DiagnosticCategories.KernelContext,
        DiagnosticSeverity.Warning,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor PrintfMismatch = Create(
        DiagnosticIds.PrintfMismatch,
        "Kernel.Printf format does not match its arguments",
        "Printf format: {0}{1}",
        DiagnosticCategories.KernelContext);

    public static readonly DiagnosticDescriptor PrintfFormatNotLiteral = Create(
        DiagnosticIds.PrintfFormatNotLiteral,
        "Kernel.Printf format must be a string literal",
        "The format of Kernel.Printf must be a string literal ({0}){1}; write the values as arguments with % conversions",
        DiagnosticCategories.KernelContext);

    public static readonly DiagnosticDescriptor SyscallOutsideModule = Create(
        DiagnosticIds.SyscallOutsideModule,
        "Module hook outside a [KernelModule] class",
        "'{0}' is marked [{1}] but its class '{2}' has no [KernelModule]; move it into the module class",
        DiagnosticCategories.Module,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor ModuleNotStatic = Create(
        DiagnosticIds.ModuleNotStatic,
        "Kernel module and helper classes must be static",
        "Class '{0}' is marked [{1}] but is not static; kernel code has no instances, make it 'static'",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor MissingModule = Create(
        DiagnosticIds.MissingModule,
        "No [KernelModule] class",
        "'{0}' is a syscall but the compilation has no [KernelModule] class; add [KernelModule(\"name\")] to a static class holding the syscalls",
        DiagnosticCategories.Module,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor DuplicateName = Create(
        DiagnosticIds.DuplicateName,
        "Duplicate syscall or module",
        "{0} '{1}' is already used by '{2}'; each must be unique",
        DiagnosticCategories.Module,
        compilationEnd: true);

    public static readonly DiagnosticDescriptor TooManyArguments = Create(
        DiagnosticIds.TooManyArguments,
        "Syscall has more than 8 arguments",
        "Syscall '{0}' has {1} argument slots; amd64 copies at most 8 into td_sa.args[8], so pass the rest in a struct through a UserPtr<T>",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor InvalidName = Create(
        DiagnosticIds.InvalidName,
        "Invalid module or syscall name",
        "The {0} name '{1}' is invalid: {2}; it becomes a C identifier and 'sys/<name>', so use [a-z_][a-z0-9_]*, at most 32 characters, not a C keyword",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor FixedSyscallNumber = Create(
        DiagnosticIds.FixedSyscallNumber,
        "Fixed syscall number a loadable module cannot register",
        "Syscall '{0}' asks for number {1}: {2}; omit Number to get a dynamic slot, or build in-tree (kmodsharp build --in-tree)",
        DiagnosticCategories.Module,
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
        DiagnosticIds.UnsupportedParameterType,
        "Unsupported syscall parameter type",
        "Parameter '{0}' of syscall '{1}' has type '{2}', which is not a syscall argument type; use an integer type, an enum, bool, UserPtr<T> (of a T with a kernel type), UserString or CallingThread",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        DiagnosticIds.UnsupportedReturnType,
        "Unsupported syscall return type",
        "Syscall '{0}' returns '{1}'; return void, an integer, an enum, bool, Errno, SyscallResult<integer> or (long, long)",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor TooManyDynamicSyscalls = Create(
        DiagnosticIds.TooManyDynamicSyscalls,
        "More dynamic syscalls than the kernel has free slots",
        "Module class '{0}' declares {1} syscalls without a Number, but the kernel has only 10 slots (210–219) for dynamically registered syscalls; the module would fail to load with ENFILE (kldload reports ENOEXEC); split it or build in-tree",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor TooManyPairArguments = Create(
        DiagnosticIds.TooManyPairArguments,
        "Two-value syscall has more than 6 arguments",
        "Syscall '{0}' returns two values and has {1} argument slots; amd64 passes 6 in registers and the rest on the stack, which the generated userland call does not set up, so pass the rest in a struct through a UserPtr<T>",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor InvalidSysctlValidator = Create(
        DiagnosticIds.InvalidSysctlValidator,
        "Invalid sysctl validator",
        "[Sysctl] field '{0}' names the validator '{1}', which must be 'static bool {1}({2} value)' of the module class and needs Writable = true: {3}",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor InvalidModuleHook = Create(
        DiagnosticIds.InvalidModuleHook,
        "Invalid module event hook",
        "[{0}] method '{1}' must be declared 'static Errno {1}()' without parameters or type parameters",
        DiagnosticCategories.Module);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        DiagnosticIds.UnsupportedConstruct,
        "Construct not supported by the kernel translator",
        "{0} is not supported in kernel code{1}",
        DiagnosticCategories.Backend);

    // Diagnostics that only a whole-compilation view can find carry the CompilationEnd tag, so IDEs know
    // they appear with full-solution analysis or a build rather than while typing.
    private static DiagnosticDescriptor Create(string id, string title, string message, string category,
        DiagnosticSeverity severity = DiagnosticSeverity.Error, bool compilationEnd = false) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id),
            customTags: compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : new string[0]);
}
