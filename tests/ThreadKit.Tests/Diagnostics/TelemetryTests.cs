using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>
/// Metrics and traces through the platform's own instruments: a <c>Meter</c> and an <c>ActivitySource</c>, both named
/// <c>ThreadKit</c>, which dotnet-counters and OpenTelemetry see with no extra code. These tests run on their own,
/// since a listener sees every worker in the process.
/// </summary>
[Collection(nameof(TelemetryTests))]
[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryTests : TestBase
{
    private const string StarterSourceName = "ThreadKit.Tests.Starter";

    [Fact]
    public void The_meter_publishes_the_documented_instruments()
    {
        using var recorder = new TelemetryRecorder();
        RunToEnd(NamedWorker.Create(UniqueName(), static () => { }));

        var instruments = recorder.PublishedInstruments;

        instruments.Keys.Should().BeEquivalentTo(
            "threadkit.workers.started", "threadkit.workers.faulted", "threadkit.workers.active", "threadkit.worker.duration",
            "threadkit.loop.items.processed", "threadkit.loop.queue.length",
            "threadkit.pool.threads", "threadkit.pool.threads.busy", "threadkit.pool.queue.length", "threadkit.stalls");
        instruments["threadkit.workers.started"].Should().BeOfType<Counter<long>>().Which.Unit.Should().Be("{worker}");
        instruments["threadkit.workers.faulted"].Should().BeOfType<Counter<long>>();
        instruments["threadkit.workers.active"].Should().BeOfType<UpDownCounter<long>>();
        instruments["threadkit.worker.duration"].Should().BeOfType<Histogram<double>>().Which.Unit.Should().Be("s");
        instruments.Values.Should().OnlyContain(instrument => !string.IsNullOrEmpty(instrument.Description));
    }

    [Fact]
    public void A_stall_is_counted_in_threadkit_stalls_tagged_with_its_owner_and_kind()
    {
        using var recorder = new TelemetryRecorder();
        using var stalls = new StallRecorder("counted stall");
        using var loop = WorkerLoop.Start("counted stall");
        loop.StallThreshold = TimeSpan.FromMilliseconds(100);
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));

        stalls.Next(UnexpectedTimeout);
        release.Set();

        var counted = recorder.MeasurementsOf("ThreadKit watchdog")
            .Where(m => m.Instrument == "threadkit.stalls" && Equals(m.Tags["threadkit.owner.name"], "counted stall")).ToList();
        counted.Should().ContainSingle().Which.Tags["threadkit.thread.kind"].Should().Be("loop");
        recorder.PublishedInstruments["threadkit.stalls"].Should().BeOfType<Counter<long>>().Which.Unit.Should().Be("{stall}");
    }

    [Fact]
    public void A_completed_worker_counts_as_started_is_active_while_it_runs_and_records_its_duration()
    {
        using var recorder = new TelemetryRecorder();
        using var release = new ManualResetEventSlim();
        var name = UniqueName();
        var worker = NamedWorker.Create(name, (ManualResetEventSlim gate) => Wait(gate), release);

        worker.Start();
        Until(() => recorder.MeasurementsOf(name).Any(m => m.Instrument == "threadkit.workers.active"), "the worker reports itself active");
        var whileRunning = recorder.MeasurementsOf(name);
        release.Set();
        Join(worker);
        var measurements = recorder.MeasurementsOf(name);

        whileRunning.Where(m => m.Instrument == "threadkit.workers.active").Sum(m => m.Value).Should().Be(1);
        Sum(measurements, "threadkit.workers.started").Should().Be(1);
        Sum(measurements, "threadkit.workers.active").Should().Be(0, "the worker is no longer active once it ends");
        Sum(measurements, "threadkit.workers.faulted").Should().Be(0);
        var duration = measurements.Should().ContainSingle(m => m.Instrument == "threadkit.worker.duration").Which;
        duration.Value.Should().BeGreaterThan(0).And.BeLessThan(UnexpectedTimeout.TotalSeconds);
        duration.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["threadkit.worker.outcome"] = "completed" });
    }

    [Fact]
    public void A_faulted_worker_is_counted_and_its_duration_is_tagged_faulted()
    {
        using var recorder = new TelemetryRecorder();
        var name = UniqueName();

        RunToEnd(NamedWorker.Create(name, static () => throw new FormatException("measured fault")));
        var measurements = recorder.MeasurementsOf(name);

        Sum(measurements, "threadkit.workers.started").Should().Be(1);
        Sum(measurements, "threadkit.workers.faulted").Should().Be(1);
        Sum(measurements, "threadkit.workers.active").Should().Be(0);
        measurements.Single(m => m.Instrument == "threadkit.worker.duration").Tags["threadkit.worker.outcome"].Should().Be("faulted");
    }

    [Fact]
    public void A_worker_that_honours_its_stop_is_tagged_canceled_and_is_not_counted_as_a_fault()
    {
        using var recorder = new TelemetryRecorder();
        var name = UniqueName();
        var worker = NamedWorker.Create(name, static (CancellationToken stop) => stop.ThrowIfCancellationRequested());
        worker.RequestStop();

        RunToEnd(worker);
        var measurements = recorder.MeasurementsOf(name);

        worker.State.Should().Be(WorkerState.Canceled);
        Sum(measurements, "threadkit.workers.faulted").Should().Be(0);
        measurements.Single(m => m.Instrument == "threadkit.worker.duration").Tags["threadkit.worker.outcome"].Should().Be("canceled");
    }

    [Fact]
    public void Every_measurement_of_a_group_worker_carries_the_group_name()
    {
        using var recorder = new TelemetryRecorder();
        var name = UniqueName();
        using var group = new WorkerGroup("measured group");

        group.Start(name, static () => throw new FormatException("group fault"));
        FluentActions.Invoking(group.JoinAll).Should().Throw<AggregateException>();
        var measurements = recorder.MeasurementsOf(name);

        measurements.Select(m => m.Instrument).Should().BeEquivalentTo(
            "threadkit.workers.started", "threadkit.workers.active", "threadkit.workers.active", "threadkit.workers.faulted", "threadkit.worker.duration");
        measurements.Should().OnlyContain(m => (string?)m.Tags["threadkit.group.name"] == "measured group");
    }

    [Fact]
    public void Each_run_is_an_activity_named_after_the_worker_that_continues_the_starters_trace()
    {
        using var recorder = new TelemetryRecorder(listenToActivities: true, StarterSourceName);
        using var starterSource = new ActivitySource(StarterSourceName);
        var name = UniqueName();
        var worker = NamedWorker.Create(name, static () => Activity.Current?.DisplayName);

        using (var request = starterSource.StartActivity("request")!)
        {
            worker.Start();
            Join(worker);
            var activity = recorder.ActivitiesOf(name).Should().ContainSingle().Which;

            activity.DisplayName.Should().Be(name);
            activity.Kind.Should().Be(ActivityKind.Internal);
            activity.TraceId.Should().Be(request.TraceId);
            activity.ParentSpanId.Should().Be(request.SpanId);
            activity.Status.Should().Be(ActivityStatusCode.Unset);
            activity.GetTagItem("threadkit.worker.outcome").Should().Be("completed");
            activity.GetTagItem("thread.name").Should().Be(name, "OpenTelemetry's thread.name convention");
            activity.GetTagItem("thread.id").Should().Be(worker.ManagedThreadId, "OpenTelemetry's thread.id convention");
            worker.Join().Should().Be(name, "the worker's activity is current while its body runs");
        }
    }

    [Fact]
    public void Without_flowing_the_execution_context_the_activity_still_continues_the_starters_trace()
    {
        using var recorder = new TelemetryRecorder(listenToActivities: true, StarterSourceName);
        using var starterSource = new ActivitySource(StarterSourceName);
        var name = UniqueName();
        var worker = NamedWorker.Create(name, static () => { });
        worker.FlowExecutionContext = false;

        using var request = starterSource.StartActivity("request")!;
        RunToEnd(worker);

        var activity = recorder.ActivitiesOf(name).Should().ContainSingle().Which;
        activity.TraceId.Should().Be(request.TraceId);
        activity.ParentSpanId.Should().Be(request.SpanId);
    }

    [Fact]
    public void A_fault_sets_the_error_status_and_the_exception_type()
    {
        using var recorder = new TelemetryRecorder(listenToActivities: true);
        var name = UniqueName();

        RunToEnd(NamedWorker.Create(name, static () => throw new FormatException("traced fault")));

        var activity = recorder.ActivitiesOf(name).Should().ContainSingle().Which;
        activity.Status.Should().Be(ActivityStatusCode.Error);
        activity.StatusDescription.Should().Be("traced fault");
        activity.GetTagItem("exception.type").Should().Be(typeof(FormatException).FullName);
        activity.GetTagItem("threadkit.worker.outcome").Should().Be("faulted");
    }

    [Fact]
    public void A_group_workers_activity_carries_the_group_name()
    {
        using var recorder = new TelemetryRecorder(listenToActivities: true);
        var name = UniqueName();

        using (var group = new WorkerGroup("traced group"))
        {
            group.Start(name, static () => { });
            group.JoinAll();
        }

        recorder.ActivitiesOf(name).Should().ContainSingle().Which.GetTagItem("threadkit.group.name").Should().Be("traced group");
    }

    [Fact]
    public void With_no_listener_a_worker_runs_without_an_activity()
    {
        var worker = NamedWorker.Create(UniqueName(), static () => Activity.Current);
        worker.Start();

        Join(worker);

        worker.Join().Should().BeNull();
    }

    private static string UniqueName() => "telemetry " + Guid.NewGuid().ToString("N")[..8];

    private static double Sum(IEnumerable<TelemetryRecorder.Measurement> measurements, string instrument) =>
        measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    /// <summary>Starts the worker and waits for its end, keeping any fault in <see cref="NamedWorker.Exception"/>.</summary>
    private static void RunToEnd(NamedWorker worker)
    {
        worker.Start();
        Record.Exception(() => Join(worker));
    }
}
