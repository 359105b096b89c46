// The operating system's floor: create a named thread with one argument, start it, join it, with pthreads.
// The new thread names itself (one prctl on Linux), as the JVM and ThreadKit do.
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static volatile const char *sink;

static void *body(void *argument)
{
    pthread_setname_np(pthread_self(), "anchor");
    sink = (const char *)argument;
    return NULL;
}

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 5;
    int per_round = argc > 2 ? atoi(argv[2]) : 10000;
    double best = 1e300;
    for (int round = -1; round < rounds; round++) { /* round -1 warms up */
        double start = now_us();
        for (int i = 0; i < per_round; i++) {
            pthread_t thread;
            if (pthread_create(&thread, NULL, body, "payload") != 0) {
                perror("pthread_create");
                return 1;
            }
            pthread_join(thread, NULL);
        }
        double per_op = (now_us() - start) / per_round;
        if (round >= 0 && per_op < best) best = per_op;
    }
    printf("%.2f\n", best);
    return 0;
}
