// The members are the kernel's own names; their meaning is in errno(2) and priv(9).
#pragma warning disable CS1591

namespace KmodSharp;

/// <summary>
/// Kernel privileges checked by <see cref="Kernel.PrivCheck(Privilege)"/> (<c>sys/sys/priv.h</c>).
/// <c>PRIV_ROOT</c> does not exist in FreeBSD; third-party modules use <see cref="Module0"/>..<see cref="Module15"/>.
/// </summary>
public enum Privilege
{
    [CName("PRIV_ACCT")] Acct = 2,
    [CName("PRIV_MAXFILES")] MaxFiles = 3,
    [CName("PRIV_KTRACE")] Ktrace = 5,
    [CName("PRIV_REBOOT")] Reboot = 8,
    [CName("PRIV_IO")] Io = 12,
    [CName("PRIV_DRIVER")] Driver = 14,
    [CName("PRIV_CLOCK_SETTIME")] ClockSetTime = 17,
    [CName("PRIV_SETTIMEOFDAY")] SetTimeOfDay = 18,
    [CName("PRIV_AUDIT_CONTROL")] AuditControl = 40,
    [CName("PRIV_CRED_SETUID")] CredSetUid = 50,
    [CName("PRIV_SEEOTHERUIDS")] SeeOtherUids = 60,
    [CName("PRIV_DEBUG_DIFFCRED")] DebugDiffCred = 80,
    [CName("PRIV_DTRACE_KERNEL")] DtraceKernel = 90,
    [CName("PRIV_JAIL_ATTACH")] JailAttach = 110,
    [CName("PRIV_KENV_SET")] KenvSet = 120,
    [CName("PRIV_KLD_LOAD")] KldLoad = 130,
    [CName("PRIV_KLD_UNLOAD")] KldUnload = 131,
    [CName("PRIV_PROC_LIMIT")] ProcLimit = 160,
    [CName("PRIV_SCHED_SETPRIORITY")] SchedSetPriority = 201,
    [CName("PRIV_SIGNAL_DIFFCRED")] SignalDiffCred = 230,
    [CName("PRIV_SYSCTL_WRITE")] SysctlWrite = 241,
    [CName("PRIV_VFS_ADMIN")] VfsAdmin = 312,
    [CName("PRIV_VFS_MOUNT")] VfsMount = 333,
    [CName("PRIV_VM_MLOCK")] VmMlock = 361,
    [CName("PRIV_NET_RAW")] NetRaw = 395,
    [CName("PRIV_NET_IFCREATE")] NetIfCreate = 411,
    [CName("PRIV_NETINET_RAW")] NetinetRaw = 497,
    [CName("PRIV_MODULE0")] Module0 = 600,
    [CName("PRIV_MODULE1")] Module1 = 601,
    [CName("PRIV_MODULE2")] Module2 = 602,
    [CName("PRIV_MODULE3")] Module3 = 603,
    [CName("PRIV_MODULE4")] Module4 = 604,
    [CName("PRIV_MODULE5")] Module5 = 605,
    [CName("PRIV_MODULE6")] Module6 = 606,
    [CName("PRIV_MODULE7")] Module7 = 607,
    [CName("PRIV_MODULE8")] Module8 = 608,
    [CName("PRIV_MODULE9")] Module9 = 609,
    [CName("PRIV_MODULE10")] Module10 = 610,
    [CName("PRIV_MODULE11")] Module11 = 611,
    [CName("PRIV_MODULE12")] Module12 = 612,
    [CName("PRIV_MODULE13")] Module13 = 613,
    [CName("PRIV_MODULE14")] Module14 = 614,
    [CName("PRIV_MODULE15")] Module15 = 615,
    [CName("PRIV_CPUCTL_WRMSR")] CpuctlWrmsr = 640,
    [CName("PRIV_KMEM_READ")] KmemRead = 680,
    [CName("PRIV_KMEM_WRITE")] KmemWrite = 681,
}
