#!/usr/bin/env python3
"""Expand a litmus test that calls sys_membarrier() into plain LKMM tests.

This is the reference semantics of litmus/membarrier/desugared-rule.md run
by brute force, independently of the engine: every sys_membarrier() call
becomes a request/acknowledgement handshake with each thread it targets,
and every way of placing the handlers in the targeted threads becomes one
ordinary litmus test that the existing checker can decide.

    desugar.py TEST.litmus              write TEST.desugared/*.litmus
    desugar.py TEST.litmus --run        ... check them under lkmm and under the
                                        other base models TEST.expect has a
                                        line for, write verdicts.tsv (lkmm),
                                        verdicts.tso.tsv, verdicts.sc.tsv, set
                                        each file's Result: line, print the
                                        verdict the rule gives
    --models lkmm,tso,sc                choose the models instead
    --tables-only                       after --run, keep only the tables
    --out DIR                           write somewhere else (scratch runs)
    --no-inside                         experiment: never place a handler
                                        inside the target's own call

It understands the straight-line subset of the C litmus language that the
tests in litmus/membarrier use, one statement per line:
READ_ONCE/WRITE_ONCE, smp_load_acquire/smp_store_release,
rcu_dereference/rcu_assign_pointer, plain loads and stores through a
parameter or a pointer register, the fences, barrier(), RCU read-side
markers and synchronize_rcu(), the membarrier calls and rseq_begin()/
rseq_end(), and an `if` whose body is a single statement (the body is
kept with its condition: a handler never lands between them).

Compiler-preserved order (cpo) between two statements of a thread holds
when both are marked accesses, when either is a compiler barrier
(fences, RCU primitives, acquire/release, a membarrier call) or one lies
between them, when the later one uses a register the earlier one set
(addr, data, ctrl), or when both access the same named location (the
compiler keeps single-threaded semantics; the spec's list leaves this
out, see the README). A handler's "before" set is any cpo-downward-closed
set of units; the handlers that land in one thread must have nested sets
(one instruction stream), and handlers with equal sets run in every
order. With MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ a set never splits an
rseq section of the targeted thread.

Standard library only.
"""

import argparse
import itertools
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CLI_DLL = os.path.join(REPO, "src", "Litmus.Cli", "bin", "Debug", "net10.0", "litmus.dll")

COMMANDS = {
    "MEMBARRIER_CMD_QUERY": "QUERY",
    "MEMBARRIER_CMD_GLOBAL": "GLOBAL",
    "MEMBARRIER_CMD_SHARED": "GLOBAL",
    "MEMBARRIER_CMD_GLOBAL_EXPEDITED": "GLOBAL_EXPEDITED",
    "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED": "REGISTER_GLOBAL_EXPEDITED",
    "MEMBARRIER_CMD_PRIVATE_EXPEDITED": "PRIVATE_EXPEDITED",
    "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED": "REGISTER_PRIVATE_EXPEDITED",
    "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE": "PRIVATE_EXPEDITED_SYNC_CORE",
    "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE": "REGISTER_PRIVATE_EXPEDITED_SYNC_CORE",
    "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ": "PRIVATE_EXPEDITED_RSEQ",
    "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ": "REGISTER_PRIVATE_EXPEDITED_RSEQ",
}
PRIVATE = {"PRIVATE_EXPEDITED", "PRIVATE_EXPEDITED_SYNC_CORE", "PRIVATE_EXPEDITED_RSEQ"}

REG = r"[A-Za-z_]\w*"
FENCES = {"smp_mb", "smp_rmb", "smp_wmb", "smp_mb__before_atomic", "smp_mb__after_atomic",
          "rcu_read_lock", "rcu_read_unlock", "synchronize_rcu", "synchronize_rcu_expedited"}


