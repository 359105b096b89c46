using FluentAssertions;
using Xunit;

namespace ThreadKit.Tests.Internal;

/// <summary>A waiter spins while spinning pays, blocks at once when it stops paying, and probes to find out again.</summary>
public sealed class SpinHistoryTests : TestBase
{
    [Fact]
    public void A_new_waiter_spins_and_keeps_spinning_while_its_spins_find_what_they_wait_for()
    {
        var history = default(SpinHistory);

        for (var i = 0; i < 100; i++)
        {
            history.ShouldSpin().Should().BeTrue();
            history.Record(found: true);
        }
    }

    [Fact]
    public void Two_spins_that_run_out_stop_the_spinning_and_then_only_one_wait_in_sixteen_probes()
    {
        var history = default(SpinHistory);
        history.Record(found: false);
        history.Record(found: false);

        var probes = 0;
        for (var i = 0; i < 64; i++)
        {
            if (history.ShouldSpin())
            {
                probes++;
                history.Record(found: false);
            }
        }

        probes.Should().Be(4, "one wait in sixteen probes while spins keep running out");
    }

    [Fact]
    public void A_probe_that_finds_work_brings_the_spinning_back()
    {
        var history = default(SpinHistory);
        history.Record(found: false);
        history.Record(found: false);
        var waits = 0;
        while (!history.ShouldSpin())
        {
            waits++;
        }

        history.Record(found: true);

        waits.Should().Be(15, "the sixteenth wait probes");
        history.ShouldSpin().Should().BeTrue("a quiet machine is noticed at the first probe that finds work");
    }
}
