#!/usr/bin/env python3
"""Side-by-side speed and memory of Litmus and herd7 on the same tests (figures for docs/performance.md).

    HERD7=/path/to/herd7 scripts/bench_vs_herd.py [--corpus DIR] [--sample N] [--runs 3] [--litmus CMD]

The tests come from CORPUS/verdicts.tsv (herd7's own timings there place each test in a band). Each band's tests
run in one process per tool, three times (the median is reported), in both of Litmus's modes: verdict only (text
output) and herd format (states and execution counts, what the kernel's scripts read). Per-test times come from
each tool's own "Time" lines (herd format) or result lines (text), so the same runs also give figures per thread
count. CPU time and peak memory are those of the whole process (GNU time). Without HERD7, only Litmus is run.
With --herd-from-table, herd7 is not run either: its figures are the sums of the per-test times verdicts.tsv
records (herd7 run once per test when the table was made), so the whole corpus can be compared in one Litmus run:

    scripts/bench_vs_herd.py --runs 1 --herd-from-table       # every ok test of the table, both modes

Each band also counts the tests over issue #9's limits (0.5 s in verdict mode, 2 s in herd format).
Nothing here is a pass/fail test: it prints figures.
"""
import argparse, os, random, re, statistics, subprocess, sys, tempfile
from collections import defaultdict

# Issue #9: no test over 0.5 s in verdict mode, none over 2 s in herd format.
LIMITS = {"verdict": 0.5, "herd": 2.0}
BANDS = [("<0.1 s", 0, 100), ("0.1-1 s", 100, 1000), ("1-10 s", 1000, 10000), (">10 s", 10000, 60000)]


