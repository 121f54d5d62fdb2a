namespace Litmus.Hardware.Tests;

/// <summary>The C that each kernel primitive becomes (see Runtime/harness-runtime.h for the litmus_* macros).</summary>
public class PrimitiveMappingTests
{
    [Theory]
    // Marked accesses: relaxed __atomic accesses of the location itself.
    [InlineData("r0 = READ_ONCE(*x);", "r0 = __atomic_load_n(&(*x), __ATOMIC_RELAXED);")]
    [InlineData("WRITE_ONCE(*x, 1);", "__atomic_store_n(&(*x), 1, __ATOMIC_RELAXED);")]
    // Fences.
    [InlineData("smp_mb();", "litmus_smp_mb();")]
    [InlineData("smp_rmb();", "litmus_smp_rmb();")]
    [InlineData("smp_wmb();", "litmus_smp_wmb();")]
    [InlineData("barrier();", "litmus_barrier();")]
    [InlineData("smp_mb__before_atomic();", "litmus_mb_rmw();")]
    [InlineData("smp_mb__after_spinlock();", "litmus_mb_rmw();")]
    // Acquire and release take the location's address.
    [InlineData("r0 = smp_load_acquire(x);", "r0 = __atomic_load_n(x, __ATOMIC_ACQUIRE);")]
    [InlineData("smp_store_release(x, 2);", "__atomic_store_n(x, 2, __ATOMIC_RELEASE);")]
    [InlineData("smp_store_mb(*x, 1);", "(__atomic_store_n(&(*x), 1, __ATOMIC_RELAXED), litmus_smp_mb());")]
    // Exchanges: fully ordered unless suffixed.
    [InlineData("r0 = xchg(x, 1);", "r0 = litmus_full(__atomic_exchange_n(x, 1, __ATOMIC_RELAXED));")]
    [InlineData("r0 = xchg_relaxed(x, 1);", "r0 = __atomic_exchange_n(x, 1, __ATOMIC_RELAXED);")]
    [InlineData("r0 = xchg_acquire(x, 1);", "r0 = __atomic_exchange_n(x, 1, __ATOMIC_ACQUIRE);")]
    [InlineData("r0 = cmpxchg(x, 0, 1);", "r0 = litmus_full(litmus_cmpxchg(x, 0, 1, __ATOMIC_RELAXED));")]
    [InlineData("r0 = cmpxchg_release(x, 0, 1);", "r0 = litmus_cmpxchg(x, 0, 1, __ATOMIC_RELEASE);")]
    // atomic_t: operand first, then the atomic_t pointer.
    [InlineData("atomic_inc(v);", "(void)__atomic_fetch_add(v, 1, __ATOMIC_RELAXED);")]
    [InlineData("atomic_andnot(3, v);", "(void)__atomic_fetch_and(v, ~(3), __ATOMIC_RELAXED);")]
    [InlineData("r0 = atomic_add_return(2, v);", "r0 = litmus_full(__atomic_add_fetch(v, 2, __ATOMIC_RELAXED));")]
    [InlineData("r0 = atomic_fetch_sub_acquire(2, v);", "r0 = __atomic_fetch_sub(v, 2, __ATOMIC_ACQUIRE);")]
    [InlineData("r0 = atomic_dec_return_relaxed(v);", "r0 = __atomic_sub_fetch(v, 1, __ATOMIC_RELAXED);")]
    [InlineData("r0 = atomic_dec_and_test(v);", "r0 = (litmus_full(__atomic_sub_fetch(v, 1, __ATOMIC_RELAXED)) == 0);")]
    [InlineData("r0 = atomic_read(v);", "r0 = __atomic_load_n(v, __ATOMIC_RELAXED);")]
    [InlineData("atomic_set_release(v, 3);", "__atomic_store_n(v, 3, __ATOMIC_RELEASE);")]
    [InlineData("r0 = atomic_xchg_release(v, 3);", "r0 = __atomic_exchange_n(v, 3, __ATOMIC_RELEASE);")]
    [InlineData("r0 = atomic_add_unless(v, 1, 5);", "r0 = litmus_add_unless(v, 1, 5);")]
    // Spinlocks: a real lock.
    [InlineData("spin_lock(l);", "litmus_spin_lock(l, litmus_i);")]
    [InlineData("spin_unlock(l);", "litmus_spin_unlock(l);")]
    [InlineData("r0 = spin_trylock(l);", "r0 = litmus_spin_trylock(l);")]
    [InlineData("r0 = spin_is_locked(l);", "r0 = litmus_spin_is_locked(l);")]
    // RCU: liburcu's memb flavour; publication as the kernel's release store and READ_ONCE.
    [InlineData("rcu_read_lock();", "urcu_memb_read_lock();")]
    [InlineData("rcu_read_unlock();", "urcu_memb_read_unlock();")]
    [InlineData("synchronize_rcu();", "urcu_memb_synchronize_rcu();")]
    [InlineData("r0 = rcu_dereference(*x);", "r0 = __atomic_load_n(&(*x), __ATOMIC_RELAXED);")]
    [InlineData("rcu_assign_pointer(*x, 1);", "__atomic_store_n(&(*x), 1, __ATOMIC_RELEASE);")]
    // membarrier: the real call, by thread (its calls are counted); each command as written.
    [InlineData("sys_membarrier();", "litmus_membarrier(0, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);")]
    [InlineData("smp_memb();", "litmus_membarrier(0, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);")]
    [InlineData("membarrier();", "litmus_membarrier(0, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0);")]
    [InlineData("sys_membarrier(MEMBARRIER_CMD_GLOBAL);", "litmus_membarrier(0, MEMBARRIER_CMD_GLOBAL, 0);")]
    [InlineData("sys_membarrier(SHARED);", "litmus_membarrier(0, MEMBARRIER_CMD_GLOBAL, 0);")]
    [InlineData("r0 = membarrier(MEMBARRIER_CMD_QUERY, 0);", "r0 = litmus_membarrier(0, MEMBARRIER_CMD_QUERY, 0);")]
    [InlineData("sys_membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED);", "litmus_membarrier(0, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0);")]
    // Plain C stays plain C.
    [InlineData("*x = 1;", "*x = 1;")]
    [InlineData("r0 = *x;", "r0 = *x;")]
    [InlineData("if (r0 == 1) WRITE_ONCE(*y, 1);", "if ((r0 == 1)) {\n\t\t__atomic_store_n(&(*y), 1, __ATOMIC_RELAXED);\n\t}")]
    public void Each_primitive_becomes_its_C(string statement, string c) =>
        Assert.Contains("\n\t" + c + "\n", TestText.P0(statement) + "\n");

