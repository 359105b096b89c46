// Java's pooled counterparts of a named job with one argument, started and joined: a fixed pool of two threads that
// renames its thread for each job, and, on Java 21 or later, a named virtual thread. Prints the best of ROUNDS rounds,
// in microseconds per job, one line each: "pool <us>" and "virtual <us>" (or "virtual skipped" before Java 21).
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public final class PoolAnchor {
    private static volatile String sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        String argument = "payload";
        System.out.printf("pool %.2f%n", best(rounds, perRound, () -> {
            Future<?> job = pool.submit(() -> {
                Thread self = Thread.currentThread();
                String own = self.getName();
                self.setName("bench job");
                sink = argument;
                self.setName(own);
            });
            job.get();
        }));
        pool.shutdown();

        // Through the public Thread.Builder interfaces by reflection, so that this file also compiles on Java 17.
        Method ofVirtual;
        Class<?> builderType;
        Class<?> ofVirtualType;
        try {
            ofVirtual = Thread.class.getMethod("ofVirtual");
            builderType = Class.forName("java.lang.Thread$Builder");
            ofVirtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
        } catch (NoSuchMethodException | ClassNotFoundException e) {
            System.out.println("virtual skipped: this JDK has no virtual threads (Java 21 or later has)");
            return;
        }
        Method name = ofVirtualType.getMethod("name", String.class);
        Method unstarted = builderType.getMethod("unstarted", Runnable.class);
        Object named = name.invoke(ofVirtual.invoke(null), "bench job");
        System.out.printf("virtual %.2f%n", best(rounds, perRound, () -> {
            Thread thread = (Thread) unstarted.invoke(named, (Runnable) () -> sink = argument);
            thread.start();
            thread.join();
        }));
    }

    private interface Job {
        void run() throws Exception;
    }

    private static double best(int rounds, int perRound, Job job) throws Exception {
        double best = Double.MAX_VALUE;
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                job.run();
            }
            double perOp = (System.nanoTime() - start) / 1e3 / perRound;
            if (round >= 0 && perOp < best) {
                best = perOp;
            }
        }
        return best;
    }
}
