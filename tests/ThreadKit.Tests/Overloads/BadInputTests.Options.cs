using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Overloads;

// Rows for thread options, lifecycle misuse and exceptions thrown by the body.
public sealed partial class BadInputTests
{
    // ---- Stack sizes and other options -------------------------------------------------------------------------

    private static IEnumerable<(string, Action)> StackSizeRows()
    {
        foreach (var (input, size) in new[] { ("negative", -1), ("1 byte", 1), ("below the platform minimum (64 KiB)", 64 * 1024), ("one byte below MinimumStackSize", NamedWorker.MinimumStackSize - 1) })
        {
            yield return ($"NamedWorker.StackSize | {input} -> ArgumentOutOfRangeException(value)", () =>
            {
                var worker = NamedWorker.Create("stack", static () => { });
                worker.Invoking(w => w.StackSize = size).Should().Throw<ArgumentOutOfRangeException>()
                    .WithParameterName("value").WithMessage("*MinimumStackSize*");
                worker.StackSize.Should().Be(0, "a rejected value changes nothing");
            });
        }

        yield return ("NamedWorker.StackSize | int.MaxValue -> runs, or Start throws OutOfMemoryException and the worker stays Unstarted", () =>
        {
            var worker = NamedWorker.Create("huge stack", static () => 7);
            worker.StackSize = int.MaxValue;

            var failure = Record.Exception(worker.Start);

            if (failure is null)
            {
                worker.Join().Should().Be(7);
            }
            else
            {
                failure.Should().BeOfType<OutOfMemoryException>().Which.Message.Should().Contain("huge stack").And.Contain("Lower StackSize");
                worker.State.Should().Be(WorkerState.Unstarted);
                worker.ManagedThreadId.Should().BeNull();
                NamedWorker.GetActive().Should().NotContain(worker);
            }
        });

        yield return ("NamedWorker.Priority | undefined value -> ArgumentOutOfRangeException(value)", () =>
        {
            var worker = NamedWorker.Create("priority", static () => { });
            worker.Invoking(w => w.Priority = (ThreadPriority)99).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("value");
            worker.Priority.Should().Be(ThreadPriority.Normal);
        });
    }

    // ---- Lifecycle misuse --------------------------------------------------------------------------------------

    private static readonly (string Option, Action<NamedWorker> Set)[] Options =
    [
        ("IsBackground", static worker => worker.IsBackground = true),
        ("StackSize", static worker => worker.StackSize = NamedWorker.MinimumStackSize),
        ("Priority", static worker => worker.Priority = ThreadPriority.AboveNormal),
        ("FlowExecutionContext", static worker => worker.FlowExecutionContext = false),
        ("UnhandledExceptionHandler", static worker => worker.UnhandledExceptionHandler = static _ => { }),
    ];

    private static IEnumerable<(string, Action)> LifecycleRows()
    {
        foreach (var (option, set) in Options)
        {
            yield return ($"NamedWorker.{option} | set after Start -> InvalidOperationException, value kept", () =>
            {
                var worker = NamedWorker.Create("started", static () => { });
                worker.Start();
                var before = OptionsOf(worker);

                worker.Invoking(set).Should().Throw<InvalidOperationException>().WithMessage($"{option} can only be set before Start*");
                Join(worker);
                OptionsOf(worker).Should().Be(before);
            });

            yield return ($"NamedWorker.{option} | set after Dispose -> ObjectDisposedException", () =>
            {
                var worker = NamedWorker.Create("disposed", static () => { });
                worker.Dispose();

                worker.Invoking(set).Should().Throw<ObjectDisposedException>().WithMessage($"*{option} can no longer be set*");
            });
        }

        yield return ("NamedWorker.Start | after Dispose -> ObjectDisposedException, never runs", () =>
        {
            var ran = false;
            var worker = NamedWorker.Create("disposed", () => ran = true);
            worker.Dispose();

            worker.Invoking(w => w.Start()).Should().Throw<ObjectDisposedException>().WithMessage("*Create a new worker instead.*")
                .Which.ObjectName.Should().Be(nameof(NamedWorker), "the public type is named, not an internal one");
            worker.State.Should().Be(WorkerState.Unstarted);
            ran.Should().BeFalse();
        });

        yield return ("NamedWorker.Join, Join(timeout), JoinAsync | disposed before Start -> ObjectDisposedException", () =>
        {
            var worker = NamedWorker.Create("never started", static () => { });
            worker.Dispose();

            worker.Invoking(w => w.Join()).Should().Throw<ObjectDisposedException>().WithMessage("*nothing to join*");
            worker.Invoking(w => w.Join(TimeSpan.Zero)).Should().Throw<ObjectDisposedException>();
            worker.Invoking(w => { _ = w.JoinAsync(); }).Should().Throw<ObjectDisposedException>("JoinAsync refuses at once rather than returning a faulted task");
        });

        yield return ("NamedWorker.Join | disposed after Start -> returns, the outcome is kept", () =>
        {
            var worker = NamedWorker.Create("ran", static () => 5);
            worker.Start();
            worker.Dispose();

            worker.Join().Should().Be(5);
            worker.State.Should().Be(WorkerState.Completed);
        });

        yield return ("NamedWorker.Join | disposed after a fault -> rethrows the fault Dispose kept", () =>
        {
            var worker = NamedWorker.Create("faulted", static () => throw new FormatException("kept"));
            worker.Start();
            worker.Invoking(w => w.Dispose()).Should().NotThrow();

            worker.Invoking(w => w.Join()).Should().Throw<FormatException>().WithMessage("kept");
        });

        yield return ("NamedWorker.Dispose | twice -> the second does nothing", () =>
        {
            var worker = NamedWorker.Create("twice", static () => { });
            worker.Start();
            worker.Dispose();

            worker.Invoking(w => w.Dispose()).Should().NotThrow();
            worker.State.Should().Be(WorkerState.Completed);
        });

        yield return ("WorkerGroup.Start | after the group's Dispose -> ObjectDisposedException, nothing starts", () =>
        {
            var group = new WorkerGroup("closed");
            group.Dispose();
            var worker = NamedWorker.Create("late", static () => { });

            group.Invoking(g => g.Start(worker)).Should().Throw<ObjectDisposedException>().WithMessage("Group 'closed' has been disposed*");
            group.Invoking(g => g.Start(null, static () => { })).Should().Throw<ObjectDisposedException>();
            worker.State.Should().Be(WorkerState.Unstarted);
            group.Workers.Should().BeEmpty();
        });

        yield return ("WorkerGroup.Start(worker) | null -> ArgumentNullException(worker)", () =>
        {
            using var group = new WorkerGroup();
            group.Invoking(g => g.Start<NamedWorker>(null!)).Should().Throw<ArgumentNullException>().WithParameterName("worker");
        });

        yield return ("WorkerGroup.Start(worker) | already started -> InvalidOperationException, not adopted", () =>
        {
            using var group = new WorkerGroup();
            var worker = NamedWorker.Create("elsewhere", static () => { });
            worker.Start();

            group.Invoking(g => g.Start(worker)).Should().Throw<InvalidOperationException>().WithMessage("*only unstarted workers*");
            group.Workers.Should().BeEmpty();
            Join(worker);
        });
    }

