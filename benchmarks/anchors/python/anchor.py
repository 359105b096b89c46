"""Python's threading.Thread: create a named thread with one argument, start it, join it."""
import sys
import threading
import time

sink = None


def body(argument):
    global sink
    sink = argument


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    per_round = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    best = float("inf")
    for round_number in range(-1, rounds):  # round -1 warms up
        start = time.perf_counter()
        for _ in range(per_round):
            thread = threading.Thread(target=body, args=("payload",), name="anchor")
            thread.start()
            thread.join()
        per_op = (time.perf_counter() - start) * 1e6 / per_round
        if round_number >= 0:
            best = min(best, per_op)
    print(f"{best:.2f}")


if __name__ == "__main__":
    main()
