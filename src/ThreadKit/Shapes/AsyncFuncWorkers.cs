// This file is written by eng/GenerateOverloads.cs: edit the generator, then run it
// (dotnet run eng/GenerateOverloads.cs), rather than editing here.

#nullable enable

using System;
using System.Threading;
using System.Threading.Tasks;

namespace ThreadKit.Shapes;

internal sealed class AsyncFuncWorker<TResult> : NamedWorker<TResult>
{
    private Func<Task<TResult>>? _body;

    public AsyncFuncWorker(string? name, Func<Task<TResult>> body)
        : base(name, body, default)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            SetResult(context.Run(_body!()));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class AsyncFuncWorker<T1, TResult> : NamedWorker<TResult>
{
    private Func<T1, Task<TResult>>? _body;
    private T1 _arg1;

    public AsyncFuncWorker(string? name, Func<T1, Task<TResult>> body, T1 arg1)
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
            SetResult(context.Run(_body!(_arg1)));
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

internal sealed class AsyncFuncWorker<T1, T2, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public AsyncFuncWorker(string? name, Func<T1, T2, Task<TResult>> body, T1 arg1, T2 arg2)
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
            SetResult(context.Run(_body!(_arg1, _arg2)));
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

internal sealed class AsyncFuncWorker<T1, T2, T3, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public AsyncFuncWorker(string? name, Func<T1, T2, T3, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3)
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
            SetResult(context.Run(_body!(_arg1, _arg2, _arg3)));
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

internal sealed class AsyncFuncWorker<T1, T2, T3, T4, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, T4, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public AsyncFuncWorker(string? name, Func<T1, T2, T3, T4, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
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
            SetResult(context.Run(_body!(_arg1, _arg2, _arg3, _arg4)));
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

internal sealed class StoppableAsyncFuncWorker<TResult> : NamedWorker<TResult>
{
    private Func<CancellationToken, Task<TResult>>? _body;

    public StoppableAsyncFuncWorker(string? name, Func<CancellationToken, Task<TResult>> body, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        var context = InstallSynchronizationContext();
        try
        {
            SetResult(context.Run(_body!(StopToken)));
        }
        finally
        {
            context.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class StoppableAsyncFuncWorker<T1, TResult> : NamedWorker<TResult>
{
    private Func<T1, CancellationToken, Task<TResult>>? _body;
    private T1 _arg1;

    public StoppableAsyncFuncWorker(string? name, Func<T1, CancellationToken, Task<TResult>> body, T1 arg1, CancellationToken cancellationToken)
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
            SetResult(context.Run(_body!(_arg1, StopToken)));
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

internal sealed class StoppableAsyncFuncWorker<T1, T2, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, CancellationToken, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public StoppableAsyncFuncWorker(string? name, Func<T1, T2, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, CancellationToken cancellationToken)
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
            SetResult(context.Run(_body!(_arg1, _arg2, StopToken)));
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

internal sealed class StoppableAsyncFuncWorker<T1, T2, T3, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, CancellationToken, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public StoppableAsyncFuncWorker(string? name, Func<T1, T2, T3, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken)
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
            SetResult(context.Run(_body!(_arg1, _arg2, _arg3, StopToken)));
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

internal sealed class StoppableAsyncFuncWorker<T1, T2, T3, T4, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, T4, CancellationToken, Task<TResult>>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public StoppableAsyncFuncWorker(string? name, Func<T1, T2, T3, T4, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken)
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
            SetResult(context.Run(_body!(_arg1, _arg2, _arg3, _arg4, StopToken)));
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
