// Java's Thread: create a named thread with one argument, start it, join it.
public final class Anchor {
    private static volatile String sink;

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        String argument = "payload";
        double best = Double.MAX_VALUE;
        for (int round = -1; round < rounds; round++) { // round -1 warms up
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                Thread thread = new Thread(() -> sink = argument, "anchor");
                thread.start();
                thread.join();
            }
            double perOp = (System.nanoTime() - start) / 1e3 / perRound;
            if (round >= 0 && perOp < best) {
                best = perOp;
            }
        }
        System.out.printf("%.2f%n", best);
    }
}
