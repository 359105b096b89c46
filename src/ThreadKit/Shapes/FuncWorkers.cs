// This file is written by eng/GenerateOverloads.cs: edit the generator, then run it
// (dotnet run eng/GenerateOverloads.cs), rather than editing here.

#nullable enable

using System;
using System.Threading;

namespace ThreadKit.Shapes;

internal sealed class FuncWorker<TResult> : NamedWorker<TResult>
{
    private Func<TResult>? _body;

    public FuncWorker(string? name, Func<TResult> body)
        : base(name, body, default)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!());
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class FuncWorker<T1, TResult> : NamedWorker<TResult>
{
    private Func<T1, TResult>? _body;
    private T1 _arg1;

    public FuncWorker(string? name, Func<T1, TResult> body, T1 arg1)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class FuncWorker<T1, T2, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public FuncWorker(string? name, Func<T1, T2, TResult> body, T1 arg1, T2 arg2)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1, _arg2));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class FuncWorker<T1, T2, T3, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public FuncWorker(string? name, Func<T1, T2, T3, TResult> body, T1 arg1, T2 arg2, T3 arg3)
        : base(name, body, default)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1, _arg2, _arg3));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class FuncWorker<T1, T2, T3, T4, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, T4, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public FuncWorker(string? name, Func<T1, T2, T3, T4, TResult> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4)
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
        try
        {
            SetResult(_body!(_arg1, _arg2, _arg3, _arg4));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}

internal sealed class StoppableFuncWorker<TResult> : NamedWorker<TResult>
{
    private Func<CancellationToken, TResult>? _body;

    public StoppableFuncWorker(string? name, Func<CancellationToken, TResult> body, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(StopToken));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
        }
    }
}

internal sealed class StoppableFuncWorker<T1, TResult> : NamedWorker<TResult>
{
    private Func<T1, CancellationToken, TResult>? _body;
    private T1 _arg1;

    public StoppableFuncWorker(string? name, Func<T1, CancellationToken, TResult> body, T1 arg1, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1, StopToken));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
        }
    }
}

internal sealed class StoppableFuncWorker<T1, T2, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, CancellationToken, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;

    public StoppableFuncWorker(string? name, Func<T1, T2, CancellationToken, TResult> body, T1 arg1, T2 arg2, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1, _arg2, StopToken));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
        }
    }
}

internal sealed class StoppableFuncWorker<T1, T2, T3, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, CancellationToken, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;

    public StoppableFuncWorker(string? name, Func<T1, T2, T3, CancellationToken, TResult> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken)
        : base(name, body, cancellationToken)
    {
        _body = body;
        _arg1 = arg1;
        _arg2 = arg2;
        _arg3 = arg3;
    }

    private protected override void Execute()
    {
        try
        {
            SetResult(_body!(_arg1, _arg2, _arg3, StopToken));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
        }
    }
}

internal sealed class StoppableFuncWorker<T1, T2, T3, T4, TResult> : NamedWorker<TResult>
{
    private Func<T1, T2, T3, T4, CancellationToken, TResult>? _body;
    private T1 _arg1;
    private T2 _arg2;
    private T3 _arg3;
    private T4 _arg4;

    public StoppableFuncWorker(string? name, Func<T1, T2, T3, T4, CancellationToken, TResult> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken)
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
        try
        {
            SetResult(_body!(_arg1, _arg2, _arg3, _arg4, StopToken));
        }
        finally
        {
            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.
            _body = null;
            _arg1 = default!;
            _arg2 = default!;
            _arg3 = default!;
            _arg4 = default!;
        }
    }
}
