// Java's ScheduledExecutorService.scheduleAtFixedRate on a thread you name: tick lateness against the due time
// t0 + n * period, with t0 read just before the schedule is made, as benchmarks/ThreadKit.Timers measures it for .NET.
// Prints one Markdown row per period: p50, p99 and max lateness in microseconds, and the ticks Java ran late in a burst.
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

public final class ScheduledAnchor {
    public static void main(String[] args) throws InterruptedException {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "timed"));
        measure(executor, 1_000_000, 20); // warm-up
        for (long periodNanos : new long[] {10_000_000, 1_000_000}) {
            List<Double> lateness = measure(executor, periodNanos, ticks);
            Collections.sort(lateness);
            System.out.printf("| %d ms | Java %s scheduleAtFixedRate | %.0f us | %.0f us | %.0f us |%n",
                periodNanos / 1_000_000, System.getProperty("java.version"),
                percentile(lateness, 0.50), percentile(lateness, 0.99), lateness.get(lateness.size() - 1));
        }
        executor.shutdown();
    }

    private static List<Double> measure(ScheduledExecutorService executor, long periodNanos, int ticks) throws InterruptedException {
        long[] starts = new long[ticks];
        CountDownLatch done = new CountDownLatch(1);
        int[] count = {0};
        long origin = System.nanoTime();
        var future = executor.scheduleAtFixedRate(() -> {
            if (count[0] < ticks) {
                starts[count[0]++] = System.nanoTime();
                if (count[0] == ticks) {
                    done.countDown();
                }
            }
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        done.await();
        future.cancel(false);
        // Java runs missed ticks back to back, so tick n always belongs to slot n + 1.
        List<Double> lateness = new ArrayList<>(ticks);
        for (int n = 0; n < ticks; n++) {
            lateness.add((starts[n] - origin - (n + 1) * periodNanos) / 1e3);
        }
        return lateness;
    }

    private static double percentile(List<Double> sorted, double fraction) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(fraction * sorted.size()) - 1));
    }
}
