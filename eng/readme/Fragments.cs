// What the README's fragments assume, declared once, as the reader's own program would declare it. The fragments are
// compiled with this file by eng/ReadmeSnippets.cs; none of it is ThreadKit's API.
global using ThreadKit;
global using static ReadmeFragments;

using System.Collections.Concurrent;

public static class ReadmeFragments
{
    public static readonly int[] numbers = [1, 2, 3];
    public static readonly NamedWorker<int> sum = NamedWorker.Create("summer", static () => 6);
    public static readonly CancellationToken cancellationToken = CancellationToken.None;
    public static readonly string[] urls = ["https://example.org/"];
    public static readonly string document = "<doc/>";
    public static readonly Order[] orders = [new("1")];
    public static readonly FileInfo[] files = [new("photo.jpg")];

    public static void Poll()
    {
    }

    public static void Download(string url, CancellationToken stop) => _ = (url, stop);

    public static void Parse(string text) => _ = text;

    public static void Remind()
    {
    }

    public static Database OpenConnection() => new();

    public static byte[] MakeThumbnail(FileInfo file) => [(byte)file.Name.Length];

    public static void Save(byte[] thumbnail) => _ = thumbnail;
}

public sealed record Order(string Id);

public sealed class Database
{
    private readonly ConcurrentBag<Order> _rows = [];

    public void Insert(Order order) => _rows.Add(order);

    public int Count() => _rows.Count;

    public void Vacuum()
    {
    }
}
