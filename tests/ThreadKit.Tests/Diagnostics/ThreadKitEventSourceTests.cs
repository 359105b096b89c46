using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>The ThreadKit event source, heard by a real <see cref="EventListener"/>, as dotnet-trace hears it.</summary>
public sealed class ThreadKitEventSourceTests : TestBase
{
    [Fact]
    public void Thread_start_and_end_are_traced_with_name_kind_and_both_ids()
    {
        using var listener = new Listener();
        var worker = NamedWorker.Create("traced worker", static () => { });

        worker.Start();
        Join(worker);

        var started = listener.Single("ThreadStarted", "traced worker");
        started.Payload![1].Should().Be((int)WorkerThreadKind.Worker);
        started.Payload[2].Should().Be(worker.ManagedThreadId);
        ((long)started.Payload[3]!).Should().Be(worker.NativeThreadId ?? 0);
        Until(() => listener.Events("ThreadStopped", "traced worker").Any(), "the end is traced as the thread leaves");
    }

    [Fact]
    public void A_pool_thread_taking_a_jobs_name_and_getting_its_own_back_is_traced()
    {
        using var listener = new Listener();
        using var pool = new WorkerPool("traced pool", 1);

        Join(pool.Start("traced job", static () => { }));
        pool.Dispose();

        listener.Single("ThreadStarted", "traced pool-1").Payload![1].Should().Be((int)WorkerThreadKind.Pool);
        var taken = listener.Single("JobStarted", "traced job");
        taken.Payload![1].Should().Be("traced pool-1");
        Until(() => listener.Events("JobEnded", "traced job").Any(), "the job's end is traced");
        Until(() => listener.Events("ThreadStopped", "traced pool-1").Any(), "the pool thread's end is traced");
    }

    [Fact]
    public void A_loop_thread_is_traced_as_a_loop()
    {
        using var listener = new Listener();
        var loop = WorkerLoop.Start("traced loop");
        loop.Dispose();

        listener.Single("ThreadStarted", "traced loop").Payload![1].Should().Be((int)WorkerThreadKind.Loop);
    }

    [Fact]
    public void A_stall_is_traced_as_a_warning_with_its_message()
    {
        using var listener = new Listener();
        using var stalls = new StallRecorder("traced stall");
        using var loop = WorkerLoop.Start("traced stall");
        loop.StallThreshold = TimeSpan.FromMilliseconds(100);
        using var release = new ManualResetEventSlim();
        loop.Post(() => release.Wait(UnexpectedTimeout));

        var (stall, _) = stalls.Next(UnexpectedTimeout);
        release.Set();

        Until(() => listener.Events("Stall", "traced stall").Any(), "the stall should be traced");
        var traced = listener.Single("Stall", "traced stall");
        traced.Level.Should().Be(EventLevel.Warning);
        traced.Payload![2].Should().Be("traced stall");
        traced.Payload[7].Should().Be(stall.Message);
    }

    [Fact]
    public void Enabling_the_source_lists_the_threads_already_alive()
    {
        using var release = new ManualResetEventSlim();
        var early = NamedWorker.Create("alive before the trace", () => release.Wait(UnexpectedTimeout));
        early.Start();
        using var loop = WorkerLoop.Start("loop before the trace");
        Until(() => WorkerDiagnostics.GetThreads().Any(thread => thread.Name == "loop before the trace"), "the loop should be listed");

        using var listener = new Listener();

        // Every listener that enables the source gets a rundown, so another listener's may arrive here too.
        listener.Events("ThreadRundown", "alive before the trace").Should().NotBeEmpty()
            .And.OnlyContain(e => Equals(e.Payload![2], early.ManagedThreadId));
        listener.Events("ThreadRundown", "loop before the trace").Should().NotBeEmpty()
            .And.OnlyContain(e => Equals(e.Payload![1], (int)WorkerThreadKind.Loop));
        release.Set();
        Join(early);
    }

    /// <summary>Enables the ThreadKit source at its most verbose and keeps every event.</summary>
    private sealed class Listener : EventListener
    {
        private readonly ConcurrentQueue<EventWrittenEventArgs> _events = new();
        private readonly bool _ready;

        public Listener()
        {
            _ready = true;
            foreach (var source in EventSource.GetSources().Where(source => source.Name == "ThreadKit"))
            {
                EnableEvents(source, EventLevel.Verbose);
            }
        }

        public IEnumerable<EventWrittenEventArgs> Events(string name, string firstPayload) =>
            _events.Where(e => e.EventName == name && Equals(e.Payload?[0], firstPayload));

        public EventWrittenEventArgs Single(string name, string firstPayload) =>
            Events(name, firstPayload).Should().ContainSingle($"one {name} event for '{firstPayload}'").Subject;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            // Called from the base constructor for sources that already exist, before this one's fields are set.
            if (_ready && eventSource.Name == "ThreadKit")
            {
                EnableEvents(eventSource, EventLevel.Verbose);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData) => _events.Enqueue(eventData);
    }
}
