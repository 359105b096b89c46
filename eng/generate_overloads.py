#!/usr/bin/env python3
"""Writes the arity overloads of ThreadKit: the internal worker classes, NamedWorker.Create and WorkerGroup.Start.

Every overload family is one shape repeated for 0 to 4 typed arguments, with and without a stop token, for actions
and for functions. Writing them from one template keeps their code and XML docs identical. Run it after changing
the template; `.ci/run` fails when the committed files differ from what this script writes.

    python3 eng/generate_overloads.py
"""
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "ThreadKit"
MAX_ARITY = 4
HEADER = "// This file is written by eng/generate_overloads.py: edit the script, then run it, rather than editing here.\n\n"
ORDINALS = ["first", "second", "third", "fourth"]


def type_args(n):
    return [f"T{i}" for i in range(1, n + 1)]


def shapes():
    """Yields (kind, stoppable, arity) for every overload, in the order they appear."""
    for kind in ("action", "func"):
        for stoppable in (False, True):
            for n in range(MAX_ARITY + 1):
                yield kind, stoppable, n


def class_name(kind, stoppable):
    return ("Stoppable" if stoppable else "") + ("ActionWorker" if kind == "action" else "FuncWorker")


def generics(kind, n):
    names = type_args(n) + (["TResult"] if kind == "func" else [])
    return f"<{', '.join(names)}>" if names else ""


def delegate_type(kind, stoppable, n):
    params = type_args(n) + (["CancellationToken"] if stoppable else [])
    if kind == "func":
        return f"Func<{', '.join(params + ['TResult'])}>"
    return f"Action<{', '.join(params)}>" if params else "Action"


def worker_type(kind):
    return "NamedWorker<TResult>" if kind == "func" else "NamedWorker"


def parameters(kind, stoppable, n, with_default=True):
    ps = ["string? name", f"{delegate_type(kind, stoppable, n)} body"]
    ps += [f"T{i} arg{i}" for i in range(1, n + 1)]
    if stoppable:
        ps.append("CancellationToken cancellationToken" + (" = default" if with_default else ""))
    return ", ".join(ps)


def arguments(stoppable, n):
    args = ["name", "body"] + [f"arg{i}" for i in range(1, n + 1)]
    if stoppable:
        args.append("cancellationToken")
    return ", ".join(args)


def worker_class_source(kind, stoppable, n):
    name = class_name(kind, stoppable)
    gens = generics(kind, n)
    base = worker_type(kind)
    fields = [f"    private {delegate_type(kind, stoppable, n)}? _body;"]
    fields += [f"    private T{i} _arg{i};" for i in range(1, n + 1)]
    ctor_params = parameters(kind, stoppable, n, with_default=False)
    token = "cancellationToken" if stoppable else "default"
    assigns = ["        _body = body;"] + [f"        _arg{i} = arg{i};" for i in range(1, n + 1)]
    call_args = [f"_arg{i}" for i in range(1, n + 1)] + (["StopToken"] if stoppable else [])
    call = f"_body!({', '.join(call_args)})"
    invoke = f"SetResult({call});" if kind == "func" else f"{call};"
    clears = ["            _body = null;"] + [f"            _arg{i} = default!;" for i in range(1, n + 1)]
    return "\n".join([
        f"internal sealed class {name}{gens} : {base}",
        "{",
        *fields,
        "",
        f"    public {name}({ctor_params})",
        f"        : base(name, body, {token})",
        "    {",
        *assigns,
        "    }",
        "",
        "    private protected override void Execute()",
        "    {",
        "        try",
        "        {",
        f"            {invoke}",
        "        }",
        "        finally",
        "        {",
        "            // Like Python's Thread.run, drop the body and its arguments so a finished worker keeps nothing alive.",
        *clears,
        "        }",
        "    }",
        "}",
    ])


def write_worker_classes():
    for kind in ("action", "func"):
        body = "\n\n".join(worker_class_source(kind, s, n) for k, s, n in shapes() if k == kind)
        usings = "using System;\nusing System.Threading;\n\n"
        text = HEADER + usings + "namespace ThreadKit.Workers;\n\n" + body + "\n"
        file = SRC / "Workers" / ("ActionWorkers.cs" if kind == "action" else "FuncWorkers.cs")
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text)


