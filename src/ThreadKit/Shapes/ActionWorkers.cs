// This file is written by eng/GenerateOverloads.cs: edit the generator, then run it
// (dotnet run eng/GenerateOverloads.cs), rather than editing here.

#nullable enable

using System;
using System.Threading;

namespace ThreadKit.Shapes;

internal sealed class ActionWorker : NamedWorker
{
    private Action? _body;

    public ActionWorker(string? name, Action body)
        : base(name, body, default)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!();
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class ActionWorker<T1> : NamedWorker
{
    private Action<T1>? _body;
    private T1 _arg1;

    public ActionWorker(string? name, Action<T1> body, T1 arg1)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class ActionWorker<T1, T2> : NamedWorker
{
    private Action<T1, T2>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public ActionWorker(string? name, Action<T1, T2> body, T1 arg1, T2 arg2)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class ActionWorker<T1, T2, T3> : NamedWorker
{
    private Action<T1, T2, T3>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public ActionWorker(string? name, Action<T1, T2, T3> body, T1 arg1, T2 arg2, T3 arg3)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2, _arg3);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class ActionWorker<T1, T2, T3, T4> : NamedWorker
{
    private Action<T1, T2, T3, T4>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public ActionWorker(string? name, Action<T1, T2, T3, T4> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
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
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2, _arg3, _arg4);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}

internal sealed class StoppableActionWorker : NamedWorker
{
    private Action<CancellationToken>? _body;

    public StoppableActionWorker(string? name, Action<CancellationToken> body, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(StopToken);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class StoppableActionWorker<T1> : NamedWorker
{
    private Action<T1, CancellationToken>? _body;
    private T1 _arg1;

    public StoppableActionWorker(string? name, Action<T1, CancellationToken> body, T1 arg1, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, StopToken);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class StoppableActionWorker<T1, T2> : NamedWorker
{
    private Action<T1, T2, CancellationToken>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public StoppableActionWorker(string? name, Action<T1, T2, CancellationToken> body, T1 arg1, T2 arg2, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2, StopToken);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class StoppableActionWorker<T1, T2, T3> : NamedWorker
{
    private Action<T1, T2, T3, CancellationToken>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public StoppableActionWorker(string? name, Action<T1, T2, T3, CancellationToken> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2, _arg3, StopToken);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class StoppableActionWorker<T1, T2, T3, T4> : NamedWorker
{
    private Action<T1, T2, T3, T4, CancellationToken>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public StoppableActionWorker(string? name, Action<T1, T2, T3, T4, CancellationToken> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken)
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
        // An async void body gets the worker's context, so that its fault is caught and its continuations stay here.
        var context = InstallSynchronizationContextIfAsyncVoid(_body!);
        try
        {
            _body!(_arg1, _arg2, _arg3, _arg4, StopToken);
            context?.RunUntilIdle();
        }
        finally
        {
            context?.Uninstall();
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}
