using KmodSharp.Compiler.Pipeline.CTree;
using KmodSharp.Compiler.Pipeline.Model;
using Microsoft.CodeAnalysis;

namespace KmodSharp.Compiler.Pipeline.Lowering;

// The calling thread's process and credential, read as FreeBSD's own syscalls read them:
//   thread.RealUserId           td->td_ucred->cr_ruid
//   thread.ParentProcessId      td->td_proc->p_oppid            (kern_getppid: no lock, not p_pptr)
//   thread.Groups[i]            if ((size_t)i >= (size_t)td->td_ucred->cr_ngroups) return (EINVAL); td->td_ucred->cr_groups[i]
// The thread holds its credential for the whole syscall, so a span over cr_groups stays valid.
internal sealed partial class FunctionLowering
{
    /// <summary>A <c>CallingThread</c> property other than <c>Groups</c> (a span, <see cref="CredentialGroups"/>), or null.</summary>
    private CExpr? CallingThreadMember(string name, IOperation thread)
    {
        CExpr td = Value(thread);
        CExpr Credential(string field) => new CMember(new CMember(td, "td_ucred", Arrow: true), field, Arrow: true);
        CExpr Process(string field) => new CMember(new CMember(td, "td_proc", Arrow: true), field, Arrow: true);
        return name switch
        {
            "ProcessId" => Process("p_pid"),
            "ParentProcessId" => Process("p_oppid"),
            "UserId" => Credential("cr_uid"),
            "RealUserId" => Credential("cr_ruid"),
            "SavedUserId" => Credential("cr_svuid"),
            // A field in 15; in 13 a macro for cr_groups[0]: the same C means the effective gid in both.
            "GroupId" => Credential("cr_gid"),
            "RealGroupId" => Credential("cr_rgid"),
            "SavedGroupId" => Credential("cr_svgid"),
            "IsJailed" => new CCall("jailed", new CMember(td, "td_ucred", Arrow: true)),
            "InCapabilityMode" => new CCall("IN_CAPABILITY_MODE", td),
            _ => null,
        };
    }

    /// <summary><c>thread.Groups</c>: the credential's group array and count, what <c>getgroups(2)</c> copies out.</summary>
    private SpanValue CredentialGroups(IOperation thread)
    {
        var credential = new CMember(Value(thread), "td_ucred", Arrow: true);
        return new SpanValue(new CMember(credential, "cr_groups", Arrow: true),
            new CCast(CNamedType.SizeT, new CMember(credential, "cr_ngroups", Arrow: true)), KInteger.UInt32);
    }
}
