using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>priv_check(9): root holds every privilege, anyone else none, and a jail denies the module privileges even to root.</summary>
public sealed class PrivilegeTests
{
    [Theory]
    [InlineData(Privilege.Module0)]
    [InlineData(Privilege.KldLoad)]
    [InlineData(Privilege.Io)]
    public void Root_holds_the_privilege(Privilege privilege)
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Equal(Errno.None, Kernel.PrivCheck(privilege));
    }

    [Theory]
    [InlineData(Privilege.Module0)]
    [InlineData(Privilege.KldLoad)]
    public void A_non_root_user_gets_EPERM(Privilege privilege)
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Credential = Credential.User;

        Assert.Equal(Errno.EPERM, Kernel.PrivCheck(privilege));
    }

    [Theory]
    [InlineData(Privilege.Module0)]
    [InlineData(Privilege.Module15)]
    [InlineData(Privilege.KldLoad)]
    public void Jailed_root_gets_EPERM(Privilege privilege)
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Credential = new Credential(0, Jailed: true, CapabilityMode: false);

        Assert.Equal(Errno.EPERM, Kernel.PrivCheck(privilege));
    }

    [Fact]
    public void The_calling_thread_shows_the_credential()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Credential = new Credential(1001, Jailed: true, CapabilityMode: true);
        scope.Kernel.ProcessId = 77;
        CallingThread thread = default;

        Assert.Equal(1001u, thread.UserId);
        Assert.True(thread.IsJailed);
        Assert.True(thread.InCapabilityMode);
        Assert.Equal(77, thread.ProcessId);
    }

    [Fact]
    public void Each_scope_starts_as_root_and_restores_the_previous_kernel()
    {
        using var outer = SimulatedKernel.Enter();
        outer.Kernel.Credential = Credential.User;
        using (var inner = SimulatedKernel.Enter())
        {
            Assert.Same(inner.Kernel, SimulatedKernel.Current);
            Assert.Equal(Errno.None, Kernel.PrivCheck(Privilege.Module0));
        }

        Assert.Same(outer.Kernel, SimulatedKernel.Current);
        Assert.Equal(Errno.EPERM, Kernel.PrivCheck(Privilege.Module0));
    }

    [Fact]
    public void Without_a_privilege_it_checks_PRIV_MODULE0()
    {
        using var scope = SimulatedKernel.Enter();
        Assert.Equal(Errno.None, Kernel.PrivCheck());

        scope.Kernel.Credential = Credential.User;
        Assert.Equal(Errno.EPERM, Kernel.PrivCheck());

        scope.Kernel.Credential = new Credential(0, Jailed: true, CapabilityMode: false);
        Assert.Equal(Errno.EPERM, Kernel.PrivCheck());
    }
}