def read_table(corpus):
    rows = []
    with open(os.path.join(corpus, "verdicts.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            if r.get("status") == "ok" and r.get("herd_ms"):
                rows.append(r)
    return rows


def threads(path):
    with open(path, errors="replace") as f:
        return len(set(re.findall(r"^\s*P(\d+)\s*\(", f.read(), re.M)))


def timed(cmd, cwd):
    """Runs cmd; returns (stdout, user+sys CPU seconds, wall seconds, peak RSS MiB)."""
    with tempfile.NamedTemporaryFile("r") as t:
        p = subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%U %S %e %M"] + cmd, cwd=cwd,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        u, s, e, m = t.read().split()[-4:]
    return p.stdout, float(u) + float(s), float(e), int(m) / 1024


def per_test_times(out, herd_format):
    """Seconds per test name, from 'Time NAME s' lines (herd format) or 'NAME ... N ms' lines (text)."""
    times = {}
    if herd_format:
        for name, s in re.findall(r"^Time (\S+) ([0-9.]+)$", out, re.M):
            times[os.path.basename(name).removesuffix(".litmus")] = float(s)
    else:
        for name, ms in re.findall(r"^(\S+)\s.*?\s(\d+) ms$", out, re.M):
            times[os.path.basename(name).removesuffix(".litmus")] = int(ms) / 1000
    return times


def median_run(cmd, cwd, runs, herd_format):
    results = [timed(cmd, cwd) for _ in range(runs)]
    cpu = statistics.median(r[1] for r in results)
    wall = statistics.median(r[2] for r in results)
    mem = max(r[3] for r in results)
    # per-test times of the median run (by CPU)
    mid = sorted(results, key=lambda r: r[1])[len(results) // 2]
    return cpu, wall, mem, per_test_times(mid[0], herd_format)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(repo, "..", "shared", "corpus"))
    ap.add_argument("--sample", type=int, default=0, help="at most N tests per band (0: all)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--litmus", default=os.path.join(repo, "artifacts", "native", "litmus"),
                    help="the litmus command (default: the native build, see README)")
    ap.add_argument("--bands", default="", help="only these bands, by number (1-4, comma-separated)")
    ap.add_argument("--model-args", default="", help="extra litmus arguments, e.g. '--conf .../linux-kernel.cfg'")
    ap.add_argument("--herd-from-table", action="store_true",
                    help="take herd7's figures from verdicts.tsv's herd_ms (one process per test) instead of running it")
    a = ap.parse_args()
    litmus = a.litmus.split()
    corpus = os.path.abspath(a.corpus)
    herd = os.environ.get("HERD7")
    herd_cmd = [herd, "-I", os.path.join(corpus, "lkmm-model"), "-conf", "linux-kernel.cfg"] if herd else None
    if a.herd_from_table:
        herd, herd_cmd = "(times recorded in verdicts.tsv, one process per test)", None

    rows = read_table(corpus)
    rng = random.Random(a.seed)
    print(f"Litmus against herd7 on {corpus}: {a.runs} runs each (median), {os.cpu_count()} cores")
    print(f"litmus: {' '.join(litmus)}; herd7: {herd or '(not given: HERD7=...)'}")
    by_threads = defaultdict(lambda: defaultdict(float))
    head = f"{'band (herd7 time)':<18} {'tests':>5}  {'mode':<8} {'Litmus CPU':>10} {'herd7 CPU':>10} {'ratio':>7} {'Litmus MiB':>10} {'herd7 MiB':>9} {'slowest Litmus test':>20} {'over limit':>10}"
    print(head)
    totals = defaultdict(float)
    slowest_tests = defaultdict(list)
    chosen = {int(b) for b in a.bands.split(",") if b}
    for k, (label, lo, hi) in enumerate(BANDS, 1):
        if chosen and k not in chosen:
            continue
        band = [r for r in rows if lo <= float(r["herd_ms"]) < hi]
        if a.sample and len(band) > a.sample:
            band = rng.sample(band, a.sample)
        if not band:
            continue
        paths = [r["path"] for r in band]
        nthreads = {os.path.basename(p).removesuffix(".litmus"): threads(os.path.join(corpus, p)) for p in paths}
        herd_result = median_run(herd_cmd + paths, corpus, a.runs, True) if herd_cmd else None
        if a.herd_from_table:
            recorded = {os.path.basename(r["path"]).removesuffix(".litmus"): float(r["herd_ms"]) / 1000 for r in band}
            herd_result = (sum(recorded.values()), 0.0, 0.0, recorded)
        for mode, extra in (("verdict", []), ("herd", ["--format", "herd"])):
            cmd = litmus + ["check"] + extra + a.model_args.split() + paths
            cpu, wall, mem, tests = median_run(cmd, corpus, a.runs, mode == "herd")
            slowest = max(tests.values(), default=0)
            over = sum(1 for t in tests.values() if t > LIMITS[mode])
            if herd_result:
                hcpu, _, hmem, htests = herd_result
                ratio = f"{hcpu / cpu:6.1f}x" if cpu > 0 else "-"
                hcol, hm = f"{hcpu:9.2f}s", f"{hmem:8.0f}" if hmem else "-"
            else:
                ratio, hcol, hm, htests = "-", "-", "-", {}
            print(f"{label:<18} {len(band):>5}  {mode:<8} {cpu:9.2f}s {hcol:>10} {ratio:>7} {mem:10.0f} {hm:>9} {slowest:19.2f}s {over:>10}")
            slowest_tests[mode].extend(tests.items())
            totals[(mode, "litmus")] += cpu
            if herd_result:
                totals[(mode, "herd")] += herd_result[0]
            for name, s in tests.items():
                by_threads[(mode, nthreads.get(name, 0))]["litmus"] += s
                by_threads[(mode, nthreads.get(name, 0))]["n"] += 1
                if name in htests:
                    by_threads[(mode, nthreads.get(name, 0))]["herd"] += htests[name]
    for mode in ("verdict", "herd"):
        l, h = totals[(mode, "litmus")], totals[(mode, "herd")]
        print(f"{'all bands':<18} {'':>5}  {mode:<8} {l:9.2f}s {h:9.2f}s {(h / l if l and h else 0):6.1f}x")
    for mode in ("verdict", "herd"):
        top = sorted(slowest_tests[mode], key=lambda kv: -kv[1])[:3]
        if top:
            print(f"slowest, {mode} (limit {LIMITS[mode]} s): " + ", ".join(f"{n} {t:.2f} s" for n, t in top))
    print()
    print("Per thread count (sum of per-test times as each tool reports them; herd7 reports herd-format runs only):")
    print(f"{'threads':>7} {'tests':>5}  {'mode':<8} {'Litmus':>9} {'herd7':>9} {'ratio':>7}")
    for (mode, n), v in sorted(by_threads.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        ratio = f"{v['herd'] / v['litmus']:6.1f}x" if v["litmus"] > 0 and v["herd"] > 0 else "-"
        print(f"{n:>7} {int(v['n']):>5}  {mode:<8} {v['litmus']:8.2f}s {v['herd']:8.2f}s {ratio:>7}")


if __name__ == "__main__":
    sys.exit(main())
