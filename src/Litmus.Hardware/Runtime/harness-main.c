/*
 * Driver of a Litmus hardware harness, in the manner of litmus7 (our own code):
 *  - SIZE instances of the test live side by side in arrays (struct of arrays, one array per location, so the
 *    locations of an instance sit on different cache lines and neighbouring instances share lines);
 *  - the test's threads run in rounds; all of them meet at a spin barrier before and after each round;
 *  - in each round every thread goes through the instances in the same random order (thread 0 shuffles it);
 *  - with sync=1, the threads also meet before each instance (litmus7's "user" barrier), so that they run the
 *    same instance at the same time;
 *  - with affinity=1, thread t is pinned to CPU (t + round) mod CPUs, so the pairs of CPUs vary.
 * Thread 0 resets the instances before a round and counts their final states after it.
 * Usage: harness ITERATIONS SIZE SEED AFFINITY SYNC. Output: lines read by HarnessOutput.cs.
 */

static long litmus_size;
static long *litmus_order;
static int *litmus_arrived;

typedef struct {
	long long v[LITMUS_OBSERVED + 1];
	int loc[LITMUS_OBSERVED + 1];
} litmus_key;

#define LITMUS_TABLE (1 << 16)
static litmus_key litmus_keys[LITMUS_TABLE];
static long litmus_counts[LITMUS_TABLE];
static long litmus_distinct;
static int litmus_overflow;

static void litmus_count(const litmus_key *k)
{
	unsigned long h = 1469598103934665603UL;
	const unsigned char *p = (const unsigned char *)k;
	for (size_t j = 0; j < sizeof *k; j++)
		h = (h ^ p[j]) * 1099511628211UL;
	for (unsigned long s = h & (LITMUS_TABLE - 1);; s = (s + 1) & (LITMUS_TABLE - 1)) {
		if (litmus_counts[s] == 0) {
			if (litmus_distinct >= LITMUS_TABLE / 2) {
				litmus_overflow = 1;
				return;
			}
			litmus_keys[s] = *k;
			litmus_counts[s] = 1;
			litmus_distinct++;
			return;
		}
		if (memcmp(&litmus_keys[s], k, sizeof *k) == 0) {
			litmus_counts[s]++;
			return;
		}
	}
}

static long litmus_stuck_count;

static void litmus_collect(void)
{
	for (long i = 0; i < litmus_size; i++) {
		if (litmus_stuck[i]) {
			litmus_stuck_count++;
			continue;
		}
		litmus_key k;
		memset(&k, 0, sizeof k);
		litmus_observe(i, k.v);
		for (int j = 0; j < LITMUS_OBSERVED; j++) {
			k.loc[j] = litmus_location_index(i, k.v[j]);
			if (k.loc[j] >= 0)
				k.v[j] = 0;
		}
		litmus_count(&k);
	}
}

typedef struct {
	int count;
	char pad1[60];
	int sense;
	char pad2[60];
} litmus_spin_barrier;

static litmus_spin_barrier litmus_round_barrier;

static void litmus_barrier_wait(litmus_spin_barrier *b, int *local_sense)
{
	int sense = !*local_sense;
	*local_sense = sense;
	if (__atomic_add_fetch(&b->count, 1, __ATOMIC_ACQ_REL) == LITMUS_THREADS) {
		__atomic_store_n(&b->count, 0, __ATOMIC_RELAXED);
		__atomic_store_n(&b->sense, sense, __ATOMIC_RELEASE);
	} else {
		unsigned spins = 0;
		while (__atomic_load_n(&b->sense, __ATOMIC_ACQUIRE) != sense)
			litmus_pause(&spins);
	}
}

static unsigned long long litmus_rng;
static unsigned long long litmus_random(void)
{
	litmus_rng ^= litmus_rng << 13;
	litmus_rng ^= litmus_rng >> 7;
	litmus_rng ^= litmus_rng << 17;
	return litmus_rng;
}

static long litmus_rounds;
static int litmus_affinity, litmus_sync_each, litmus_cpus;
static struct timespec litmus_start, litmus_end;