class Stmt:
    """One source statement of a thread."""

    def __init__(self, text, line):
        self.text = text          # the statement as written (may span lines for an `if`)
        self.line = line          # first source line
        self.kind = None          # access | fence | wall | memb | rseq_begin | rseq_end | decl
        self.marked = False
        self.loc = None           # named location (parameter) for accesses through *param
        self.defs = set()
        self.uses = set()
        self.cmd = None           # membarrier command (short name)
        self.mid = None           # membarrier id, when the call orders anything
        self.eperm = False
        self.abstract = False   # sys_membarrier() / smp_memb(): needs no registration


class Thread:
    def __init__(self, name, params, decls, stmts):
        self.name = name
        self.index = int(name[1:])
        self.params = params
        self.decls = decls
        self.stmts = stmts


class Test:
    pass


def fail(msg):
    sys.exit("desugar.py: " + msg)


def strip_comments(s):
    return re.sub(r"/\*.*?\*/", "", s, flags=re.S)


def classify(st, params):
    t = strip_comments(st.text).strip()
    body = t
    if re.match(r"if\s*\(", t):
        # An `if` with a single-statement body: one unit, guarded by the condition.
        open_at = t.index("(")
        depth, i = 0, open_at
        while True:
            depth += {"(": 1, ")": -1}.get(t[i], 0)
            if depth == 0:
                break
            i += 1
        st.uses |= set(re.findall(REG, t[open_at:i])) - set(params)
        inner = Stmt(t[i + 1:].strip(), st.line)
        classify(inner, params)
        if inner.kind != "access":
            fail(f"line {st.line}: only an access may be guarded by an if: {t}")
        st.kind, st.marked, st.loc = "access", inner.marked, inner.loc
        st.defs |= inner.defs
        st.uses |= inner.uses
        return
    if re.match(r"(int|long|unsigned|intptr_t)\b", t):
        st.kind = "decl"
        return
    if t in ("barrier();",):
        st.kind = "wall"
        return
    if t in ("rseq_begin();",):
        st.kind = "rseq_begin"
        return
    if t in ("rseq_end();",):
        st.kind = "rseq_end"
        return
    m = re.match(r"(\w+)\(\);$", t)
    if m and m.group(1) in FENCES:
        st.kind = "fence"
        return
    m = re.match(rf"(?:({REG})\s*=\s*)?(sys_membarrier|membarrier|smp_memb)\s*\((.*)\);$", t)
    if m:
        st.kind = "memb"
        if m.group(1):
            st.defs.add(m.group(1))
        args = [a.strip() for a in m.group(3).split(",") if a.strip()]
        if m.group(2) == "smp_memb" or not args:
            # The abstract call of the pairing table: targets as PRIVATE_EXPEDITED, needs no registration.
            st.cmd = "PRIVATE_EXPEDITED"
            st.abstract = True
        else:
            if args[0] not in COMMANDS:
                fail(f"line {st.line}: unknown membarrier command {args[0]}")
            st.cmd = COMMANDS[args[0]]
        return
    # Accesses.
    def operand(s):
        s = s.strip()
        mm = re.match(rf"\*\s*({REG})$", s) or re.match(rf"({REG})$", s)
        if not mm:
            fail(f"line {st.line}: cannot read location {s!r} in {t}")
        name = mm.group(1)
        if name in params:
            return name, set()
        return None, {name}
    def value_uses(s):
        return set(re.findall(REG, s)) - set(params) - {"NULL"}
    m = re.match(rf"({REG})\s*=\s*(READ_ONCE|smp_load_acquire|rcu_dereference)\((.*)\);$", t)
    if m:
        st.kind, st.marked = "access", True
        st.defs.add(m.group(1))
        st.loc, u = operand(m.group(3))
        st.uses |= u
        if m.group(2) == "smp_load_acquire":
            st.kind = "fence-access"
        return
    m = re.match(r"(WRITE_ONCE|smp_store_release|rcu_assign_pointer)\((.*?),(.*)\);$", t)
    if m:
        st.kind, st.marked = "access", True
        st.loc, u = operand(m.group(2))
        st.uses |= u | value_uses(m.group(3))
        if m.group(1) in ("smp_store_release", "rcu_assign_pointer"):
            st.kind = "fence-access"
        return
    m = re.match(rf"({REG})\s*=\s*\*\s*({REG});$", t)
    if m:
        st.kind, st.marked = "access", False
        st.defs.add(m.group(1))
        st.loc, u = operand("*" + m.group(2))
        st.uses |= u
        return
    m = re.match(rf"\*\s*({REG})\s*=\s*(.*);$", t)
    if m:
        st.kind, st.marked = "access", False
        st.loc, u = operand("*" + m.group(1))
        st.uses |= u | value_uses(m.group(2))
        return
    fail(f"line {st.line}: statement not understood: {t}")