    [Fact]
    public void The_abstract_membarrier_registers_private_expedited_once_at_start_up()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("sys_membarrier(); sys_membarrier();"));
        Assert.Equal(["MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"], h.Registrations);
        Assert.Contains("\tlitmus_membarrier_register(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, \"MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED\");\n", h.Code);
        Assert.True(h.UsesMembarrier);
    }

    [Fact]
    public void A_command_written_out_registers_nothing_by_itself()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("sys_membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED);"));
        Assert.Empty(h.Registrations);
    }

    [Fact]
    public void The_init_line_registers_the_process_for_its_command()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("sys_membarrier(MEMBARRIER_CMD_GLOBAL_EXPEDITED);",
            init: "membarrier_registered = MEMBARRIER_CMD_GLOBAL_EXPEDITED;"));
        Assert.Equal(["MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"], h.Registrations);
        Assert.DoesNotContain("membarrier_registered", h.Code);
    }

    [Fact]
    public void RCU_links_liburcu_memb_and_registers_each_thread()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("rcu_read_lock(); r0 = READ_ONCE(*x); rcu_read_unlock();"));
        Assert.True(h.UsesRcu);
        Assert.Contains("#include <urcu/urcu-memb.h>", h.Code);
        Assert.Contains("#define LITMUS_USES_RCU 1", h.Code);
        Assert.Contains("-lurcu-memb", h.GccArguments);
    }

    [Fact]
    public void A_test_without_RCU_does_not_need_liburcu()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("r0 = READ_ONCE(*x);"));
        Assert.False(h.UsesRcu);
        Assert.DoesNotContain("urcu-memb.h", h.Code);
        Assert.DoesNotContain("-lurcu-memb", h.GccArguments);
    }

    [Fact]
    public void On_x86_rmb_and_wmb_are_compiler_barriers_and_mb_a_seq_cst_fence()
    {
        var code = HarnessGenerator.Generate(TestText.Parse("smp_rmb();")).Code;
        var x86 = code[code.IndexOf("#if defined(__x86_64__)", StringComparison.Ordinal)..code.IndexOf("#else", StringComparison.Ordinal)];
        Assert.Contains("#define litmus_smp_rmb() litmus_barrier()", x86);
        Assert.Contains("#define litmus_smp_wmb() litmus_barrier()", x86);
        Assert.Contains("#define litmus_smp_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)", code);
        Assert.Contains("#define litmus_barrier() __asm__ __volatile__(\"\" ::: \"memory\")", code);
    }

    [Theory]
    [InlineData("rseq_begin();", "rseq critical section")]
    [InlineData("r0 = srcu_read_lock(x);", "SRCU")]
    [InlineData("r0 = frobnicate(x);", "frobnicate() has no mapping")]
    [InlineData("r0 = __load{ONCE}(*x);", "model event")]
    public void A_primitive_without_a_faithful_mapping_is_refused_with_its_place(string statement, string reason)
    {
        var e = Assert.Throws<NoFaithfulMappingException>(() => HarnessGenerator.Generate(TestText.Parse(statement)));
        Assert.Contains(reason, e.Message);
        Assert.Equal("T.litmus", e.Span.File);
        Assert.Equal(7, e.Span.Line);
    }

    [Fact]
    public void Threads_in_different_processes_are_refused()
    {
        var test = Litmus.Syntax.LitmusParser.Parse("""
            C T
            {}
            P0(int *x) { WRITE_ONCE(*x, 1); }
            P1(int *x) { int r0; r0 = READ_ONCE(*x); }
            scopes: (system (proc P0) (proc P1))
            exists (1:r0=0)
            """, "T.litmus");
        var e = Assert.Throws<NoFaithfulMappingException>(() => HarnessGenerator.Generate(test));
        Assert.Contains("different processes", e.Message);
    }

    [Fact]
    public void Plain_accesses_are_listed_by_thread_and_line()
    {
        var h = HarnessGenerator.Generate(TestText.Parse("*x = 1; r0 = READ_ONCE(*y); r1 = *y;"));
        Assert.Equal([7], h.PlainAccesses[0]);
        Assert.False(h.PlainAccesses.ContainsKey(1));
    }
}
