#!/usr/bin/env python3
"""Consistency check of litmus/membarrier (no checker run, text only).

For every test X.litmus outside the .desugared folders:
  - the first line is "C X";
  - X.expect exists; each line is "<model> <Verdict>" with model one of
    sc, tso, lkmm (tests without membarrier calls) or sc+membarrier,
    tso+membarrier, lkmm+membarrier (tests with them), in that order,
    or "diagnostic EPERM";
  - the lkmm or lkmm+membarrier line is there and equals the first word
    after "Result:" in the test (the kernel scripts' reading);
  - the diagnostic line is there exactly when a membarrier command is
    used without registration (a textual check: init line or a REGISTER
    call earlier in the same thread).
For every folder X.desugared:
  - verdicts.tsv lists exactly the folder's .litmus files, and each
    file's Result line equals its entry;
  - the rule of desugared-rule.md applied to verdicts.tsv gives the
    Result of X.litmus (with DATARACE), and verdicts.{tso,sc}.tsv give
    the tso+membarrier / sc+membarrier lines of X.expect; a model line
    without its table, or a table without its line, is reported.
Usage: python3 litmus/membarrier/tools/check-expect.py   (exit 1 on any problem)
"""

import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
VERDICTS = {"Never", "Sometimes", "Always"}
MEMB_CALL = re.compile(r"\b(sys_membarrier|membarrier|smp_memb)\s*\(")
# The IPI step alone (kernel-impl/): checked under the +membarrier models, but desugar.py does not expand it.
IPI_CALL = re.compile(r"\bmembarrier_ipi(_nomb)?\s*\(")
problems = []


def problem(msg):
    problems.append(msg)


def result_of(text):
    m = re.search(r"^[( ]\* Result: (.*)$", text, re.M)
    return m.group(1).split() if m else None


def combine(words):
    live = [w.split()[0] for w in words if w.split()[0] != "DEADLOCK"]
    race = any("DATARACE" in w for w in words)
    if not live:
        v = "DEADLOCK"
    elif all(w == "Never" for w in live):
        v = "Never"
    elif all(w == "Always" for w in live):
        v = "Always"
    else:
        v = "Sometimes"
    return v, race


def read_tsv(path):
    rows = {}
    for line in open(path):
        line = line.rstrip("\n")
        if not line:
            continue
        f, _, v = line.partition("\t")
        rows[f] = v
    return rows


def eperm_expected(text):
    """Textual registration check, enough for the tests of this folder."""
    init = re.search(r"\{(.*?)\}", re.sub(r"\(\*.*?\*\)", "", text, flags=re.S), re.S).group(1)
    registered = set(re.findall(r"membarrier_registered\s*=\s*MEMBARRIER_CMD_(\w+)", init))
    for body in re.findall(r"P\d+\([^)]*\)\s*\{(.*?)\n\}", text, re.S):
        reg = set(registered)
        for call in re.finditer(r"(sys_membarrier|membarrier|smp_memb)\s*\(([^)]*)\)", body):
            args = [a.strip() for a in call.group(2).split(",") if a.strip()]
            if call.group(1) == "smp_memb" or not args:
                continue    # the abstract call needs no registration
            cmd = args[0].replace("MEMBARRIER_CMD_", "")
            if cmd.startswith("REGISTER_"):
                reg.add(cmd[len("REGISTER_"):])
            elif cmd.startswith("PRIVATE_EXPEDITED"):   # GLOBAL_EXPEDITED never needs the caller registered
                if cmd not in reg:
                    return True
    return False


