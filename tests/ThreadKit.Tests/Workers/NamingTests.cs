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
    [InlineData("TestThread")]
    [InlineData("   ")]
    [InlineData("线程名称-数据库连接池-工作者")]
    [InlineData("worker 🧵🧵🧵 with emoji")]
    public void Explicit_name_is_kept_whole(string name)
    {
        var worker = NamedWorker.Create(name, static () => { });

        worker.Name.Should().Be(name);
    }

    [Fact]
    public void A_very_long_name_is_kept_whole_on_the_worker_and_its_thread()
    {
        var name = new string('n', 100_000);
        string? seenByThread = null;
        var worker = NamedWorker.Create(name, () => seenByThread = Thread.CurrentThread.Name);

        worker.Start();
        Join(worker);

        worker.Name.Should().Be(name);
        seenByThread.Should().Be(name);
    }

    [Fact]
    public void The_name_is_set_on_the_thread_and_seen_by_CurrentThreadName()
    {
        string? threadName = null, currentName = null;
        var worker = NamedWorker.Create("Named Thread", () =>
        {
            threadName = Thread.CurrentThread.Name;
            currentName = NamedWorker.CurrentThreadName;
        });

        worker.Start();
        Join(worker);

        threadName.Should().Be("Named Thread");
        currentName.Should().Be("Named Thread");
    }

    [Theory]
    [InlineData("TestThread")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ")]
    [InlineData("线程线程线程线程线程")]
    public void On_Linux_the_OS_thread_name_is_the_first_15_bytes_of_the_name(string name)
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

        var expected = Encoding.UTF8.GetBytes(name).Take(15).Append((byte)'\n');
        comm.Should().Equal(expected);
    }

    [Fact]
    public void A_name_with_a_NUL_character_is_rejected()
    {
        var act = () => NamedWorker.Create("bad\0name", static () => { });

        act.Should().Throw<ArgumentException>().WithParameterName("name").WithMessage("*NUL*");
    }
}
