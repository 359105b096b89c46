using System;
using System.IO;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

public sealed class IdentityTests : TestBase
{
    [Fact]
    public void Current_is_the_worker_running_the_calling_thread()
    {
        NamedWorker? seen = null;
        var worker = NamedWorker.Create("me", () => seen = NamedWorker.Current);

        worker.Start();
        Join(worker);

        seen.Should().BeSameAs(worker);
    }

    [Fact]
    public void Current_is_null_on_a_thread_that_is_not_a_worker()
    {
        NamedWorker? seen = NamedWorker.Create("placeholder", static () => { });
        var thread = new Thread(() => seen = NamedWorker.Current);

        thread.Start();
        Join(thread);

        seen.Should().BeNull();
    }

    [Fact]
    public void NativeThreadId_is_the_id_the_operating_system_shows()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads /proc/thread-self.");
        long? seenByOs = null;
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("native", () =>
        {
            seenByOs = long.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").ResolveLinkTarget(false)!.FullName), System.Globalization.CultureInfo.InvariantCulture);
            Wait(release);
        });

        worker.NativeThreadId.Should().BeNull("there is no thread before Start");
        worker.Start();
        var whileRunning = worker.NativeThreadId;
        release.Set();
        Join(worker);

        whileRunning.Should().NotBeNull("it is available as soon as Start returns");
        whileRunning.Should().Be(seenByOs);
        worker.NativeThreadId.Should().Be(seenByOs, "it is kept after the worker ends");
        whileRunning.Should().NotBe(Environment.ProcessId, "a worker is never the process's main thread");
    }
}
