// This file is written by eng/GenerateOverloads.cs: edit the generator, then run it
// (dotnet run eng/GenerateOverloads.cs), rather than editing here.

#nullable enable

using System;
using System.Threading;
using System.Threading.Tasks;
using ThreadKit.Shapes;

namespace ThreadKit;

public sealed partial class WorkerPool
{
    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start(string? name, Action body) =>
        StartJob(new ActionWorker(name, body));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1>(string? name, Action<T1> body, T1 arg1) =>
        StartJob(new ActionWorker<T1>(name, body, arg1));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2>(string? name, Action<T1, T2> body, T1 arg1, T2 arg2) =>
        StartJob(new ActionWorker<T1, T2>(name, body, arg1, arg2));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3>(string? name, Action<T1, T2, T3> body, T1 arg1, T2 arg2, T3 arg3) =>
        StartJob(new ActionWorker<T1, T2, T3>(name, body, arg1, arg2, arg3));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3, T4>(string? name, Action<T1, T2, T3, T4> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4) =>
        StartJob(new ActionWorker<T1, T2, T3, T4>(name, body, arg1, arg2, arg3, arg4));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start(string? name, Action<CancellationToken> body, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableActionWorker(name, body, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1>(string? name, Action<T1, CancellationToken> body, T1 arg1, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableActionWorker<T1>(name, body, arg1, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2>(string? name, Action<T1, T2, CancellationToken> body, T1 arg1, T2 arg2, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableActionWorker<T1, T2>(name, body, arg1, arg2, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3>(string? name, Action<T1, T2, T3, CancellationToken> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableActionWorker<T1, T2, T3>(name, body, arg1, arg2, arg3, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3, T4>(string? name, Action<T1, T2, T3, T4, CancellationToken> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableActionWorker<T1, T2, T3, T4>(name, body, arg1, arg2, arg3, arg4, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<TResult>(string? name, Func<TResult> body) =>
        StartJob(new FuncWorker<TResult>(name, body));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, TResult>(string? name, Func<T1, TResult> body, T1 arg1) =>
        StartJob(new FuncWorker<T1, TResult>(name, body, arg1));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, TResult>(string? name, Func<T1, T2, TResult> body, T1 arg1, T2 arg2) =>
        StartJob(new FuncWorker<T1, T2, TResult>(name, body, arg1, arg2));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, TResult>(string? name, Func<T1, T2, T3, TResult> body, T1 arg1, T2 arg2, T3 arg3) =>
        StartJob(new FuncWorker<T1, T2, T3, TResult>(name, body, arg1, arg2, arg3));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, T4, TResult>(string? name, Func<T1, T2, T3, T4, TResult> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4) =>
        StartJob(new FuncWorker<T1, T2, T3, T4, TResult>(name, body, arg1, arg2, arg3, arg4));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<TResult>(string? name, Func<CancellationToken, TResult> body, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableFuncWorker<TResult>(name, body, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, TResult>(string? name, Func<T1, CancellationToken, TResult> body, T1 arg1, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableFuncWorker<T1, TResult>(name, body, arg1, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, TResult>(string? name, Func<T1, T2, CancellationToken, TResult> body, T1 arg1, T2 arg2, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableFuncWorker<T1, T2, TResult>(name, body, arg1, arg2, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, TResult>(string? name, Func<T1, T2, T3, CancellationToken, TResult> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableFuncWorker<T1, T2, T3, TResult>(name, body, arg1, arg2, arg3, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The code the worker runs. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; its return value is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, T4, TResult>(string? name, Func<T1, T2, T3, T4, CancellationToken, TResult> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableFuncWorker<T1, T2, T3, T4, TResult>(name, body, arg1, arg2, arg3, arg4, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start(string? name, Func<Task> body) =>
        StartJob(new AsyncActionWorker(name, body));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1>(string? name, Func<T1, Task> body, T1 arg1) =>
        StartJob(new AsyncActionWorker<T1>(name, body, arg1));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2>(string? name, Func<T1, T2, Task> body, T1 arg1, T2 arg2) =>
        StartJob(new AsyncActionWorker<T1, T2>(name, body, arg1, arg2));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3>(string? name, Func<T1, T2, T3, Task> body, T1 arg1, T2 arg2, T3 arg3) =>
        StartJob(new AsyncActionWorker<T1, T2, T3>(name, body, arg1, arg2, arg3));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3, T4>(string? name, Func<T1, T2, T3, T4, Task> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4) =>
        StartJob(new AsyncActionWorker<T1, T2, T3, T4>(name, body, arg1, arg2, arg3, arg4));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start(string? name, Func<CancellationToken, Task> body, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncActionWorker(name, body, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1>(string? name, Func<T1, CancellationToken, Task> body, T1 arg1, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncActionWorker<T1>(name, body, arg1, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2>(string? name, Func<T1, T2, CancellationToken, Task> body, T1 arg1, T2 arg2, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncActionWorker<T1, T2>(name, body, arg1, arg2, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3>(string? name, Func<T1, T2, T3, CancellationToken, Task> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncActionWorker<T1, T2, T3>(name, body, arg1, arg2, arg3, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker Start<T1, T2, T3, T4>(string? name, Func<T1, T2, T3, T4, CancellationToken, Task> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncActionWorker<T1, T2, T3, T4>(name, body, arg1, arg2, arg3, arg4, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<TResult>(string? name, Func<Task<TResult>> body) =>
        StartJob(new AsyncFuncWorker<TResult>(name, body));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, TResult>(string? name, Func<T1, Task<TResult>> body, T1 arg1) =>
        StartJob(new AsyncFuncWorker<T1, TResult>(name, body, arg1));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, TResult>(string? name, Func<T1, T2, Task<TResult>> body, T1 arg1, T2 arg2) =>
        StartJob(new AsyncFuncWorker<T1, T2, TResult>(name, body, arg1, arg2));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, TResult>(string? name, Func<T1, T2, T3, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3) =>
        StartJob(new AsyncFuncWorker<T1, T2, T3, TResult>(name, body, arg1, arg2, arg3));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, T4, TResult>(string? name, Func<T1, T2, T3, T4, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4) =>
        StartJob(new AsyncFuncWorker<T1, T2, T3, T4, TResult>(name, body, arg1, arg2, arg3, arg4));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<TResult>(string? name, Func<CancellationToken, Task<TResult>> body, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncFuncWorker<TResult>(name, body, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, TResult>(string? name, Func<T1, CancellationToken, Task<TResult>> body, T1 arg1, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncFuncWorker<T1, TResult>(name, body, arg1, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, TResult>(string? name, Func<T1, T2, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncFuncWorker<T1, T2, TResult>(name, body, arg1, arg2, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, TResult>(string? name, Func<T1, T2, T3, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncFuncWorker<T1, T2, T3, TResult>(name, body, arg1, arg2, arg3, cancellationToken));

    /// <summary>Creates a job that runs <paramref name="body"/> on one of this pool's threads, and starts it at once.</summary>
    /// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>
    /// <typeparam name="T1">The type of the first argument.</typeparam>
    /// <typeparam name="T2">The type of the second argument.</typeparam>
    /// <typeparam name="T3">The type of the third argument.</typeparam>
    /// <typeparam name="T4">The type of the fourth argument.</typeparam>
    /// <typeparam name="TResult">The type of the value the body returns.</typeparam>
    /// <param name="name">The worker's name, kept whole and set on its thread. <see langword="null"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>
    /// <param name="body">The asynchronous code the worker runs. Every continuation runs on the worker's thread, and the worker ends when the returned task completes. Its last parameter is the worker's stop token, signalled by <see cref="NamedWorker.RequestStop"/>, or by <paramref name="cancellationToken"/>; the value of its task is what <see cref="NamedWorker{TResult}.Join()"/> returns.</param>
    /// <param name="arg1">The first argument passed to <paramref name="body"/>.</param>
    /// <param name="arg2">The second argument passed to <paramref name="body"/>.</param>
    /// <param name="arg3">The third argument passed to <paramref name="body"/>.</param>
    /// <param name="arg4">The fourth argument passed to <paramref name="body"/>.</param>
    /// <param name="cancellationToken">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>
    /// <returns>The job, already started: queued, or running on one of the pool's threads under its own name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> contains a NUL character (<c>'\0'</c>).</exception>
    /// <exception cref="InvalidOperationException">The pool has been completed or disposed.</exception>
    /// <exception cref="OutOfMemoryException">The operating system could not create a thread for the pool; the job is not started.</exception>
    public NamedWorker<TResult> Start<T1, T2, T3, T4, TResult>(string? name, Func<T1, T2, T3, T4, CancellationToken, Task<TResult>> body, T1 arg1, T2 arg2, T3 arg3, T4 arg4, CancellationToken cancellationToken = default) =>
        StartJob(new StoppableAsyncFuncWorker<T1, T2, T3, T4, TResult>(name, body, arg1, arg2, arg3, arg4, cancellationToken));
}
