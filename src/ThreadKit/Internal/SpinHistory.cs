namespace ThreadKit;

/// <summary>
/// Whether spinning before a block has been paying off for one waiter, so that it spins only while it does, as the
/// runtime's thread pool and Java's ForkJoinPool adapt their spinning. A spin that ends in what it waited for earns
/// credit; one that runs out loses more. Without credit the waiter blocks at once, and spins again only as a probe,
/// one wait in sixteen, so a machine that turns quiet again is noticed.
/// </summary>
/// <remarks>
/// On a machine with more runnable threads than cores, a spin rarely ends in work: the thread it waits for is itself
/// waiting for a core. Spinning then only spends the waiter's share of the scheduler's time, so its wake-up, when the
/// work does come, waits behind the busy threads, where a thread that had blocked would be preferred. A waiter that
/// blocks at once keeps that preference. A loop's pump uses it; the pool's idle threads and joiners still spin their
/// fixed 20 us, since on this machine the pool harness could not tell the two apart.
/// </remarks>
internal struct SpinHistory
{
    private const int MaxCredit = 8;
    private const int CreditPerSuccess = 1;
    private const int CreditPerFailure = 4;
    private const int ProbeEvery = 16;

    // Starts with full credit: a new waiter spins until spinning is shown not to pay.
    private int _spent;
    private int _waitsWithoutCredit;

    /// <summary>Tells whether this wait should spin first, counting it towards the next probe when it should not.</summary>
    public bool ShouldSpin() => _spent < MaxCredit || (++_waitsWithoutCredit % ProbeEvery) == 0;

    /// <summary>Records how a spin ended: <paramref name="found"/> when what it waited for came within it.</summary>
    public void Record(bool found) =>
        _spent = found ? System.Math.Max(0, _spent - CreditPerSuccess) : System.Math.Min(MaxCredit, _spent + CreditPerFailure);
}