def parse(path):
    text = open(path).read()
    lines = text.split("\n")
    test = Test()
    test.path = path
    m = re.match(r"C\s+(\S+)", lines[0])
    if not m:
        fail("first line must be 'C NAME'")
    test.name = m.group(1)
    # Init block: the first {...} after the header comment.
    no_comments = re.sub(r"\(\*.*?\*\)", lambda mm: "\n" * mm.group(0).count("\n"), text, flags=re.S)
    ib = re.search(r"\{(.*?)\}", no_comments, re.S)
    init_src = ib.group(1)
    test.init_lines = []
    test.registered = set()
    for raw in init_src.split(";"):
        s = raw.strip()
        if not s:
            continue
        mm = re.match(r"membarrier_registered\s*=\s*(\w+)$", s)
        if mm:
            if mm.group(1) not in COMMANDS:
                fail(f"unknown command in init: {mm.group(1)}")
            test.registered.add(COMMANDS[mm.group(1)])
        else:
            test.init_lines.append(s + ";")
    rest = no_comments[ib.end():]
    rest_lines_offset = no_comments[:ib.end()].count("\n")
    test.threads = []
    pos = 0
    for tm in re.finditer(r"(P\d+)\s*\(([^)]*)\)\s*\{", rest):
        if tm.start() < pos:
            continue
        # Find the matching brace.
        depth, i = 1, tm.end()
        while depth:
            if rest[i] == "{":
                depth += 1
            elif rest[i] == "}":
                depth -= 1
            i += 1
        body = rest[tm.end():i - 1]
        first_line = rest_lines_offset + rest[:tm.end()].count("\n") + 1
        params = [p.strip() for p in tm.group(2).split(",") if p.strip()]
        pnames = [re.findall(REG, p)[-1] for p in params]
        decls, stmts = [], []
        body_lines = body.split("\n")
        k = 0
        while k < len(body_lines):
            s = body_lines[k].strip()
            ln = first_line + k
            k += 1
            if not s:
                continue
            if s.startswith("if") and not s.endswith(";"):
                # `if (c)` then the single guarded statement on the next line.
                while k < len(body_lines) and not body_lines[k].strip():
                    k += 1
                s = s + "\n\t\t" + body_lines[k].strip()
                k += 1
            st = Stmt(s, ln)
            classify(st, pnames)
            if st.kind == "decl":
                decls.append(s)
            else:
                stmts.append(st)
        test.threads.append(Thread(tm.group(1), params, decls, stmts))
        pos = i
    tail = rest[pos:]
    sm = re.search(r"scopes\s*:\s*(.*?)(?=\n\s*(exists|~exists|forall|filter|locations)\b)", tail, re.S)
    test.procs = None
    if sm:
        test.procs = [re.findall(r"P\d+", g) for g in re.findall(r"\(proc([^()]*)\)", sm.group(1))]
    em = re.search(r"\bexists\s*(.*)$", tail, re.S)
    if not em or re.search(r"~exists|forall", tail):
        fail("the condition must be 'exists (...)'")
    test.condition = em.group(1).strip()
    return test


def process_of(test, tname):
    if test.procs is None:
        return 0
    for i, g in enumerate(test.procs):
        if tname in g:
            return i
    return ("alone", tname)