def docs(kind, stoppable, n, for_group):
    lines = []
    if for_group:
        lines.append("/// <summary>Creates a worker in this group and starts it at once.</summary>")
    else:
        lines.append("/// <summary>Creates an unstarted worker that will run <paramref name=\"body\"/> on its own thread.</summary>")
    if n:
        lines.append("/// <remarks>The arguments are stored in the worker with their own types, never boxed or captured in a closure.</remarks>")
    for i in range(1, n + 1):
        lines.append(f"/// <typeparam name=\"T{i}\">The type of the {ORDINALS[i - 1]} argument.</typeparam>")
    if kind == "func":
        lines.append("/// <typeparam name=\"TResult\">The type of the value the body returns.</typeparam>")
    lines.append("/// <param name=\"name\">The worker's name, kept whole and set on its thread. <see langword=\"null\"/> or empty gives Python's automatic name, <c>Thread-N (MethodName)</c>.</param>")
    body_doc = "The code the worker runs"
    if stoppable:
        body_doc += ". Its last parameter is the worker's stop token, signalled by <see cref=\"NamedWorker.RequestStop\"/>"
        body_doc += ", by the group's stop," if for_group else ","
        body_doc += " or by <paramref name=\"cancellationToken\"/>"
    if kind == "func":
        body_doc += "; its return value is what <see cref=\"NamedWorker{TResult}.Join()\"/> returns"
    lines.append(f"/// <param name=\"body\">{body_doc}.</param>")
    for i in range(1, n + 1):
        lines.append(f"/// <param name=\"arg{i}\">The {ORDINALS[i - 1]} argument passed to <paramref name=\"body\"/>.</param>")
    if stoppable:
        lines.append("/// <param name=\"cancellationToken\">An outside token that also requests the worker to stop. Its registration is released when the worker ends.</param>")
    if for_group:
        lines.append("/// <returns>The running worker, already started and tracked by this group.</returns>")
    else:
        lines.append("/// <returns>The new worker, <see cref=\"WorkerState.Unstarted\"/>: set its options, then call <see cref=\"NamedWorker.Start\"/>.</returns>")
    lines.append("/// <exception cref=\"ArgumentNullException\"><paramref name=\"body\"/> is <see langword=\"null\"/>.</exception>")
    lines.append("/// <exception cref=\"ArgumentException\"><paramref name=\"name\"/> contains a NUL character (<c>'\\0'</c>).</exception>")
    if for_group:
        lines.append("/// <exception cref=\"ObjectDisposedException\">The group has been disposed.</exception>")
        lines.append("/// <exception cref=\"OutOfMemoryException\">The operating system could not create the thread; the worker is not added to the group.</exception>")
    return lines


def factory_source(for_group):
    members = []
    for kind, stoppable, n in shapes():
        gens = generics(kind, n)
        ret = worker_type(kind)
        lines = docs(kind, stoppable, n, for_group)
        if for_group:
            worker = f"new {class_name(kind, stoppable)}{gens}({arguments(stoppable, n)})"
            lines.append(f"public {ret} Start{gens}({parameters(kind, stoppable, n)}) =>")
            lines.append(f"    Start({worker});")
        else:
            lines.append(f"public static {ret} Create{gens}({parameters(kind, stoppable, n)}) =>")
            lines.append(f"    new {class_name(kind, stoppable)}{gens}({arguments(stoppable, n)});")
        members.append("\n".join("    " + l for l in lines))
    type_decl = "public sealed partial class WorkerGroup" if for_group else "public abstract partial class NamedWorker"
    usings = "using System;\nusing System.Threading;\nusing ThreadKit.Workers;\n\n"
    return HEADER + usings + "namespace ThreadKit;\n\n" + type_decl + "\n{\n" + "\n\n".join(members) + "\n}\n"


def main():
    write_worker_classes()
    (SRC / "NamedWorker.Create.cs").write_text(factory_source(for_group=False))
    (SRC / "WorkerGroup.Start.cs").write_text(factory_source(for_group=True))


if __name__ == "__main__":
    main()
