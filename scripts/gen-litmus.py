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
seq_cst (C11), plain; the same seed always gives the same tests.
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


def access(dialect, rng, kind, loc, value, reg):
    """One access as C code: kind is 'R' (into register reg) or 'W' (of value)."""
    plain = rng.random() < 0.1
    if dialect == "lkmm":
        if kind == "R":
            form = LKMM_READS[2] if plain else rng.choice(LKMM_READS[:2])
            return f"int {reg} = {form.format(x=loc)};"
        form = LKMM_WRITES[2] if plain else rng.choice(LKMM_WRITES[:2])
        return form.format(x=loc, v=value)
    if kind == "R":
        if plain:
            return f"int {reg} = *{loc};"
        return f"int {reg} = atomic_load_explicit({loc}, memory_order_{rng.choice(C11_READ_ORDERS)});"
    if plain:
        return f"*{loc} = {value};"
    return f"atomic_store_explicit({loc}, {value}, memory_order_{rng.choice(C11_WRITE_ORDERS)});"


def fence(dialect, rng):
    if dialect == "lkmm":
        return rng.choice(LKMM_FENCES)
    order = rng.choice(C11_FENCES)
    return f"atomic_thread_fence(memory_order_{order});" if order else ""


def generate(dialect, rng, index):
    n = rng.randint(2, 6)
    edges = [rng.choice(["rf", "fr", "co"]) for _ in range(n)]
    locs = [f"x{i}" for i in range(n)]
    # Edge i joins thread i's second access to thread (i+1)'s first access, on locs[i].
    source = {"rf": ("W", 1), "fr": ("R", None), "co": ("W", 1)}
    target = {"rf": ("R", None), "fr": ("W", 1), "co": ("W", 2)}
    threads, condition, shape = [], [], []
    for i in range(n):
        prev = (i - 1) % n
        first_kind, first_value = target[edges[prev]]
        last_kind, last_value = source[edges[i]]
        first = access(dialect, rng, first_kind, locs[prev], first_value, "r0")
        last = access(dialect, rng, last_kind, locs[i], last_value, "r1")
        f = fence(dialect, rng)
        body = [first] + ([f] if f else []) + [last]
        shape.append(("f" if f else "p") + edges[i])
        ty = "atomic_int" if dialect == "c11" else "int"
        params = ", ".join(f"{ty} *{x}" for x in sorted({locs[prev], locs[i]}))
        threads.append(f"P{i}({params})\n{{\n" + "".join(f"\t{s}\n" for s in body) + "}\n")
        if edges[prev] == "rf":
            condition.append(f"{i}:r0=1")
        elif edges[prev] == "co":
            condition.append(f"[{locs[prev]}]=2")
        if edges[i] == "fr":
            condition.append(f"{i}:r1=0")
    name = f"G{index:05d}+{'+'.join(shape)}"
    init = "{ " + " ".join(f"[{x}] = 0;" if dialect == "c11" else f"{x} = 0;" for x in locs) + " }"
    return name, (f"C {name}\n\n{init}\n\n" + "\n".join(threads)
                  + "\nexists (" + " /\\ ".join(condition) + ")\n")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dialect", choices=["lkmm", "c11"], required=True)
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("outdir")
    a = p.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(f"{a.dialect}-{a.seed}")
    for i in range(a.count):
        name, text = generate(a.dialect, rng, i)
        with open(os.path.join(a.outdir, name + ".litmus"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
