using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;

namespace ThreadKit;

// Thread options, settable between Create and Start only.
public abstract partial class NamedWorker
{
    /// <summary>
    /// Gets the smallest <see cref="StackSize"/> ThreadKit accepts, 256 KiB. Below it, .NET's own startup work
    /// (type loading, exception dispatch) can overflow the stack and end the process.
    /// </summary>
    public static int MinimumStackSize => 256 * 1024;

    /// <summary>
    /// Gets or sets a value indicating whether the worker is a background thread, which does not keep the process
    /// alive. The default is <see langword="false"/>: like Python's non-daemon threads, a foreground worker keeps the
    /// process running after <c>Main</c> returns, until its body ends.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public bool IsBackground
    {
        get => (Volatile.Read(ref _state) & FlagBackground) != 0;
        set => SetOptionFlag(FlagBackground, value, nameof(IsBackground));
    }

    /// <summary>
    /// Gets or sets the maximum stack size of the worker's thread, in bytes; 0, the default, uses the platform's
    /// default. Any other value must be at least <see cref="MinimumStackSize"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, or between 0 and <see cref="MinimumStackSize"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public int StackSize
    {
        get => _extras?.Thread?.StackSize ?? 0;
        set
        {
            Guard.StackSize(value);
            ThrowIfOptionsFrozen(nameof(StackSize));
            var extras = GetOrCreateExtras();
            extras.Thread = (extras.Thread ?? ThreadSpec.Default) with { StackSize = value };
        }
    }

    /// <summary>
    /// Gets or sets the scheduling priority of the worker's thread. The default is <see cref="ThreadPriority.Normal"/>.
    /// </summary>
    /// <remarks>
    /// On Linux, where <see cref="Thread.Priority"/> does nothing, the thread sets its own nice value before its body
    /// runs: <see cref="ThreadPriority.Lowest"/> 10, <see cref="ThreadPriority.BelowNormal"/> 5,
    /// <see cref="ThreadPriority.AboveNormal"/> -5, <see cref="ThreadPriority.Highest"/> -10. Lowering needs no
    /// privilege. Raising needs root or <c>CAP_SYS_NICE</c>; where the process has neither, the worker still runs, at
    /// normal priority, and the refusal is written once per process to standard error. Elsewhere the platform's
    /// thread priority is set.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ThreadPriority"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public ThreadPriority Priority
    {
        get => _extras?.Thread?.Priority ?? ThreadPriority.Normal;
        set
        {
            Guard.Priority(value);
            ThrowIfOptionsFrozen(nameof(Priority));
            var extras = GetOrCreateExtras();
            extras.Thread = (extras.Thread ?? ThreadSpec.Default) with { Priority = value };
        }
    }

    /// <summary>
    /// Gets or sets the CPUs the worker's thread may run on, by index; <see langword="null"/>, the default, inherits the
    /// process's. The thread pins itself before its body runs: <c>sched_setaffinity</c> on Linux,
    /// <c>SetThreadAffinityMask</c> on Windows. If the operating system refuses, the worker faults with that refusal and
    /// its body does not run.
    /// </summary>
    /// <remarks>Reading it returns a copy of the CPUs set, in the order given.</remarks>
    /// <exception cref="ArgumentException">The list is empty, or names a CPU this process may not use.</exception>
    /// <exception cref="PlatformNotSupportedException">The platform cannot pin a thread to CPUs (macOS).</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public IReadOnlyList<int>? ProcessorAffinity
    {
        get => _extras?.Thread?.Affinity is { } cpus ? [.. cpus] : null;
        set
        {
            var cpus = value is null ? null : ThreadTuning.ValidateAffinity(value, $"worker '{_name}'");
            ThrowIfOptionsFrozen(nameof(ProcessorAffinity));
            var extras = GetOrCreateExtras();
            extras.Thread = (extras.Thread ?? ThreadSpec.Default) with { Affinity = cpus };
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the starting thread's <see cref="ExecutionContext"/>
    /// (<see cref="AsyncLocal{T}"/> values, the current <see cref="Activity"/>) flows into the worker, as it does with
    /// <see cref="Thread.Start()"/>. The default is <see langword="true"/>; <see langword="false"/> starts the thread
    /// like <c>Thread.UnsafeStart</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public bool FlowExecutionContext
    {
        get => (Volatile.Read(ref _state) & FlagSuppressFlow) == 0;
        set => SetOptionFlag(FlagSuppressFlow, !value, nameof(FlowExecutionContext));
    }

    /// <summary>
    /// Gets the thread a runner that gives this worker a thread of its own makes: the one its option properties
    /// describe, or the platform's default.
    /// </summary>
    internal ThreadSpec OwnThread => _extras?.Thread ?? ThreadSpec.Default;

    /// <summary>
    /// Gets the name of an option set on this worker that only a thread of its own can honour, or
    /// <see langword="null"/> if it has none: what a runner that reuses threads must refuse, told by the options'
    /// owner so that no runner keeps a list of them.
    /// </summary>
    internal string? OwnThreadOption =>
        _extras?.Thread is { } thread && thread != ThreadSpec.Default
            ? (thread.StackSize != 0 ? nameof(StackSize) : thread.Priority != ThreadPriority.Normal ? nameof(Priority) : nameof(ProcessorAffinity))
            : IsBackground ? nameof(IsBackground)
            : !FlowExecutionContext ? nameof(FlowExecutionContext)
            : null;

    /// <summary>Gives the worker the thread its owner's options describe, as a loop does for its own worker before starting it.</summary>
    internal void UseThread(ThreadSpec thread) => GetOrCreateExtras().Thread = thread;

    private void SetOptionFlag(int flag, bool on, string property) => UpdateState(
        (Worker: this, Flag: flag, On: on, Property: property),
        static (state, change) =>
        {
            change.Worker.ThrowIfOptionsFrozen(state, change.Property);
            return change.On ? state | change.Flag : state & ~change.Flag;
        });

    private protected void ThrowIfOptionsFrozen(string property) => ThrowIfOptionsFrozen(Volatile.Read(ref _state), property);

    private void ThrowIfOptionsFrozen(int state, string property)
    {
        if ((state & FlagDisposed) != 0)
        {
            throw new ObjectDisposedException(
                nameof(NamedWorker),
                $"Worker '{_name}' has been disposed; {property} can no longer be set.");
        }

        if ((state & PhaseMask) != PhaseUnstarted)
        {
            throw new InvalidOperationException(
                $"{property} can only be set before Start; worker '{_name}' has already been started. Set options between Create and Start.");
        }
    }
}
