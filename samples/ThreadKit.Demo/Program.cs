// The tutorial's program, line for line: Python's threading.Thread(target=..., args=..., name=...) becomes
// NamedWorker.Create(name, target, args...), and current_thread().name becomes NamedWorker.CurrentThreadName.
using System;
using ThreadKit;

Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
Console.WriteLine("hello world!");
var t = NamedWorker.Create("TestThread", ThreadTest, "test");
t.Start();
t.Join();
Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");

static void ThreadTest(string name)
{
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} is running...");
    Console.WriteLine($"hello {name}");
    Console.WriteLine($"thread {NamedWorker.CurrentThreadName} ended.");
}