    private static (bool, int, ThreadPriority, bool) OptionsOf(NamedWorker worker) =>
        (worker.IsBackground, worker.StackSize, worker.Priority, worker.FlowExecutionContext);

    // ---- Exceptions thrown by the body -------------------------------------------------------------------------

    private static IEnumerable<(string, Action)> BodyExceptionRows()
    {
        yield return ("body throws OperationCanceledException for its own stop token -> Canceled, not reported, Join rethrows it", () =>
        {
            var reported = ReportsDuring(out var unsubscribe);
            var worker = NamedWorker.Create("stopping", static (CancellationToken stop) => stop.ThrowIfCancellationRequested());
            worker.RequestStop();
            worker.Start();

            var thrown = worker.Invoking(w => w.Join()).Should().Throw<OperationCanceledException>().Which;
            unsubscribe();

            worker.State.Should().Be(WorkerState.Canceled);
            thrown.Should().BeSameAs(worker.Exception);
            reported.Should().NotContain(worker);
            worker.Invoking(w => w.JoinAsync().GetAwaiter().GetResult()).Should().Throw<TaskCanceledException>();
        });

        yield return ("body throws OperationCanceledException for a token that is not its own -> Faulted", () =>
        {
            using var unrelated = new CancellationTokenSource();
            unrelated.Cancel();
            var worker = NamedWorker.Create("unrelated", static (CancellationTokenSource other) => other.Token.ThrowIfCancellationRequested(), unrelated);
            worker.Start();

            worker.Invoking(w => w.Join()).Should().Throw<OperationCanceledException>();
            worker.State.Should().Be(WorkerState.Faulted);
        });

        yield return ("body throws ThreadInterruptedException -> Faulted, reported once, Join rethrows the same object", () =>
            FaultIsKeptAndRethrown(new ThreadInterruptedException("interrupted")));

        yield return ("body throws an exception whose ToString() throws -> Faulted, reported safely, Join rethrows it", () =>
            FaultIsKeptAndRethrown(new HostileToStringException()));
    }

    private static void FaultIsKeptAndRethrown(Exception fault)
    {
        var reported = ReportsDuring(out var unsubscribe);
        var worker = NamedWorker.Create("thrower", static (Exception e) => throw e, fault);
        worker.Start();

        var thrown = worker.Invoking(w => w.Join()).Should().Throw<Exception>().Which;
        unsubscribe();

        thrown.Should().BeSameAs(fault);
        worker.Exception.Should().BeSameAs(fault);
        worker.State.Should().Be(WorkerState.Faulted);
        reported.Count(w => ReferenceEquals(w, worker)).Should().Be(1);
    }

    /// <summary>Collects the workers reported to <see cref="NamedWorker.UnhandledException"/> until unsubscribed.</summary>
    private static ConcurrentQueue<NamedWorker> ReportsDuring(out Action unsubscribe)
    {
        var reported = new ConcurrentQueue<NamedWorker>();
        EventHandler<WorkerExceptionEventArgs> handler = (_, e) => reported.Enqueue(e.Worker);
        NamedWorker.UnhandledException += handler;
        unsubscribe = () => NamedWorker.UnhandledException -= handler;
        return reported;
    }

    private sealed class HostileToStringException : Exception
    {
        public override string ToString() => throw new InvalidOperationException("ToString refuses.");
    }
}