def analyse(test):
    """Number the membarriers that order something; find their targets and the -EPERM calls."""
    mids = []
    diagnostics = []
    for th in test.threads:
        reg = set(test.registered)
        for st in th.stmts:
            if st.kind != "memb":
                continue
            c = st.cmd
            if c.startswith("REGISTER_"):
                reg.add(c[len("REGISTER_"):])
                continue
            if c == "QUERY":
                continue
            # Only the explicit private commands need the caller registered; GLOBAL_EXPEDITED never does
            # (Linux: registering only makes a process a target), nor does the abstract call.
            if c in PRIVATE and not st.abstract:
                if c not in reg:
                    st.eperm = True
                    diagnostics.append(f"{th.name} line {st.line}: {c} without registration: -EPERM, orders nothing")
                    continue
            st.mid = len(mids)
            mids.append((th, st))
    targets = {}
    for mid, (th, st) in enumerate(mids):
        tg = []
        for other in test.threads:
            if other is th:
                continue
            if st.cmd in PRIVATE and process_of(test, other.name) != process_of(test, th.name):
                continue
            if st.cmd == "GLOBAL_EXPEDITED":
                # Targets the processes registered for it (registration in the init block,
                # or a REGISTER call anywhere in one of the process's threads).
                regd = "GLOBAL_EXPEDITED" in test.registered or any(
                    s.kind == "memb" and s.cmd == "REGISTER_GLOBAL_EXPEDITED"
                    for t2 in test.threads if process_of(test, t2.name) == process_of(test, other.name)
                    for s in t2.stmts)
                if not regd:
                    continue
            tg.append(other)
        targets[mid] = tg
    return mids, targets, diagnostics


def units_of(th):
    """The thread's units (statements that can sit before or after a handler), the cpo order
    on them, and its rseq sections. A membarrier call that orders something is two units."""
    units = []     # (stmt, part) part in {None, 'req', 'ack'}
    walls_after = []   # index of units after which a non-unit wall (barrier(), no-op call) sits
    sections = []
    open_section = None
    for st in th.stmts:
        if st.kind == "rseq_begin":
            open_section = []
            continue
        if st.kind == "rseq_end":
            sections.append(open_section)
            open_section = None
            continue
        if st.kind == "wall" or (st.kind == "memb" and st.mid is None):
            walls_after.append(len(units))
            continue
        if st.kind == "memb":
            new = [(st, "req"), (st, "ack")]
        else:
            new = [(st, None)]
        for u in new:
            if open_section is not None:
                open_section.append(len(units))
            units.append(u)
    n = len(units)
    before = [[False] * n for _ in range(n)]
    for j in range(n):
        for i in range(j):
            a, b = units[i][0], units[j][0]
            ok = False
            if a is b:
                ok = True
            if a.kind in ("fence", "fence-access", "memb") or b.kind in ("fence", "fence-access", "memb"):
                ok = True
            if a.marked and b.marked:
                ok = True
            if any(i < w <= j for w in walls_after):
                ok = True
            if a.defs & b.uses:
                ok = True
            if a.loc is not None and a.loc == b.loc:
                ok = True
            before[i][j] = ok
    for k in range(n):
        for i in range(n):
            if before[i][k]:
                for j in range(n):
                    if before[k][j]:
                        before[i][j] = True
    return units, before, sections


NO_INSIDE = False


def down_sets(units, before, sections, rseq):
    n = len(units)
    out = []
    for mask in range(1 << n):
        s = {i for i in range(n) if mask >> i & 1}
        if any(j in s and i not in s for i in range(n) for j in range(n) if before[i][j]):
            continue
        if NO_INSIDE and any(units[i][1] == "req" and i + 1 not in s for i in s):
            continue
        if rseq and any(0 < len(s & set(sec)) < len(sec) for sec in sections):
            continue
        out.append(frozenset(s))
    return out


def set_label(s, n_units, all_sets):
    k = len(s)
    if s == frozenset(range(k)):
        return str(k)
    others = sorted((x for x in all_sets if len(x) == k and x != frozenset(range(k))),
                    key=lambda x: sorted(x))
    return str(k) + "bcdefghij"[others.index(s)]


