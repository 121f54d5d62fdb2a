#!/usr/bin/env python3
"""Differential testing against herd7: same tests, same model, compare verdicts and flags.

    HERD7=../shared/tools/herd7/herd7 scripts/diff-herd.py --dialect c11 --count 300 \\
        --herd "-model rc11.cat" --litmus "--model rc11"

Generates COUNT tests with scripts/gen-litmus.py into a temporary folder (or checks --tests DIR), runs
herd7 with the --herd arguments once per test (a test herd7 does not finish in --herd-timeout seconds counts
as not decided: herd enumerates executions, and a 6-thread test with RMWs can take it many minutes under
simple-c11.cat) and Litmus (`litmus check --format herd`) with the --litmus arguments on all of them in one
process, and prints every test whose verdict or flags (with --states: states, their order, execution counts)
differ, then the figures. Exits 1 when any test
disagrees. herd7 is only needed here, never by the build or the tests.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def results(output, states=False):
    """{test: (verdict, frozenset(flags))} from herd-format output (herd7's, or Litmus's --format herd); with
    states, (verdict, flags, the state lines, Positive, Negative)."""
    found, flags, lines = {}, set(), []
    for line in output.splitlines():
        if line.startswith("Test "):
            flags, lines = set(), []
        elif line.startswith("Flag "):
            flags.add(line[5:].strip())
        elif line.startswith("States ") or line.endswith(";") or line.startswith("Positive: "):
            lines.append(line.strip())
        elif line.startswith("Observation "):
            parts = line.split()
            found[parts[1]] = (parts[2], frozenset(flags)) + ((tuple(lines),) if states else ())
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dialect", choices=["lkmm", "c11"], default="c11")
    p.add_argument("--count", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--srcu", type=float, default=0.0, help="share of generated threads that use SRCU (lkmm)")
    p.add_argument("--states", action="store_true",
                   help="also compare the final states, their order, and the Positive/Negative execution counts")
    p.add_argument("--tests", help="check the tests of this folder instead of generating them")
    p.add_argument("--herd", default="-model rc11.cat", help="herd7's model arguments")
    p.add_argument("--litmus", default="--model rc11", help="Litmus's model arguments")
    p.add_argument("--herd-timeout", type=float, default=30, help="seconds herd7 may take on one test")
    p.add_argument("--litmus-command", default=f"dotnet run --project {REPO}/src/Litmus.Cli --",
                   help="how to run Litmus")
    a = p.parse_args()
    herd = os.environ.get("HERD7")
    if not herd:
        sys.exit("set HERD7 to the herd7 to compare with")

    folder = a.tests or tempfile.mkdtemp(prefix="litmus-diff-")
    if not a.tests:
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "gen-litmus.py"), "--dialect", a.dialect,
                        "--count", str(a.count), "--seed", str(a.seed), "--srcu", str(a.srcu), folder], check=True)
    tests = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".litmus"))

    herd_out, herd_slow = [], 0
    for t in tests:
        try:
            herd_out.append(subprocess.run([herd, *shlex.split(a.herd), t], capture_output=True, text=True,
                                           timeout=a.herd_timeout).stdout)
        except subprocess.TimeoutExpired:
            herd_slow += 1
    herd_out = "\n".join(herd_out)
    litmus_out = subprocess.run([*shlex.split(a.litmus_command), "check", "--format", "herd", *shlex.split(a.litmus), folder],
                                capture_output=True, text=True).stdout
    theirs, ours = results(herd_out, a.states), results(litmus_out, a.states)

    agree = verdict_only = 0
    disagreements = []
    for t in sorted(theirs):
        if t not in ours:
            disagreements.append(f"{t}: herd {theirs[t][0]}, Litmus gave no result")
        elif ours[t] == theirs[t]:
            agree += 1
        else:
            if ours[t][0] == theirs[t][0]:
                verdict_only += 1
            counts = f" (states or counts: herd {theirs[t][2][:1]} {theirs[t][2][-1:]}, Litmus {ours[t][2][:1]} {ours[t][2][-1:]})" \
                if a.states and ours[t][2] != theirs[t][2] else ""
            disagreements.append(f"{t}: herd {theirs[t][0]} {sorted(theirs[t][1])}, Litmus {ours[t][0]} {sorted(ours[t][1])}{counts}")
    for line in disagreements:
        print(line)
    skipped = len(tests) - len(theirs)
    print(f"{len(theirs)} tests decided by herd7 ({skipped} not, {herd_slow} of them over {a.herd_timeout:g} s), {agree} agree in verdict and flags"
          f"{', states and counts' if a.states else ''}, "
          f"{verdict_only} agree in verdict only, {len(disagreements)} disagree "
          f"(herd {a.herd!r}, Litmus {a.litmus!r}, {a.dialect}, seed {a.seed}, tests in {folder})")
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
