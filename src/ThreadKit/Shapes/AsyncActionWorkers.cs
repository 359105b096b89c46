// This file is written by eng/GenerateOverloads.cs: edit the generator, then run it
// (dotnet run eng/GenerateOverloads.cs), rather than editing here.

#nullable enable

using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit.Shapes;

internal sealed class AsyncActionWorker : NamedWorker
{
    private Func<Task>? _body;

    public AsyncActionWorker(string? name, Func<Task> body)
        : base(name, body, default)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!());
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class AsyncActionWorker<T1> : NamedWorker
{
    private Func<T1, Task>? _body;
    private T1 _arg1;

    public AsyncActionWorker(string? name, Func<T1, Task> body, T1 arg1)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class AsyncActionWorker<T1, T2> : NamedWorker
{
    private Func<T1, T2, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public AsyncActionWorker(string? name, Func<T1, T2, Task> body, T1 arg1, T2 arg2)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class AsyncActionWorker<T1, T2, T3> : NamedWorker
{
    private Func<T1, T2, T3, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public AsyncActionWorker(string? name, Func<T1, T2, T3, Task> body, T1 arg1, T2 arg2, T3 arg3)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2, _arg3));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class AsyncActionWorker<T1, T2, T3, T4> : NamedWorker
{
    private Func<T1, T2, T3, T4, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public AsyncActionWorker(string? name, Func<T1, T2, T3, T4, Task> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
        _arg4 = arg4;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2, _arg3, _arg4));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}

internal sealed class StoppableAsyncActionWorker : NamedWorker
{
    private Func<CancellationToken, Task>? _body;

    public StoppableAsyncActionWorker(string? name, Func<CancellationToken, Task> body, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(StopToken));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class StoppableAsyncActionWorker<T1> : NamedWorker
{
    private Func<T1, CancellationToken, Task>? _body;
    private T1 _arg1;

    public StoppableAsyncActionWorker(string? name, Func<T1, CancellationToken, Task> body, T1 arg1, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, StopToken));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class StoppableAsyncActionWorker<T1, T2> : NamedWorker
{
    private Func<T1, T2, CancellationToken, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public StoppableAsyncActionWorker(string? name, Func<T1, T2, CancellationToken, Task> body, T1 arg1, T2 arg2, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2, StopToken));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class StoppableAsyncActionWorker<T1, T2, T3> : NamedWorker
{
    private Func<T1, T2, T3, CancellationToken, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public StoppableAsyncActionWorker(string? name, Func<T1, T2, T3, CancellationToken, Task> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2, _arg3, StopToken));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class StoppableAsyncActionWorker<T1, T2, T3, T4> : NamedWorker
{
    private Func<T1, T2, T3, T4, CancellationToken, Task>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public StoppableAsyncActionWorker(string? name, Func<T1, T2, T3, T4, CancellationToken, Task> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
        _arg4 = arg4;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            context.Run(_body!(_arg1, _arg2, _arg3, _arg4, StopToken));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}