def placements(test, mids, targets):
    """Yield (name, {thread: [(kind, payload)...]}, description) for every placement."""
    per_thread = {}
    for th in test.threads:
        hs = [mid for mid in sorted(targets) if th in targets[mid]]
        units, before, sections = units_of(th)
        opts = {}
        for mid in hs:
            rseq = mids[mid][1].cmd == "PRIVATE_EXPEDITED_RSEQ"
            opts[mid] = down_sets(units, before, sections, rseq)
        all_sets = down_sets(units, before, sections, False)
        choices = []
        for combo in itertools.product(*(opts[mid] for mid in hs)):
            sets = dict(zip(hs, combo))
            if any(not (a <= b or b <= a) for a in combo for b in combo):
                continue
            # Group handlers with equal sets; every order within a group.
            groups = {}
            for mid in hs:
                groups.setdefault(sets[mid], []).append(mid)
            tied = [g for g in sorted(groups.values()) if len(g) > 1]
            for perms in itertools.product(*(list(itertools.permutations(g)) for g in tied)):
                order_letters = "".join("abcdefghijklmnopqrstuvwxyz"[list(itertools.permutations(g)).index(p)]
                                        for g, p in zip(tied, perms))
                rank = {}
                for g, p in zip(tied, perms):
                    for r, mid in enumerate(p):
                        rank[mid] = r
                seq_h = sorted(hs, key=lambda mid: (len(sets[mid]), rank.get(mid, 0)))
                labels = {mid: set_label(sets[mid], len(units), all_sets) for mid in hs}
                choices.append((sets, seq_h, labels, order_letters))
        per_thread[th.name] = (hs, units, choices)
    names = [th.name for th in test.threads]
    for combo in itertools.product(*(per_thread[t][2] or [None] for t in names)):
        labels, orders, layout = {}, "", {}
        for tname, ch in zip(names, combo):
            hs, units, _ = per_thread[tname]
            if ch is None:
                layout[tname] = (units, [], {})
                continue
            sets, seq_h, lab, ol = ch
            for mid in hs:
                labels[(mid, tname)] = lab[mid] if units else None
            orders += ol
            layout[tname] = (units, seq_h, sets)
        keys = sorted(labels, key=lambda k: (k[0], int(k[1][1:])))
        parts = [labels[k] for k in keys if labels[k] is not None]
        name = "at-" + "-".join(parts) if parts else "no-handlers"
        if orders:
            name += "-order-" + orders
        yield name, layout


def describe_unit(u):
    st, part = u
    t = " ".join(strip_comments(st.text).split())
    if part == "req":
        return f"{t} (its barrier and requests)"
    if part == "ack":
        return f"{t} (its acknowledgement reads and barrier)"
    return t


