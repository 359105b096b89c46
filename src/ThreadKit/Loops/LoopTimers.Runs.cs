using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// A run and its end: the work runs on the loop's thread, and the schedule then waits for its next run, or is over.
internal sealed partial class LoopTimers
{
    /// <summary>On the loop's thread: one run, reported like a posted item; its fault goes where a posted item's would.</summary>
    private void Run(ScheduledWork work, ThreadActivity? activity, Action<Exception> onFault)
    {
        activity?.Begin(work.Work, null);
        Task? pending = null;
        Exception? fault = null;
        try
        {
            if (work.Work is Action action)
            {
                action();
            }
            else
            {
                pending = ((Func<Task>)work.Work)() ?? throw new InvalidOperationException(
                    "Scheduled work returned a null Task. Return a task, such as Task.CompletedTask, or make the work async.");
            }
        }
        catch (Exception ex)
        {
            fault = ex;
            onFault(ex);
        }
        finally
        {
            activity?.End();
        }

        if (pending is null || pending.IsCompleted)
        {
            RunEnded(work, fault, pending, onFault);
            return;
        }

        EndWhenCompleted(work, pending, onFault);
    }

    /// <summary>
    /// Async work: the run ends when its task does, so the next one never overlaps it. A method of its own, so that
    /// the closure over <paramref name="onFault"/> is made only for async runs, not on every run.
    /// </summary>
    private void EndWhenCompleted(ScheduledWork work, Task pending, Action<Exception> onFault) =>
        pending.ContinueWith(
            (task, state) => RunEnded((ScheduledWork)state!, null, task, onFault),
            work,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    /// <summary>A run has ended: its schedule waits for its next run, or is done, with the run's outcome.</summary>
    private void RunEnded(ScheduledWork work, Exception? fault, Task? pending, Action<Exception> onFault)
    {
        if (pending is { IsFaulted: true })
        {
            foreach (var taskFault in pending.Exception!.InnerExceptions)
            {
                onFault(taskFault);
            }
        }

        var end = Now;
        bool done;
        lock (_lock)
        {
            done = !work.TryScheduleNext(end);
            if (done)
            {
                _periodic.Remove(work);
            }
            else
            {
                Insert(work);
            }

            AssertInvariants();
        }

        if (done)
        {
            IReadOnlyCollection<Exception>? faults = pending is { IsFaulted: true } ? pending.Exception!.InnerExceptions : null;
            work.Finish(fault is null ? faults : [fault], pending is { IsCanceled: true });
            _context.OperationCompleted();
        }

        // The pump looks at its timers again after every run it makes itself; an async run ends elsewhere.
        if (!_context.IsPumpThread)
        {
            _context.WakeForTimers();
        }
    }
}
