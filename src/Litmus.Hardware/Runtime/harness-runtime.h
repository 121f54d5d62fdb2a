/*
 * Runtime of a Litmus hardware harness: how the kernel's primitives run in user space on this machine.
 * The generator emits this file first, then the test's own part (locations, threads), then harness-main.c.
 *
 * Mappings (see docs/hardware.md):
 *   READ_ONCE/WRITE_ONCE          relaxed __atomic loads and stores (volatile in the kernel; same code on x86)
 *   smp_mb()                      a seq_cst fence (mfence on x86; the kernel uses a locked add, as strong)
 *   smp_rmb()/smp_wmb()           the kernel's x86 mappings: compiler barriers only, since x86-TSO keeps loads
 *                                 in order and stores in order (arch/x86/include/asm/barrier.h); elsewhere a
 *                                 seq_cst fence, which is stronger than the kernel's and so never weaker
 *   barrier()                     a compiler barrier
 *   acquire/release               __atomic acquire loads, release stores
 *   xchg, cmpxchg, atomic_*       __atomic builtins; the fully ordered ones get litmus_mb_rmw() on both sides:
 *                                 on x86 a compiler barrier, the lock prefix being the full barrier (as the
 *                                 kernel's __smp_mb__before_atomic), elsewhere a seq_cst fence
 *   spin_lock/spin_unlock         a test-and-set lock: acquire exchange, release store
 *   rcu_read_lock/synchronize_rcu liburcu's memb flavour
 *   sys_membarrier(CMD)           the membarrier system call
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef int atomic_t;
typedef long atomic_long_t;
typedef int spinlock_t;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;

#define litmus_barrier() __asm__ __volatile__("" ::: "memory")
#define litmus_smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#if defined(__x86_64__) || defined(__i386__)
#define litmus_smp_rmb() litmus_barrier()
#define litmus_smp_wmb() litmus_barrier()
#define litmus_mb_rmw() litmus_barrier()
#define litmus_cpu_relax() __builtin_ia32_pause()
#else
#define litmus_smp_rmb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define litmus_smp_wmb() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define litmus_mb_rmw() __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define litmus_cpu_relax() litmus_barrier()
#endif

/* A waiting thread spins a while, then yields: the harness may have more threads than the machine has CPUs. */
static inline void litmus_pause(unsigned *spins)
{
	if (++*spins < 2000)
		litmus_cpu_relax();
	else
		sched_yield();
}

/* A fully ordered read-modify-write: ordered with everything before and after it. */
#define litmus_full(expr) ({ litmus_mb_rmw(); __auto_type litmus_r_ = (expr); litmus_mb_rmw(); litmus_r_; })

/* cmpxchg returns the old value; a failed one orders nothing (the failure order is relaxed). */
#define litmus_cmpxchg(p, o, n, order) ({ \
	__typeof__(*(p)) litmus_old_ = (o); \
	__atomic_compare_exchange_n((p), &litmus_old_, (n), 0, (order), __ATOMIC_RELAXED); \
	litmus_old_; })

/* atomic_add_unless(v, a, u): adds a unless *v == u; true when it added. */
#define litmus_add_unless(p, a, u) ({ \
	__typeof__(*(p)) litmus_c_ = __atomic_load_n((p), __ATOMIC_RELAXED); \
	int litmus_added_ = 0; \
	while (litmus_c_ != (u)) { \
		if (litmus_full(__atomic_compare_exchange_n((p), &litmus_c_, litmus_c_ + (a), 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))) { \
			litmus_added_ = 1; \
			break; \
		} \
	} \
	litmus_added_; })

/* Instances in which a thread gave up waiting for a lock; their final states are not counted. */
static unsigned char *litmus_stuck;

static long long litmus_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/*
 * A lock that is never released (P1 took it with spin_trylock() and kept it) would hang the harness, where the
 * model simply has no such execution. After LITMUS_LOCK_PATIENCE_NS (5 ms) of waiting, the thread gives up, marks the
 * instance as stuck, and goes on; a stuck instance is left out of the histogram, so a lock held long by a
 * descheduled thread costs a sample, never a wrong state.
 */
#define LITMUS_LOCK_PATIENCE_NS 5000000LL
static inline void litmus_spin_lock(spinlock_t *l, long instance)
{
	unsigned spins = 0;
	long long deadline = 0;
	while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(l, __ATOMIC_RELAXED)) {
			litmus_pause(&spins);
			if ((spins & 1023) == 0) {
				long long now = litmus_now_ns();
				if (deadline == 0)
					deadline = now + LITMUS_LOCK_PATIENCE_NS;
				else if (now > deadline) {
					litmus_stuck[instance] = 1;
					return;
				}
			}
		}
}

static inline void litmus_spin_unlock(spinlock_t *l) { __atomic_store_n(l, 0, __ATOMIC_RELEASE); }
static inline int litmus_spin_trylock(spinlock_t *l) { return !__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE); }
static inline int litmus_spin_is_locked(spinlock_t *l) { return __atomic_load_n(l, __ATOMIC_RELAXED) != 0; }

/* Calls of the membarrier system call made by the test's threads, by thread (each on its own cache line). */
static struct { long ok, failed; char pad[48]; } litmus_mb_count[64];

/* The call as the kernel's litmus tests write it: returns 0 or the command mask, or -errno. */
static inline long litmus_membarrier(int tid, int cmd, int flags)
{
	long rc = syscall(__NR_membarrier, cmd, flags, 0);
	if (rc < 0) {
		litmus_mb_count[tid].failed++;
		return -errno;
	}
	litmus_mb_count[tid].ok++;
	return rc;
}

/* Start-up registration; the harness stops when the kernel refuses it (the test could not run as written). */
static void litmus_membarrier_register(int cmd, const char *name)
{
	if (syscall(__NR_membarrier, cmd, 0, 0) < 0) {
		printf("error membarrier(%s) failed: %s\n", name, strerror(errno));
		exit(3);
	}
}
