using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Pools;

/// <summary>Pooled jobs count in ThreadKit's meter like any worker, and each pool reports its threads and queue.</summary>
public sealed class WorkerPoolTelemetryTests : TestBase
{
    [Fact]
    public void Pooled_jobs_count_like_any_worker_and_the_pool_reports_threads_busy_threads_and_queued_jobs()
    {
        using var recorder = new TelemetryRecorder();
        using var pool = new WorkerPool("metered pool", 1);
        using var release = new ManualResetEventSlim();
        using var running = new ManualResetEventSlim();
        var blocker = pool.Start("metered job", () => { running.Set(); Wait(release); });
        Wait(running);
        var queued = pool.Start("metered queued", static () => { });

        double Gauge(string instrument) => recorder.Observe(instrument)
            .Where(m => (string?)m.Tags["threadkit.pool.name"] == "metered pool").Should().ContainSingle().Subject.Value;

        Gauge("threadkit.pool.threads").Should().Be(1);
        Gauge("threadkit.pool.threads.busy").Should().Be(1);
        Gauge("threadkit.pool.queue.length").Should().Be(1);
        release.Set();
        Join(blocker);
        Join(queued);

        recorder.MeasurementsOf("metered job").Should().Contain(m => m.Instrument == "threadkit.workers.started");
        recorder.MeasurementsOf("metered queued").Should().Contain(m => m.Instrument == "threadkit.worker.duration");
    }
}
