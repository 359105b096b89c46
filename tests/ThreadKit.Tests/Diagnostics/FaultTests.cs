using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Diagnostics;

/// <summary>An exception in a worker never ends the process: it is kept, reported once, and rethrown by every join.</summary>
public sealed class FaultTests : TestBase
{
    [Fact]
    public void A_fault_is_kept_and_the_state_becomes_Faulted()
    {
        var worker = NamedWorker.Create("faulty", Fail);
        worker.Start();

        worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();

        worker.State.Should().Be(WorkerState.Faulted);
        worker.Exception.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("boom");
    }

    [Fact]
    public void Every_join_rethrows_the_same_exception_with_its_original_stack_trace()
    {
        var worker = NamedWorker.Create("rethrows", Fail);
        worker.Start();

        var first = Record.Exception(() => worker.Join());
        var second = Record.Exception(() => worker.Join());
        var timed = Record.Exception(() => worker.Join(UnexpectedTimeout));

        first.Should().BeSameAs(worker.Exception);
        second.Should().BeSameAs(worker.Exception);
        timed.Should().BeSameAs(worker.Exception);
        first!.StackTrace.Should().Contain(nameof(Fail), "the frame that threw is kept");
    }

    [Fact]
    public void Join_with_a_timeout_rethrows_only_once_the_worker_has_finished()
    {
        using var release = new ManualResetEventSlim();
        var worker = NamedWorker.Create("late fault", () =>
        {
            Wait(release);
            Fail();
        });
        worker.Start();

        worker.Join(TimeSpan.Zero).Should().BeFalse();
        release.Set();
        worker.Invoking(w => w.Join(UnexpectedTimeout)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void UnhandledException_is_raised_on_the_workers_thread_before_Join_returns()
    {
        NamedWorker? reportedWorker = null;
        Exception? reportedException = null;
        string? reportingThread = null;
        object? sender = null;
        var worker = NamedWorker.Create("reported", Fail);
        EventHandler<WorkerExceptionEventArgs> handler = (s, e) =>
        {
            if (e.Worker == worker)
            {
                sender = s;
                reportedWorker = e.Worker;
                reportedException = e.Exception;
                reportingThread = NamedWorker.CurrentThreadName;
            }
        };
        NamedWorker.UnhandledException += handler;
        try
        {
            worker.Start();
            var joined = Record.Exception(() => worker.Join());

            reportedWorker.Should().BeSameAs(worker, "the report is made before Join returns");
            sender.Should().BeSameAs(worker);
            reportedException.Should().BeSameAs(joined);
            reportingThread.Should().Be("reported");
        }
        finally
        {
            NamedWorker.UnhandledException -= handler;
        }
    }

    [Fact]
    public void A_fault_is_reported_exactly_once_however_often_it_is_joined()
    {
        var reports = 0;
        var worker = NamedWorker.Create("once", Fail);
        EventHandler<WorkerExceptionEventArgs> handler = (_, e) =>
        {
            if (e.Worker == worker)
            {
                Interlocked.Increment(ref reports);
            }
        };
        NamedWorker.UnhandledException += handler;
        try
        {
            worker.Start();
            for (var i = 0; i < 3; i++)
            {
                worker.Invoking(w => w.Join()).Should().Throw<InvalidOperationException>();
            }

            reports.Should().Be(1);
        }
        finally
        {
            NamedWorker.UnhandledException -= handler;
        }
    }

    [Fact]
    public void With_no_handler_the_fault_is_written_to_stderr_in_Pythons_words()
    {
        var result = ChildProcess.RunScenario("unhandled-report");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("joined: InvalidOperationException");
        result.StandardError.Should().StartWith("Exception in thread Crasher:\nSystem.InvalidOperationException: boom");
    }

    [Fact]
    public void A_fault_nobody_joins_does_not_end_the_process()
    {
        var result = ChildProcess.RunScenario("unjoined-fault");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("process survived");
    }

    [Fact]
    public void A_handler_that_throws_does_not_end_the_process_and_Join_still_gets_the_original_fault()
    {
        var result = ChildProcess.RunScenario("handler-throws");

        result.ExitCode.Should().Be(0, result.StandardError);
        result.OutputLines.Should().Equal("joined original");
        result.StandardError.Should().Contain("Exception in an UnhandledException handler for thread HandlerVictim:")
            .And.Contain("System.FormatException: handler failed");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Fail() => throw new InvalidOperationException("boom");

    [Fact]
    public void A_workers_own_handler_reports_its_fault_instead_of_the_event_once_on_its_thread()
    {
        var seenByEvent = new ConcurrentQueue<NamedWorker>();
        void OnFault(object? sender, WorkerExceptionEventArgs e) => seenByEvent.Enqueue(e.Worker);
        var reports = new ConcurrentQueue<(WorkerExceptionEventArgs Args, string Thread)>();
        var worker = NamedWorker.Create("Own handler", static () => throw new FormatException("mine"));
        worker.UnhandledExceptionHandler = e => reports.Enqueue((e, NamedWorker.CurrentThreadName));

        NamedWorker.UnhandledException += OnFault;
        try
        {
            worker.Start();
            worker.Invoking(w => w.Join()).Should().Throw<FormatException>();
        }
        finally
        {
            NamedWorker.UnhandledException -= OnFault;
        }

        var (args, thread) = reports.Should().ContainSingle().Subject;
        args.Worker.Should().BeSameAs(worker);
        args.Exception.Should().BeSameAs(worker.Exception);
        thread.Should().Be("Own handler");
        seenByEvent.Should().NotContain(worker);
        worker.Invoking(w => w.UnhandledExceptionHandler = null).Should().Throw<InvalidOperationException>();
    }
}
