/*
 * The cost of one sys_membarrier() call, by command, with 2 threads: the caller, and a second thread of the
 * same process spinning on a CPU (a target of the IPI for the expedited commands). Used for docs/hardware.md.
 *
 *   gcc -O2 -pthread -o /tmp/membarrier-cost scripts/membarrier-cost.c && /tmp/membarrier-cost [EXPEDITED_CALLS [GLOBAL_CALLS]]
 *
 * Prints, per command, the calls made and the mean, median, 90th and 99th percentile time per call. The
 * kernel sends an IPI only to CPUs currently running a thread of the caller's process: when the target thread
 * is not on a CPU (a busy machine), the call costs little more than a system call. GLOBAL waits for an RCU grace
 * period in the kernel (synchronize_rcu()), so it gets far fewer calls.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int stop;
static volatile unsigned long spins;

static void *target(void *arg)
{
	(void)arg;
	while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
		spins++;
	return NULL;
}

static long membarrier(int cmd) { return syscall(__NR_membarrier, cmd, 0, 0); }

static long long now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int compare(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

static void measure(const char *name, int cmd, long calls)
{
	long long *t = malloc(sizeof *t * (size_t)calls);
	long long start = now_ns();
	for (long i = 0; i < calls; i++) {
		long long a = now_ns();
		if (membarrier(cmd) < 0) {
			printf("%-18s failed: %s\n", name, strerror(errno));
			free(t);
			return;
		}
		t[i] = now_ns() - a;
	}
	long long total = now_ns() - start;
	qsort(t, (size_t)calls, sizeof *t, compare);
	printf("%-18s %8ld calls  mean %10.2f us  median %10.2f us  p90 %10.2f us  p99 %10.2f us\n", name, calls,
	       total / 1e3 / calls, t[calls / 2] / 1e3, t[calls * 9 / 10] / 1e3, t[calls * 99 / 100] / 1e3);
	free(t);
}

int main(int argc, char **argv)
{
	long expedited = argc > 1 ? atol(argv[1]) : 100000;
	long global = argc > 2 ? atol(argv[2]) : 200;
	printf("membarrier(QUERY) = 0x%lx, %ld CPUs online\n", membarrier(MEMBARRIER_CMD_QUERY), sysconf(_SC_NPROCESSORS_ONLN));
	if (membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED) < 0)
		printf("REGISTER_PRIVATE_EXPEDITED failed: %s\n", strerror(errno));
	pthread_t th;
	pthread_create(&th, NULL, target, NULL);
	usleep(10000);
	measure("PRIVATE_EXPEDITED", MEMBARRIER_CMD_PRIVATE_EXPEDITED, expedited);
	measure("GLOBAL", MEMBARRIER_CMD_GLOBAL, global);
	__atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
	pthread_join(th, NULL);
	return 0;
}
