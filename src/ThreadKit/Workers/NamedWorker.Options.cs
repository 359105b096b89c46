using System;
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
        get => _extras?.StackSize ?? 0;
        set
        {
            if (value < 0 || (value > 0 && value < MinimumStackSize))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    $"The stack size must be 0, for the platform default, or at least {MinimumStackSize} bytes (NamedWorker.MinimumStackSize).");
            }

            ThrowIfOptionsFrozen(nameof(StackSize));
            GetOrCreateExtras().StackSize = value;
        }
    }

    /// <summary>
    /// Gets or sets the scheduling priority of the worker's thread. The default is <see cref="ThreadPriority.Normal"/>.
    /// Operating systems may ignore it, as Linux does for unprivileged processes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="ThreadPriority"/>.</exception>
    /// <exception cref="InvalidOperationException">The value is set after <see cref="Start"/> has been called.</exception>
    /// <exception cref="ObjectDisposedException">The value is set after the worker has been disposed.</exception>
    public ThreadPriority Priority
    {
        get => _extras?.Priority ?? ThreadPriority.Normal;
        set
        {
            if (value < ThreadPriority.Lowest || value > ThreadPriority.Highest)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(value),
                    value,
                    "The priority must be one of the named ThreadPriority values, from Lowest to Highest.");
            }

            ThrowIfOptionsFrozen(nameof(Priority));
            GetOrCreateExtras().Priority = value;
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

    private void SetOptionFlag(int flag, bool on, string property) => UpdateState(
        (Worker: this, Flag: flag, On: on, Property: property),
        static (state, change) =>
        {
            change.Worker.ThrowIfOptionsFrozen(state, change.Property);
            return change.On ? state | change.Flag : state & ~change.Flag;
        });

    private void ThrowIfOptionsFrozen(string property) => ThrowIfOptionsFrozen(Volatile.Read(ref _state), property);

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