static void litmus_pin(int tid, long round)
{
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET((int)((tid + round) % litmus_cpus), &set);
	pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/* About once a second, "progress ROUNDS_DONE ROUNDS" on stderr, for the progress line of a long run. */
static long long litmus_last_progress;
static void litmus_progress(long done)
{
	long long now = litmus_now_ns();
	if (now - litmus_last_progress < 1000000000LL && done < litmus_rounds)
		return;
	litmus_last_progress = now;
	fprintf(stderr, "progress %ld %ld\n", done, litmus_rounds);
	fflush(stderr);
}

static void *litmus_thread(void *arg)
{
	int tid = (int)(intptr_t)arg;
	int sense = 0;
#if LITMUS_USES_RCU
	urcu_memb_register_thread();
#endif
	for (long r = 0; r < litmus_rounds; r++) {
		if (litmus_affinity)
			litmus_pin(tid, r);
		if (tid == 0) {
			for (long i = 0; i < litmus_size; i++) {
				litmus_reset(i);
				litmus_arrived[i] = 0;
				litmus_stuck[i] = 0;
			}
			for (long i = litmus_size - 1; i > 0; i--) {
				long j = (long)(litmus_random() % (unsigned long long)(i + 1));
				long t = litmus_order[i];
				litmus_order[i] = litmus_order[j];
				litmus_order[j] = t;
			}
			if (r == 0)
				clock_gettime(CLOCK_MONOTONIC, &litmus_start);
		}
		litmus_barrier_wait(&litmus_round_barrier, &sense);
		for (long k = 0; k < litmus_size; k++) {
			long i = litmus_order[k];
			if (litmus_sync_each) {
				unsigned spins = 0;
				__atomic_add_fetch(&litmus_arrived[i], 1, __ATOMIC_ACQ_REL);
				while (__atomic_load_n(&litmus_arrived[i], __ATOMIC_ACQUIRE) < LITMUS_THREADS)
					litmus_pause(&spins);
			}
			litmus_run(tid, i);
		}
		litmus_barrier_wait(&litmus_round_barrier, &sense);
		if (tid == 0) {
			litmus_collect();
			litmus_progress(r + 1);
		}
	}
	if (tid == 0)
		clock_gettime(CLOCK_MONOTONIC, &litmus_end);
#if LITMUS_USES_RCU
	urcu_memb_unregister_thread();
#endif
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 6) {
		fprintf(stderr, "usage: %s ITERATIONS SIZE SEED AFFINITY SYNC\n", argv[0]);
		return 2;
	}
	long iterations = atol(argv[1]);
	litmus_size = atol(argv[2]);
	if (litmus_size > iterations)
		litmus_size = iterations;
	if (litmus_size < 1)
		litmus_size = 1;
	litmus_rounds = (iterations + litmus_size - 1) / litmus_size;
	litmus_rng = strtoull(argv[3], NULL, 10) | 1;
	litmus_affinity = atoi(argv[4]);
	litmus_sync_each = atoi(argv[5]);
	litmus_cpus = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (litmus_cpus < 1)
		litmus_cpus = 1;

	litmus_order = calloc((size_t)litmus_size, sizeof *litmus_order);
	litmus_arrived = calloc((size_t)litmus_size, sizeof *litmus_arrived);
	litmus_stuck = calloc((size_t)litmus_size, sizeof *litmus_stuck);
	if (!litmus_order || !litmus_arrived || !litmus_stuck || !litmus_allocate(litmus_size)) {
		printf("error out of memory for %ld instances\n", litmus_size);
		return 3;
	}
	for (long i = 0; i < litmus_size; i++)
		litmus_order[i] = i;
	litmus_register();

	pthread_t threads[LITMUS_THREADS];
	for (int t = 0; t < LITMUS_THREADS; t++)
		if (pthread_create(&threads[t], NULL, litmus_thread, (void *)(intptr_t)t) != 0) {
			printf("error cannot start thread %d\n", t);
			return 3;
		}
	for (int t = 0; t < LITMUS_THREADS; t++)
		pthread_join(threads[t], NULL);

	long ok = 0, failed = 0;
	for (int t = 0; t < LITMUS_THREADS; t++) {
		ok += litmus_mb_count[t].ok;
		failed += litmus_mb_count[t].failed;
	}
	long long ns = (long long)(litmus_end.tv_sec - litmus_start.tv_sec) * 1000000000LL + (litmus_end.tv_nsec - litmus_start.tv_nsec);
	printf("run %ld %ld %ld %d %d %d\n", litmus_rounds * litmus_size, litmus_size, litmus_rounds, LITMUS_THREADS, litmus_cpus, litmus_sync_each);
	printf("time_ns %lld\n", ns);
	printf("membarrier %ld %ld\n", ok, failed);
	printf("stuck %ld\n", litmus_stuck_count);
	if (litmus_overflow)
		printf("error more than %d distinct final states\n", LITMUS_TABLE / 2);
	for (long s = 0; s < LITMUS_TABLE; s++) {
		if (litmus_counts[s] == 0)
			continue;
		printf("state %ld", litmus_counts[s]);
		for (int j = 0; j < LITMUS_OBSERVED; j++) {
			if (litmus_keys[s].loc[j] >= 0)
				printf(" &%s", litmus_location_names[litmus_keys[s].loc[j]]);
			else
				printf(" %lld", litmus_keys[s].v[j]);
		}
		printf("\n");
	}
	printf("end\n");
	return 0;
}
