#!/usr/bin/env python3
"""Random C litmus tests in the spirit of diy7: a cycle of communication edges through 2-6 threads.

    scripts/gen-litmus.py --dialect lkmm|c11 --count N --seed S OUTDIR

Each thread i has two accesses joined by program order (with a random fence or none between them). Its
second access and the first access of thread i+1 (cyclically) touch a location of their own, and are
joined by a random communication edge:
    rf  a write of 1 that the read returns          (condition: the read saw 1)
    fr  a read that returns 0, before a write of 1  (condition: the read saw 0)
    co  a write of 1, then a write of 2             (condition: the location ends as 2)
The condition asks for the whole cycle at once, so it is the cycle's outcome that the model allows or
forbids. Access kinds and fences are drawn per access: marked (READ_ONCE / relaxed), acquire / release,
seq_cst (C11), plain, or (one access in RMW_SHARE) a read-modify-write that plays the access's part: an
exchange, fetch-and-add or add-and-return, or compare-and-exchange, with a random memory order (C11:
atomic_*_explicit, or the seq_cst form without _explicit, which herd reads through c11.def; LKMM: xchg*,
cmpxchg*, atomic_add_return*, atomic_fetch_add*). An RMW reading for the edge puts the value it read
(or, for add-and-return, that value plus its operand) in the condition; one writing for the edge writes the
edge's value. A C11 compare-and-exchange takes its expected value from a location of its own thread (eI).
With --srcu P (LKMM only), each thread is, with probability P, an SRCU reader (its two accesses inside
srcu_read_lock()/srcu_read_unlock(), or srcu_down_read()/srcu_up_read(), on srcu_struct s or t, the index
kept in a register the final state lists) or else a grace period (synchronize_srcu() on s or t as its
fence). Without --srcu no extra random numbers are drawn, so earlier seeds give the same tests as before.
The same seed always gives the same tests.
"""
import argparse
import os
import random

LKMM_READS = ["READ_ONCE(*{x})", "smp_load_acquire({x})", "*{x}"]
LKMM_WRITES = ["WRITE_ONCE(*{x}, {v});", "smp_store_release({x}, {v});", "*{x} = {v};"]
LKMM_FENCES = ["", "smp_mb();", "smp_rmb();", "smp_wmb();", "smp_mb();"]

C11_READ_ORDERS = ["relaxed", "acquire", "seq_cst"]
C11_WRITE_ORDERS = ["relaxed", "release", "seq_cst"]
C11_FENCES = ["", "", "acquire", "release", "acq_rel", "seq_cst"]
C11_RMW_ORDERS = ["relaxed", "acquire", "release", "acq_rel", "seq_cst"]
LKMM_RMW_SUFFIXES = ["", "_relaxed", "_acquire", "_release"]
RMW_SHARE = 0.25


def access(dialect, rng, kind, loc, value, reg, extra):
    """One access as (C code, the value the condition expects of reg when kind is 'R').

    kind is 'R' (a read into register reg, whose condition value is value) or 'W' (a write of value).
    extra collects the per-thread locations a C11 compare-and-exchange needs for its expected value."""
    if rng.random() < RMW_SHARE:
        return rmw(dialect, rng, kind, loc, value, reg, extra)
    plain = rng.random() < 0.1
    if dialect == "lkmm":
        if kind == "R":
            form = LKMM_READS[2] if plain else rng.choice(LKMM_READS[:2])
            return f"int {reg} = {form.format(x=loc)};", value
        form = LKMM_WRITES[2] if plain else rng.choice(LKMM_WRITES[:2])
        return form.format(x=loc, v=value), None
    if kind == "R":
        if plain:
            return f"int {reg} = *{loc};", value
        return f"int {reg} = atomic_load_explicit({loc}, memory_order_{rng.choice(C11_READ_ORDERS)});", value
    if plain:
        return f"*{loc} = {value};", None
    return f"atomic_store_explicit({loc}, {value}, memory_order_{rng.choice(C11_WRITE_ORDERS)});", None


