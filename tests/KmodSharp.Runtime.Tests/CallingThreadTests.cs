using System;
using KmodSharp.Simulation;
using Xunit;

namespace KmodSharp.Runtime.Tests;

/// <summary>The calling thread's ids, groups, parent and name in the managed simulation, and strlcpy's meaning for the name.</summary>
public sealed class CallingThreadTests
{
    [Fact]
    public void Every_id_defaults_to_the_uid_as_kmodsim_sets_them()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Credential = new Credential(Uid: 1001, Jailed: false, CapabilityMode: false);
        CallingThread caller = default;

        Assert.Equal([1001u, 1001u, 1001u, 1001u, 1001u, 1001u], new[] { caller.UserId, caller.RealUserId, caller.SavedUserId, caller.GroupId, caller.RealGroupId, caller.SavedGroupId });
        Assert.Equal([1001u], caller.Groups.ToArray());
        Assert.Equal(1, caller.ParentProcessId);
    }

    [Fact]
    public void A_setuid_credential_shows_each_id_apart()
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.Credential = new Credential(0, false, false) { RealUid = 7, SavedUid = 8, Gid = 9, RealGid = 10, SavedGid = 11, Groups = [3, 2, 1] };
        scope.Kernel.ParentProcessId = 55;
        var caller = new CallingThread();

        Assert.Equal((0u, 7u, 8u, 9u, 10u, 11u), (caller.UserId, caller.RealUserId, caller.SavedUserId, caller.GroupId, caller.RealGroupId, caller.SavedGroupId));
        Assert.Equal([3u, 2u, 1u], caller.Groups.ToArray());
        Assert.Equal(2u, caller.Groups[1]);
        Assert.Equal(55, caller.ParentProcessId);
        Assert.Throws<IndexOutOfRangeException>(() => caller.Groups[3]);
    }

    [Fact]
    public void Credentials_with_the_same_groups_are_equal()
    {
        Assert.Equal(new Credential(5, false, false) { Groups = [1, 2] }, new Credential(5, false, false) { Groups = [1, 2] });
        Assert.NotEqual(new Credential(5, false, false) { Groups = [1, 2] }, new Credential(5, false, false) { Groups = [2, 1] });
    }

    [Theory]
    [InlineData(24, "sshd\0!!!!!!!!!!!!!!!!!!!")]
    [InlineData(5, "sshd\0")]
    [InlineData(4, "ssh\0")]
    [InlineData(1, "\0")]
    [InlineData(0, "")]
    public void The_name_is_cut_to_fit_with_its_nul_and_its_full_length_returned(int size, string expected)
    {
        using var scope = SimulatedKernel.Enter();
        scope.Kernel.ProcessName = "sshd";
        Span<byte> buffer = stackalloc byte[24];
        buffer.Fill((byte)'!');

        int length = new CallingThread().CopyProcessName(buffer[..size]);

        Assert.Equal(4, length);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(buffer[..size]));
    }

    [Theory]
    [InlineData("twenty-characters-xx")]
    [InlineData("nul\0inside")]
    [InlineData("caf\u00e9")]
    public void A_name_p_comm_cannot_hold_is_refused(string name)
    {
        using var scope = SimulatedKernel.Enter();

        Assert.Throws<ArgumentException>(() => scope.Kernel.ProcessName = name);
        Assert.Equal("kmodsim", scope.Kernel.ProcessName);
    }
}
