// Prints CI's closing count from the TRX files the test runs wrote: "N passed, N failed, N skipped".
// Errors, timeouts and aborted tests count as failed; a test that was not executed counts as skipped.
//
//     dotnet run eng/TestSummary.cs -- artifacts/ci
using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: dotnet run eng/TestSummary.cs -- RESULTS_DIR  (searched recursively for *.trx)");
    return 2;
}

XNamespace trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
var files = Directory.Exists(args[0])
    ? Directory.GetFiles(args[0], "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
    : [];
int passed = 0, failed = 0, skipped = 0;
foreach (var file in files)
{
    var counters = XDocument.Load(file).Root?.Element(trx + "ResultSummary")?.Element(trx + "Counters")
        ?? throw new InvalidDataException($"{file} has no ResultSummary/Counters element.");
    int Count(string name) => (int?)counters.Attribute(name) ?? 0;
    passed += Count("passed");
    failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
    skipped += Count("total") - Count("executed");
}

Console.WriteLine($"{files.Count} test result files");
Console.WriteLine($"{passed} passed, {failed} failed, {skipped} skipped");
return 0;
