using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit;

// Timed work on the loop's thread, as Java's ScheduledExecutorService schedules it on threads you name.
public sealed partial class WorkerLoop
{
    /// <summary>Runs <paramref name="work"/> once on the loop's thread, <paramref name="delay"/> from now, never earlier.</summary>
    /// <param name="delay">How long from now; zero runs it as soon as the loop is free.</param>
    /// <param name="work">The work. An exception it throws is reported as a faulting <see cref="Post"/> is.</param>
    /// <returns>The scheduled work, to cancel it or count its run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    /// <remarks>
    /// One-shot work that was scheduled before <see cref="Complete"/> still runs at its time, and the loop ends after it,
    /// as accepted work always does, unless <see cref="WorkerLoopOptions.CancelScheduledWorkOnComplete"/> is set. Any
    /// non-negative delay is accepted: one too long to represent, such as <see cref="TimeSpan.MaxValue"/>, means never.
    /// </remarks>
    public ScheduledWork Schedule(TimeSpan delay, Action work) => Add(work, ScheduledWork.Kind.Once, delay, TimeSpan.Zero);

    /// <summary>Runs the asynchronous <paramref name="work"/> once on the loop's thread, <paramref name="delay"/> from now.</summary>
    /// <param name="delay">How long from now; zero runs it as soon as the loop is free.</param>
    /// <param name="work">The work; it resumes on the loop's thread after every await, and a fault of its task is reported as a faulting <see cref="Post"/> is.</param>
    /// <returns>The scheduled work, to cancel it or count its run.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public ScheduledWork Schedule(TimeSpan delay, Func<Task> work) => Add(work, ScheduledWork.Kind.Once, delay, TimeSpan.Zero);

    /// <summary>
    /// Runs <paramref name="work"/> on the loop's thread at a fixed rate: run n starts at
    /// <paramref name="initialDelay"/> + n × <paramref name="period"/> from now, by a monotonic clock, so the schedule
    /// does not drift. A run that overruns makes the next start late, never concurrent, and the slots it overran are
    /// skipped rather than run back to back.
    /// </summary>
    /// <param name="initialDelay">How long from now the first run starts.</param>
    /// <param name="period">The time between the starts of consecutive runs.</param>
    /// <param name="work">The work. An exception it throws is reported as a faulting <see cref="Post"/> is, and the schedule goes on.</param>
    /// <returns>The scheduled work, to cancel it or count its runs. <see cref="Complete"/> cancels it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDelay"/> is negative, or <paramref name="period"/> is zero or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public ScheduledWork ScheduleAtFixedRate(TimeSpan initialDelay, TimeSpan period, Action work) =>
        Add(work, ScheduledWork.Kind.FixedRate, initialDelay, Guard.Period(period));

    /// <summary>Runs the asynchronous <paramref name="work"/> at a fixed rate, as <see cref="ScheduleAtFixedRate(TimeSpan, TimeSpan, Action)"/> does; a run ends when its task does.</summary>
    /// <param name="initialDelay">How long from now the first run starts.</param>
    /// <param name="period">The time between the starts of consecutive runs.</param>
    /// <param name="work">The work; it resumes on the loop's thread after every await.</param>
    /// <returns>The scheduled work, to cancel it or count its runs. <see cref="Complete"/> cancels it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDelay"/> is negative, or <paramref name="period"/> is zero or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public ScheduledWork ScheduleAtFixedRate(TimeSpan initialDelay, TimeSpan period, Func<Task> work) =>
        Add(work, ScheduledWork.Kind.FixedRate, initialDelay, Guard.Period(period));

    /// <summary>
    /// Runs <paramref name="work"/> on the loop's thread with a fixed delay: the first run starts
    /// <paramref name="initialDelay"/> from now, and each next one <paramref name="delay"/> after the previous one ended.
    /// </summary>
    /// <param name="initialDelay">How long from now the first run starts.</param>
    /// <param name="delay">The time from the end of one run to the start of the next.</param>
    /// <param name="work">The work. An exception it throws is reported as a faulting <see cref="Post"/> is, and the schedule goes on.</param>
    /// <returns>The scheduled work, to cancel it or count its runs. <see cref="Complete"/> cancels it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDelay"/> is negative, or <paramref name="delay"/> is zero or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public ScheduledWork ScheduleWithFixedDelay(TimeSpan initialDelay, TimeSpan delay, Action work) =>
        Add(work, ScheduledWork.Kind.FixedDelay, initialDelay, Guard.Period(delay));

    /// <summary>Runs the asynchronous <paramref name="work"/> with a fixed delay, as <see cref="ScheduleWithFixedDelay(TimeSpan, TimeSpan, Action)"/> does; a run ends when its task does.</summary>
    /// <param name="initialDelay">How long from now the first run starts.</param>
    /// <param name="delay">The time from the end of one run to the start of the next.</param>
    /// <param name="work">The work; it resumes on the loop's thread after every await.</param>
    /// <returns>The scheduled work, to cancel it or count its runs. <see cref="Complete"/> cancels it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDelay"/> is negative, or <paramref name="delay"/> is zero or negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="work"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The loop has been completed.</exception>
    /// <exception cref="ObjectDisposedException">The loop has been disposed.</exception>
    public ScheduledWork ScheduleWithFixedDelay(TimeSpan initialDelay, TimeSpan delay, Func<Task> work) =>
        Add(work, ScheduledWork.Kind.FixedDelay, initialDelay, Guard.Period(delay));

    private ScheduledWork Add(Delegate work, ScheduledWork.Kind kind, TimeSpan initialDelay, TimeSpan interval)
    {
        Guard.NotNull(work, nameof(work));
        if (initialDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                kind == ScheduledWork.Kind.Once ? "delay" : nameof(initialDelay),
                initialDelay,
                $"The delay before work on loop '{Name}' runs must be zero or positive.");
        }

        return _timers.Add(work, kind, initialDelay, interval);
    }
}