def emit(test, mids, targets, name, layout, source_rel, diagnostics):
    hv = lambda mid, th: f"m{mid}_p{th.index}"
    out = [f"C {name}", "", "(*", " * Result: ?", " *"]
    out.append(f" * {source_rel} with each sys_membarrier() written out as a")
    out.append(" * request/acknowledgement handshake. Where the handlers run:")
    for mid, (cth, cst) in enumerate(mids):
        for th in targets[mid]:
            units, seq_h, sets = layout[th.name]
            s = sets.get(mid, frozenset()) if sets else frozenset()
            if not units:
                where = "the only code of the thread"
            elif not s:
                where = "before everything"
            else:
                where = "after " + "; ".join(describe_unit(units[i]) for i in sorted(s))
            out.append(f" *   m{mid} ({cth.name} line {cst.line}) in {th.name}: {where}")
    for th in test.threads:
        units, seq_h, sets = layout[th.name]
        if len(seq_h) > 1:
            out.append(f" *   order in {th.name}: " + ", ".join(f"m{mid}" for mid in seq_h))
    for d in diagnostics:
        out.append(f" * {d}")
    out.append(" * Generated by litmus/membarrier/tools/desugar.py.")
    out.append(" *)")
    out.append("")
    if test.init_lines:
        out.append("{")
        out += ["\t" + l for l in test.init_lines]
        out.append("}")
    else:
        out.append("{}")
    hs_conds = []
    for th in test.threads:
        extra_params, extra_decls, body = [], [], []
        mine = [mid for mid in range(len(mids)) if mids[mid][0] is th]
        theirs = [mid for mid in range(len(mids)) if th in targets[mid]]
        for mid in mine:
            for tt in targets[mid]:
                extra_params += [f"int *req_{hv(mid, tt)}", f"int *ack_{hv(mid, tt)}"]
                extra_decls.append(f"int ra_{hv(mid, tt)};")
                hs_conds.append(f"{th.index}:ra_{hv(mid, tt)}=1")
        for mid in theirs:
            extra_params += [f"int *req_{hv(mid, th)}", f"int *ack_{hv(mid, th)}"]
            extra_decls.append(f"int rq_{hv(mid, th)};")
            hs_conds.append(f"{th.index}:rq_{hv(mid, th)}=1")
        seen = set()
        params = []
        for p in th.params + extra_params:
            if p not in seen:
                seen.add(p)
                params.append(p)
        units, seq_h, sets = layout[th.name]
        def handler(mid):
            v = hv(mid, th)
            return [f"/* handler of m{mid} */",
                    f"rq_{v} = READ_ONCE(*req_{v});",
                    "smp_mb();",
                    f"WRITE_ONCE(*ack_{v}, 1);"]
        # Placement of units: all units of the first handler's set, that handler, ...
        order = []
        placed = set()
        for mid in seq_h:
            for i in sorted(sets[mid]):
                if i not in placed:
                    order.append(("u", i))
                    placed.add(i)
            order.append(("h", mid))
        for i in range(len(units)):
            if i not in placed:
                order.append(("u", i))
        # Non-unit statements (decl-free walls, no-op calls, rseq markers) are dropped:
        # barrier() has no run-time effect, and units never cross it anyway.
        for kind, x in order:
            if kind == "h":
                body += handler(x)
                continue
            st, part = units[x]
            if st.kind == "memb":
                mid = st.mid
                if part == "req":
                    body.append(f"/* {' '.join(strip_comments(st.text).split())} */")
                    body.append("smp_mb();")
                    for tt in targets[mid]:
                        body.append(f"WRITE_ONCE(*req_{hv(mid, tt)}, 1);")
                else:
                    for tt in targets[mid]:
                        body.append(f"ra_{hv(mid, tt)} = READ_ONCE(*ack_{hv(mid, tt)});")
                    body.append("smp_mb();")
                continue
            body.append(strip_comments(st.text).strip())
        out.append("")
        out.append(f"{th.name}({', '.join(params)})")
        out.append("{")
        decls = th.decls + extra_decls
        for d in decls:
            out.append("\t" + d)
        if decls and body:
            out.append("")
        for b in body:
            out.append("\t" + b)
        out.append("}")
    out.append("")
    cond = test.condition
    if hs_conds:
        hs = " /\\ ".join(hs_conds)
        out.append(f"filter ({hs})")
        inner = cond
        if cond.startswith("(") and cond.endswith(")"):
            depth = 0
            for i, ch in enumerate(cond):
                depth += {"(": 1, ")": -1}.get(ch, 0)
                if depth == 0:
                    break
            if i == len(cond) - 1:      # the first parenthesis closes at the end
                inner = cond[1:-1].strip()
        out.append(f"exists (({inner}) /\\ {hs})")
    else:
        out.append(f"exists {cond}")
    return "\n".join(out) + "\n"


def run_checker(files, model, timeout):
    cmd = ["dotnet", CLI_DLL, "check", "--model", model, "--timeout", str(timeout)] + files
    p = subprocess.run(cmd, capture_output=True, text=True)
    res = {}
    for line in p.stdout.splitlines():
        f = line.split()
        if len(f) >= 2 and f[1] in ("Never", "Sometimes", "Always", "DEADLOCK") and not line.startswith(" "):
            word = f[1]
            if "data-race" in line:
                word += " DATARACE"
            res[f[0]] = word
    missing = [f for f in files if os.path.splitext(os.path.basename(f))[0] not in res]
    if missing:
        sys.stderr.write(p.stdout + p.stderr)
        fail(f"{model}: no verdict for {len(missing)} files, e.g. {missing[0]}")
    return res


