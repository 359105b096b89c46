using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Workers;

public sealed class RegistryTests : TestBase
{
    [Fact]
    public void A_worker_is_listed_from_Start_until_its_body_ends()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("listed", () => Wait(release));

        NamedWorker.GetActive().Should().NotContain(worker, "an unstarted worker is not active");
        worker.Start();
        NamedWorker.GetActive().Should().Contain(worker);
        NamedWorker.ActiveCount.Should().BeGreaterThanOrEqualTo(1);

        release.Set();
        worker.Join();
        NamedWorker.GetActive().Should().NotContain(worker);
    }

    [Fact]
    public void A_faulted_worker_leaves_the_registry_too()
    {
        var worker = NamedWorker.Create("gone", static () => throw new InvalidOperationException("x"));
        worker.Start();
        worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();

        NamedWorker.GetActive().Should().NotContain(worker);
    }

    [Fact]
    public void GetActive_is_a_snapshot()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("snapshot", () => Wait(release));
        worker.Start();
        var snapshot = NamedWorker.GetActive();

        release.Set();
        worker.Join();

        snapshot.Should().Contain(worker, "the list was taken while the worker ran");
    }

    [Fact]
    public void Nothing_is_retained_after_thousands_of_workers_have_run()
    {
        var references = RunWorkersAndForgetThem(2_000);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        references.Should().OnlyContain(reference => !reference.IsAlive, "finished workers must be collectable");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> RunWorkersAndForgetThem(int count)
    {
        var references = new List<WeakReference>(count);
        var payload = new object();
        for (var i = 0; i < count; i++)
        {
            var worker = NamedWorker.Create(null, static (object o) => GC.KeepAlive(o), payload);
            worker.Start();
            worker.Join();
            references.Add(new WeakReference(worker));
        }

        return references;
    }
}
