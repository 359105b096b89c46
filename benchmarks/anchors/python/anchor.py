"""Python's threading.Thread: create a named thread with one argument, start it, join it.

With "pool" as the third argument: the same job submitted to a one-thread ThreadPoolExecutor(thread_name_prefix=...),
then its result awaited, the pool counterpart of the job.
"""
import concurrent.futures
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
    pooled = len(sys.argv) > 3 and sys.argv[3] == "pool"
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="anchor-pool")
    best = float("inf")
    for round_number in range(-1, rounds):  # round -1 warms up
        start = time.perf_counter()
        for _ in range(per_round):
            if pooled:
                executor.submit(body, "payload").result()
                continue
            thread = threading.Thread(target=body, args=("payload",), name="anchor")
            thread.start()
            thread.join()
        per_op = (time.perf_counter() - start) * 1e6 / per_round
        if round_number >= 0:
            best = min(best, per_op)
    print(f"{best:.2f}")


if __name__ == "__main__":
    main()