def combine(verdicts):
    """The rule of desugared-rule.md: the membarrier test's verdict from its placements'."""
    words = [v.split()[0] for v in verdicts]
    race = any("DATARACE" in v for v in verdicts)
    live = [w for w in words if w != "DEADLOCK"]
    if not live:
        v = "DEADLOCK"
    elif all(w == "Never" for w in live):
        v = "Never"
    elif all(w == "Always" for w in live):
        v = "Always"
    else:
        v = "Sometimes"
    return v + (" DATARACE" if race else "")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("test")
    ap.add_argument("--out")
    ap.add_argument("--run", action="store_true")
    ap.add_argument("--models", default="expect",
                    help="comma-separated base models, or 'expect' (the default): lkmm and "
                         "whichever of tso, sc the test's .expect file has a line for")
    ap.add_argument("--tables-only", action="store_true",
                    help="after --run, delete the generated files and keep the verdict tables "
                         "(for tests with thousands of placements)")
    ap.add_argument("--timeout", type=int, default=120)
    ap.add_argument("--batch", type=int, default=400)
    ap.add_argument("--no-inside", action="store_true",
                    help="experiment: never run a handler inside the target's own membarrier call "
                         "(not the definition; shows what that placement adds)")
    a = ap.parse_args()
    global NO_INSIDE
    NO_INSIDE = a.no_inside
    test = parse(a.test)
    mids, targets, diagnostics = analyse(test)
    out = a.out or os.path.splitext(a.test)[0] + ".desugared"
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith(".litmus") or f.startswith("verdicts"):
            os.remove(os.path.join(out, f))
    source_rel = os.path.relpath(a.test, out)
    files = []
    for name, layout in placements(test, mids, targets):
        path = os.path.join(out, name + ".litmus")
        if os.path.exists(path):
            fail(f"two placements named {name}")
        with open(path, "w") as fh:
            fh.write(emit(test, mids, targets, name, layout, source_rel, diagnostics))
        files.append(path)
    files.sort()
    print(f"{test.name}: {len(mids)} ordering membarrier(s), {len(files)} placement(s) in {out}")
    for d in diagnostics:
        print("  diagnostic:", d)
    if not a.run:
        return
    models = a.models.split(",")
    if a.models == "expect":
        models = ["lkmm"]
        exp = os.path.splitext(a.test)[0] + ".expect"
        if os.path.exists(exp):
            listed = [l.split()[0] for l in open(exp) if l.strip()]
            models += [m for m in ("tso", "sc") if m + "+membarrier" in listed]
    summary = {}
    for model in models:
        res = {}
        for k in range(0, len(files), a.batch):
            res.update(run_checker(files[k:k + a.batch], model, a.timeout))
        tsv = "verdicts.tsv" if model == "lkmm" else f"verdicts.{model}.tsv"
        with open(os.path.join(out, tsv), "w") as fh:
            for f in files:
                fh.write(f"{os.path.basename(f)}\t{res[os.path.splitext(os.path.basename(f))[0]]}\n")
        if model == "lkmm":
            for f in files:
                txt = open(f).read().replace(" * Result: ?", " * Result: " + res[os.path.splitext(os.path.basename(f))[0]], 1)
                open(f, "w").write(txt)
        counts = {}
        for v in res.values():
            counts[v] = counts.get(v, 0) + 1
        summary[model] = combine(res.values())
        print(f"  {model}: " + ", ".join(f"{c} {v}" for v, c in sorted(counts.items())) +
              f"  =>  {model}+membarrier {summary[model]}")
    if a.tables_only:
        for f in files:
            os.remove(f)


if __name__ == "__main__":
    main()