def check_test(path):
    name = os.path.basename(path)[:-len(".litmus")]
    text = open(path).read()
    rel = os.path.relpath(path, ROOT)
    if text.split("\n", 1)[0] != f"C {name}":
        problem(f"{rel}: first line is not 'C {name}'")
    result = result_of(text)
    if not result or result[0] not in VERDICTS or result[1:] not in ([], ["DATARACE"]):
        problem(f"{rel}: no well-formed Result: line")
        return
    code = re.sub(r"\(\*.*?\*\)", "", text, flags=re.S)
    calls = bool(MEMB_CALL.search(code))
    suffix = "+membarrier" if calls or IPI_CALL.search(code) else ""
    exp_path = path[:-len(".litmus")] + ".expect"
    if not os.path.exists(exp_path):
        problem(f"{rel}: no .expect file")
        return
    lines = [l.split() for l in open(exp_path).read().splitlines() if l.strip()]
    order = [f"sc{suffix}", f"tso{suffix}", f"lkmm{suffix}"]
    models = {}
    diag = False
    last = -1
    for l in lines:
        if l == ["diagnostic", "EPERM"]:
            diag = True
            continue
        if len(l) != 2 or l[0] not in order or l[1] not in VERDICTS:
            problem(f"{rel}: bad .expect line {' '.join(l)!r}")
            continue
        if order.index(l[0]) <= last:
            problem(f"{rel}: .expect lines out of order (sc, tso, lkmm)")
        last = order.index(l[0])
        models[l[0]] = l[1]
    if f"lkmm{suffix}" not in models:
        problem(f"{rel}: .expect has no lkmm{suffix} line")
    elif models[f"lkmm{suffix}"] != result[0]:
        problem(f"{rel}: Result {result[0]} but .expect says lkmm{suffix} {models[f'lkmm{suffix}']}")
    if calls and diag != eperm_expected(text):
        problem(f"{rel}: 'diagnostic EPERM' line {'present' if diag else 'missing'}, registration says otherwise")
    folder = path[:-len(".litmus")] + ".desugared"
    if not calls:
        return
    if not os.path.isdir(folder):
        problem(f"{rel}: no .desugared folder")
        return
    files = sorted(f for f in os.listdir(folder) if f.endswith(".litmus"))
    tables_only = not files
    if tables_only:
        # Only the tables are kept (desugar.py --tables-only): check the rule on them.
        files = sorted(read_tsv(os.path.join(folder, "verdicts.tsv"))) if os.path.exists(
            os.path.join(folder, "verdicts.tsv")) else []
    for model, tsv in (("lkmm", "verdicts.tsv"), ("tso", "verdicts.tso.tsv"), ("sc", "verdicts.sc.tsv")):
        tpath = os.path.join(folder, tsv)
        line = models.get(f"{model}+membarrier")
        if not os.path.exists(tpath):
            if line:
                problem(f"{rel}: .expect has {model}+membarrier but {tsv} is missing")
            continue
        if not line:
            problem(f"{rel}: {tsv} exists but .expect has no {model}+membarrier line")
        rows = read_tsv(tpath)
        if sorted(rows) != files:
            problem(f"{rel}: {tsv} does not list exactly the files of the folder")
        v, race = combine(list(rows.values()))
        if line and v != line:
            problem(f"{rel}: {tsv} gives {v} by the rule, .expect says {model}+membarrier {line}")
        if model == "lkmm":
            if result != [v] + (["DATARACE"] if race else []):
                problem(f"{rel}: verdicts.tsv gives {v}{' DATARACE' if race else ''}, Result says {' '.join(result)}")
            for f in ([] if tables_only else files):
                r = result_of(open(os.path.join(folder, f)).read())
                if r is None or " ".join(r) != rows.get(f):
                    problem(f"{rel}: {f} Result {' '.join(r or ['?'])} but verdicts.tsv says {rows.get(f)}")
    return len(files)


def main():
    count = placements = 0
    for dirpath, dirnames, filenames in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if not d.endswith(".desugared") and d != "tools")
        for f in sorted(filenames):
            if f.endswith(".litmus"):
                count += 1
                placements += check_test(os.path.join(dirpath, f)) or 0
            if f.endswith(".expect") and not os.path.exists(os.path.join(dirpath, f[:-7] + ".litmus")):
                problem(f"{os.path.relpath(os.path.join(dirpath, f), ROOT)}: orphan .expect")
    for p in problems:
        print(p)
    print(f"{count} tests, {placements} desugared placements checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
