using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

public sealed class NamingTests : TestBase
{
    [Theory]
    [InlineData("TestThread", "TestThread")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ABCDEFGHI~VWXYZ")]
    [InlineData("线程线程线程线程线程", "线程~线程")]
    public void On_Linux_the_OS_thread_name_is_the_name_or_its_start_and_end_in_15_bytes(string name, string expected)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/proc is Linux's.");
        byte[]? comm = null;
        var worker = NamedWorker.Create(name, () =>
        {
            var tid = NamedWorker.Current!.NativeThreadId;
            comm = File.ReadAllBytes($"/proc/self/task/{tid}/comm");
        });

        worker.Start();
        Join(worker);

        comm.Should().Equal(Encoding.UTF8.GetBytes(expected + "\n"), "whole characters, the start and the distinguishing end");
        worker.Name.Should().Be(name, "the managed name stays whole");
    }

    [Fact]
    public void A_name_with_a_NUL_character_is_rejected()
    {
        var act = () => NamedWorker.Create("bad\0name", static () => { });

        act.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*NUL*");
    }
}