def rmw(dialect, rng, kind, loc, value, reg, extra):
    """A read-modify-write in the part of a read (reading value) or of a write (writing value)."""
    op = rng.choice(["xchg", "add", "cas"])
    if dialect == "lkmm":
        suffix = rng.choice(LKMM_RMW_SUFFIXES)
        if kind == "R":
            # The write of a reading RMW stores a value (>= 3) that no condition asks for.
            if op == "xchg":
                return f"int {reg} = xchg{suffix}({loc}, 3);", value
            if op == "add":
                if rng.random() < 0.5:
                    return f"int {reg} = atomic_add_return{suffix}(5, {loc});", value + 5
                return f"int {reg} = atomic_fetch_add{suffix}(5, {loc});", value
            return f"int {reg} = cmpxchg{suffix}({loc}, {value}, 4);", value
        if op == "xchg":
            return f"int {reg} = xchg{suffix}({loc}, {value});", None
        if op == "add":
            # Adds 1 to the previous value it expects (0 before the write of 1, 1 before the write of 2).
            return f"int {reg} = atomic_fetch_add{suffix}(1, {loc});", None
        return f"int {reg} = cmpxchg{suffix}({loc}, {value - 1}, {value});", None
    order = rng.choice(C11_RMW_ORDERS)
    seq_cst_form = rng.random() < 0.15
    def call(name, *args, failure=None):
        if seq_cst_form:
            return f"{name}({', '.join(args)})"
        orders = [f"memory_order_{order}"] + ([f"memory_order_{failure}"] if failure else [])
        return f"{name}_explicit({', '.join(list(args) + orders)})"
    if op == "cas":
        expected = f"e{reg[1:]}_{loc}"
        failure = rng.choice(["relaxed", "acquire", "seq_cst"])
        desired = 4 if kind == "R" else value
        extra[expected] = value if kind == "R" else value - 1
        # The register holds whether the exchange succeeded: the condition asks for success.
        text = f"int {reg} = {call('atomic_compare_exchange_strong', loc, expected, str(desired), failure=failure)};"
        return text, (1 if kind == "R" else None)
    if kind == "R":
        if op == "xchg":
            return f"int {reg} = {call('atomic_exchange', loc, '3')};", value
        return f"int {reg} = {call('atomic_fetch_add', loc, '5')};", value
    if op == "xchg":
        return f"int {reg} = {call('atomic_exchange', loc, str(value))};", None
    return f"int {reg} = {call('atomic_fetch_add', loc, '1')};", None


def fence(dialect, rng):
    if dialect == "lkmm":
        return rng.choice(LKMM_FENCES)
    order = rng.choice(C11_FENCES)
    return f"atomic_thread_fence(memory_order_{order});" if order else ""


def srcu_thread(rng, body, fenced, share):
    """Wraps a thread's body in an SRCU read-side section, or makes its fence a grace period, with probability
    share; returns (body, the srcu_structs it names, the index register to observe or None)."""
    if rng.random() >= share:
        return body, [], None
    ss = rng.choice(["s", "t"])
    if rng.random() < 0.5:
        lock, unlock = rng.choice([("srcu_read_lock", "srcu_read_unlock"), ("srcu_down_read", "srcu_up_read")])
        return ([f"int idx = {lock}({ss});"] + body + [f"{unlock}({ss}, idx);"]), [ss], "idx"
    if fenced:
        return body, [], None
    return [body[0], f"synchronize_srcu({ss});", body[1]], [ss], None


def generate(dialect, rng, index, srcu=0.0):
    n = rng.randint(2, 6)
    edges = [rng.choice(["rf", "fr", "co"]) for _ in range(n)]
    locs = [f"x{i}" for i in range(n)]
    # Edge i joins thread i's second access to thread (i+1)'s first access, on locs[i].
    source = {"rf": ("W", 1), "fr": ("R", 0), "co": ("W", 1)}
    target = {"rf": ("R", 1), "fr": ("W", 1), "co": ("W", 2)}
    threads, condition, shape, inits, observed = [], [], [], {x: 0 for x in locs}, []
    for i in range(n):
        prev = (i - 1) % n
        extra = {}
        first_kind, first_value = target[edges[prev]]
        last_kind, last_value = source[edges[i]]
        first, first_cond = access(dialect, rng, first_kind, locs[prev], first_value, "r0", extra)
        last, last_cond = access(dialect, rng, last_kind, locs[i], last_value, "r1", extra)
        f = fence(dialect, rng)
        body = [first] + ([f] if f else []) + [last]
        structs = []
        if srcu:
            body, structs, idx = srcu_thread(rng, body, bool(f), srcu)
            if idx:
                observed.append(f"{i}:{idx}")
        grace = any(s.startswith("synchronize_srcu") for s in body)
        shape.append(("f" if f else "s" if grace else "p") + edges[i])
        ty = "atomic_int" if dialect == "c11" else "int"
        params = ", ".join([f"{ty} *{x}" for x in sorted({locs[prev], locs[i]})] + [f"int *{e}" for e in sorted(extra)]
                           + [f"struct srcu_struct *{ss}" for ss in structs])
        inits.update(extra)
        threads.append(f"P{i}({params})\n{{\n" + "".join(f"\t{s}\n" for s in body) + "}\n")
        if first_cond is not None:
            condition.append(f"{i}:r0={first_cond}")
        if edges[prev] == "co":
            condition.append(f"[{locs[prev]}]=2")
        if last_cond is not None:
            condition.append(f"{i}:r1={last_cond}")
    name = f"G{index:05d}+{'+'.join(shape)}"
    init = "{ " + " ".join(f"[{x}] = {v};" if dialect == "c11" else f"{x} = {v};" for x, v in inits.items()) + " }"
    locations = f"\nlocations [{';'.join(observed)}]\n" if observed else ""
    return name, (f"C {name}\n\n{init}\n\n" + "\n".join(threads) + locations
                  + "\nexists (" + " /\\ ".join(condition) + ")\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dialect", choices=["lkmm", "c11"], required=True)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--srcu", type=float, default=0.0, help="share of threads (LKMM) that use SRCU")
    p.add_argument("outdir")
    a = p.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(f"{a.dialect}-{a.seed}")
    for i in range(a.count):
        name, text = generate(a.dialect, rng, i, a.srcu)
        with open(os.path.join(a.outdir, name + ".litmus"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
