#!/usr/bin/env python3
"""Onoma's benchmark matrix: throughput, start-up, peak memory and --jobs speed-up, with the DIY peer in the same run.

    python3 Scripts/bench.py [--quick] [--onoma BINARY | env ONOMA_BIN=BINARY] [--out DIR] [--runs N] [--timeout S]

Without --onoma (or ONOMA_BIN) it runs `swift build -c release` in the checkout it lives in and measures that
checkout's .build/release/onoma. It prints a Markdown table (the README's Performance section holds the last one)
and leaves DIR/results.md and DIR/results.json (DIR defaults to .build/bench).

What it runs (every command's standard output goes to /dev/null; each under /usr/bin/time and `timeout`):
  * real MT text: every file of ../shared/eval/wmt22/pairs/*/hyp/* (sorted) concatenated as one text file, and the
    same lines as JSONL ({"text": line}, one object a line, empty lines left out), with the built-in gazetteer:
    text mode, JSONL mode (without explanations when the binary has an option for that), text mode with --report,
    and JSONL with --jobs 2;
  * start-up: normalize of an empty file, with the built-in gazetteer and with each generated one;
  * generated gazetteers of 150, 10k, 100k and 1M invented entities (Scripts/gen_bench_data.py, seeded; made once
    and kept in DIR/data) with their MT-style corpus in JSONL mode, `--no-default-gazetteer --gazetteer G`;
  * the DIY peer (../shared/bench/diy_peer.py, same JSONL contract; needs pyicu, rapidfuzz, flashtext) on the same
    files, its runs alternated with Onoma's. It is some twenty times slower, so the side-by-side uses the first
    --peer-mb of the corpus, for both.

Figures are CPU time (user + system, /usr/bin/time), the median of --runs runs (one run when a run takes longer
than a minute), so they hold on a shared machine better than wall time; --jobs 2 is compared by wall time, which is
what it buys. Throughput is MB (10^6 bytes of input text) / (CPU of the run - CPU of the same command on an empty
input): the rate once the gazetteer is loaded, per core. Peak memory is the largest max RSS of the runs. A run
that exceeds --timeout is reported as "timeout", a failing one as "failed (exit N)"; the matrix goes on.

--quick: 150 and 10k entities only, 0.5 MB corpora (0.1 MB for the peer), the first 1 MB of the MT text, 2 runs
(a couple of minutes on an idle machine).
"""
import argparse
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))

# The bars of the performance issue: what each row must show. A numeric target, where one is set, is compared and
# the row says "met" or "not met"; without one the row is reported only.
BARS = {
    "mt_text": ("throughput on real MT text, built-in gazetteer, text mode", None),
    "mt_jsonl": ("throughput, JSONL mode without explanations", None),
    "mt_report": ("throughput with --report", None),
    "per_mb_ratio": ("per-MB cost at 1M vs 150 entities", None),
    "peer_10k": ("Onoma vs the peer at 10k entities, side by side", None),
    "startup": ("time until ready to read input", None),
    "rss": ("peak memory (max RSS) at each gazetteer size", None),
    "jobs2": ("--jobs 2 speed-up", None),
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    osname = platform.platform()
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"') + f", kernel {platform.release()}"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram": mem, "os": osname,
            "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def run_once(cmd, stdin_path, timeout):
    """Runs cmd under /usr/bin/time and timeout; returns dict(cpu, wall, rss_mb, status)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        tpath = tf.name
    full = ["/usr/bin/time", "-o", tpath, "-f", "%e %U %S %M %x", "timeout", "-s", "KILL", str(timeout)] + cmd
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        p = subprocess.run(full, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        if stdin_path:
            stdin.close()
    fields = open(tpath).read().split("\n")
    os.unlink(tpath)
    last = [l for l in fields if re.match(r"^[\d.]+ [\d.]+ [\d.]+ \d+ -?\d+$", l)]
    if not last:
        return {"status": f"failed ({fields[0][:60]})", "cpu": None, "wall": None, "rss_mb": None}
    wall, user, sys_, rss, code = last[-1].split()
    code = int(code)
    # timeout -s KILL: the child dies by SIGKILL and timeout exits 137
    status = "ok" if code == 0 else ("timeout" if code in (124, 137) else f"failed (exit {code})")
    if status.startswith("failed"):
        log("   ", p.stderr.decode(errors="replace").strip().splitlines()[-1:] or "")
    return {"status": status, "cpu": float(user) + float(sys_), "wall": float(wall), "rss_mb": int(rss) / 1024}


def measure(cases, runs, timeout):
    """cases: {name: (cmd, stdin_path)}. Runs them alternately, runs times (once when a run takes over a minute).
    Returns {name: dict(cpu, wall (medians), rss_mb (max), status, runs)}."""
    res = {k: [] for k in cases}
    for r in range(runs):
        for name, (cmd, stdin_path) in cases.items():
            prev = res[name]
            if prev and (prev[0]["status"] != "ok" or prev[0]["cpu"] > 60):
                continue
            t = run_once(cmd, stdin_path, timeout)
            log(f"  {name:34s} run {r + 1}: {t['status']:8s} cpu {t['cpu'] if t['cpu'] is None else round(t['cpu'], 2)} s"
                f"  wall {t['wall']} s  rss {t['rss_mb'] and round(t['rss_mb'])} MB")
            prev.append(t)
    out = {}
    for name, ts in res.items():
        ok = [t for t in ts if t["status"] == "ok"]
        if not ok:
            out[name] = {"status": ts[0]["status"], "cpu": None, "wall": None,
                         "rss_mb": max((t["rss_mb"] or 0) for t in ts) or None, "runs": len(ts)}
        else:
            out[name] = {"status": "ok", "cpu": statistics.median(t["cpu"] for t in ok),
                         "wall": statistics.median(t["wall"] for t in ok),
                         "rss_mb": max(t["rss_mb"] for t in ok), "runs": len(ok)}
    return out


def prepare_mt(data, limit_bytes):
    """DIR/data/mt.txt and mt.jsonl from the WMT22 hypotheses (limit_bytes: a prefix, cut at a line end)."""
    files = sorted(glob.glob(os.path.join(SHARED, "eval", "wmt22", "pairs", "*", "hyp", "*")))
    if not files:
        sys.exit(f"bench: no MT text under {SHARED}/eval/wmt22/pairs/*/hyp/")
    tag = "all" if limit_bytes is None else str(limit_bytes)
    txt, jsl = os.path.join(data, f"mt-{tag}.txt"), os.path.join(data, f"mt-{tag}.jsonl")
    if not (os.path.exists(txt) and os.path.exists(jsl)):
        size = 0
        with open(txt, "w", encoding="utf-8") as t, open(jsl, "w", encoding="utf-8") as j:
            for f in files:
                for line in open(f, encoding="utf-8"):
                    line = line.rstrip("\n")
                    if limit_bytes is not None and size + len(line.encode()) + 1 > limit_bytes:
                        break
                    t.write(line + "\n")
                    size += len(line.encode()) + 1
                    if line.strip():
                        j.write(json.dumps({"text": line}, ensure_ascii=False) + "\n")
                else:
                    continue
                break
    return txt, jsl, os.path.getsize(txt), text_bytes(jsl)


def text_bytes(jsonl):
    return sum(len(json.loads(l)["text"].encode()) for l in open(jsonl, encoding="utf-8") if l.strip())


def prefix_jsonl(src, dst, nbytes):
    if not os.path.exists(dst):
        size = 0
        with open(dst, "w", encoding="utf-8") as o:
            for line in open(src, encoding="utf-8"):
                if size >= nbytes:
                    break
                o.write(line)
                size += len(json.loads(line)["text"].encode())
    return dst


def prepare_gen(data, n, mb):
    d = os.path.join(data, f"gen-{n}-{mb}")
    if not os.path.exists(os.path.join(d, "done")):
        t0 = time.time()
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts", "gen_bench_data.py"), str(n), d,
                        "--corpus-mb", str(mb)], check=True)
        open(os.path.join(d, "done"), "w").write(f"{time.time() - t0:.1f} s\n")
    return d


def mbps(mb, cpu, base):
    if cpu is None or base is None or cpu - base <= 0:
        return None
    return mb / (cpu - base)


def fmt(x, unit="", nd=2):
    if x is None:
        return "–"
    if isinstance(x, str):
        return x
    if 0 < abs(x) < 0.1 and nd == 2:  # a slow peer's rate: keep two significant digits
        return f"{x:.2g}{unit}"
    return f"{x:.{nd}f}{unit}"


def cell(r, key="cpu", unit=" s", nd=2):
    if r is None:
        return "not run"
    if r["status"] != "ok":
        return r["status"]
    return fmt(r[key], unit, nd)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--onoma", default=os.environ.get("ONOMA_BIN"), help="binary to measure (default: build this checkout)")
    ap.add_argument("--peer", default=os.environ.get("ONOMA_PEER", os.path.join(SHARED, "bench", "diy_peer.py")))
    ap.add_argument("--out", default=os.path.join(ROOT, ".build", "bench"))
    ap.add_argument("--runs", type=int)
    ap.add_argument("--timeout", type=int, help="seconds per run (default 1800; quick 300)")
    ap.add_argument("--sizes", help="gazetteer sizes, comma-separated (default 150,10000,100000,1000000)")
    ap.add_argument("--corpus-mb", type=float, help="generated corpus size (default 2; quick 0.5)")
    ap.add_argument("--peer-mb", type=float, help="corpus prefix the peer side-by-side runs on (default 0.25; quick 0.1)")
    ap.add_argument("--peer-sizes", default="150,10000", help="sizes the peer runs at")
    a = ap.parse_args(argv)
    quick = a.quick
    runs = a.runs or (2 if quick else 3)
    timeout = a.timeout or (300 if quick else 1800)
    sizes = [int(s) for s in (a.sizes or ("150,10000" if quick else "150,10000,100000,1000000")).split(",")]
    corpus_mb = a.corpus_mb or (0.5 if quick else 2.0)
    a.peer_mb = a.peer_mb or (0.1 if quick else 0.25)
    peer_sizes = {int(s) for s in a.peer_sizes.split(",") if s}
    data = os.path.join(a.out, "data")
    os.makedirs(data, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="onoma-bench-")

    onoma = a.onoma
    if not onoma:
        log("bench: swift build -c release …")
        subprocess.run(["swift", "build", "-c", "release", "--product", "onoma"], cwd=ROOT, check=True)
        onoma = os.path.join(ROOT, ".build", "release", "onoma")
    onoma = os.path.abspath(onoma)
    version = subprocess.run([onoma, "--version"], capture_output=True, text=True).stdout.strip()
    helptext = subprocess.run([onoma, "normalize", "--help"], capture_output=True, text=True).stdout
    no_expl = next((o for o in ("--no-explanations", "--no-explanation") if o in helptext), None)
    if no_expl is None and re.search(r"--explanations?\b", helptext):
        no_expl = "--explanations=none"  # a guess at a value-taking spelling; reported as used
    peer_ok = os.path.exists(a.peer) and subprocess.run(
        [sys.executable, "-c", "import icu, rapidfuzz, flashtext"], capture_output=True).returncode == 0
    if not peer_ok:
        log(f"bench: the peer is not runnable ({a.peer}; pip install pyicu rapidfuzz flashtext): peer rows skipped")
    m = machine()
    log(f"bench: {version}; {m['nproc']} × {m['cpu']}, {m['ram']}, {m['os']}; load {m['load']}")

    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    results = {"machine": m, "version": version, "quick": quick, "runs": runs, "timeout": timeout}
    t_start = time.time()

    # 1. Built-in gazetteer on real MT text.
    mt_txt, mt_jsonl, mt_bytes, mt_jbytes = prepare_mt(data, 1_000_000 if quick else None)
    mt_mb, mt_jmb = mt_bytes / 1e6, mt_jbytes / 1e6
    log(f"bench: real MT text {mt_mb:.2f} MB ({mt_txt}); JSONL {mt_jmb:.2f} MB of text")
    report = os.path.join(tmp, "report.jsonl")
    jl = [onoma, "normalize", "--input-format", "jsonl"] + ([no_expl] if no_expl else [])
    builtin = measure({
        "startup": ([onoma, "normalize", empty], None),
        "text": ([onoma, "normalize", mt_txt], None),
        "jsonl": (jl + [mt_jsonl], None),
        "report": ([onoma, "normalize", "--report", report, mt_txt], None),
        "jsonl_jobs1": ([onoma, "normalize", "--input-format", "jsonl", mt_jsonl], None),
        "jsonl_jobs2": ([onoma, "normalize", "--input-format", "jsonl", "--jobs", "2", mt_jsonl], None),
    }, runs, timeout)
    results["builtin"] = builtin
    listed = subprocess.run([onoma, "gazetteer", "list"], capture_output=True, text=True)
    builtin["n_builtin"] = f"{len(listed.stdout.splitlines()):,}" if listed.returncode == 0 else "?"
    results["mt_mb"], results["mt_jsonl_mb"], results["no_explanations_option"] = mt_mb, mt_jmb, no_expl

    # 2. Generated gazetteers, with the peer on the same files.
    gen = {}
    for n in sizes:
        d = prepare_gen(data, n, corpus_mb)
        g, corpus = os.path.join(d, "gazetteer.jsonl"), os.path.join(d, "corpus.jsonl")
        cmb = text_bytes(corpus) / 1e6
        if n == min(sizes):  # the generator's output must be a valid gazetteer
            c = subprocess.run([onoma, "gazetteer", "check", "--errors-only", "--no-default-gazetteer", "--gazetteer", g],
                               capture_output=True, text=True)
            if c.returncode != 0:
                sys.exit(f"bench: generated gazetteer {g} fails `onoma gazetteer check`:\n{c.stdout}{c.stderr}")
        base = [onoma, "normalize", "--no-default-gazetteer", "--gazetteer", g]
        cases = {f"{n}:startup": (base + [empty], None),
                 f"{n}:jsonl": (base + ["--input-format", "jsonl", corpus], None)}
        if n in peer_sizes and peer_ok:
            small = prefix_jsonl(corpus, os.path.join(d, f"corpus-{a.peer_mb}.jsonl"), a.peer_mb * 1e6)
            pmb = text_bytes(small) / 1e6
            peer = [sys.executable, a.peer, "normalize", "--input-format", "jsonl", "--no-default-gazetteer",
                    "--gazetteer", g]
            cases.update({f"{n}:onoma_small": (base + ["--input-format", "jsonl", small], None),
                          f"{n}:peer_startup": (peer, empty),
                          f"{n}:peer_small": (peer, small)})
        else:
            pmb = None
        log(f"bench: {n} entities, corpus {cmb:.2f} MB")
        r = measure(cases, runs, timeout)
        r["corpus_mb"], r["peer_mb"] = cmb, pmb
        gen[n] = r
        results["gen"] = gen
        json.dump(results, open(os.path.join(a.out, "results.json"), "w"), indent=1)
    results["seconds"] = round(time.time() - t_start)
    results["load_end"] = machine()["load"]
    json.dump(results, open(os.path.join(a.out, "results.json"), "w"), indent=1)
    md = table(results)
    open(os.path.join(a.out, "results.md"), "w").write(md)
    print(md)
    shutil.rmtree(tmp, ignore_errors=True)


def names(n):
    return {150: "150", 10000: "10k", 100000: "100k", 1000000: "1M"}.get(n, str(n))


def verdict(key, value):
    target = BARS[key][1]
    if value is None:
        return "not measured"
    if target is None:
        return "reported"
    return "met" if target(value) else "not met"


def table(res):
    m, b = res["machine"], res["builtin"]
    st = b["startup"]["cpu"] if b["startup"]["status"] == "ok" else None
    L = []
    L.append(f"Machine: {m['nproc']} cores ({m['cpu']}), {m['ram']} RAM, {m['os']}; load average {m['load']} at the "
             f"start, {res.get('load_end', '?')} at the end (a shared machine). Binary: `{res['version']}`, release "
             f"build. CPU time (user + system), median of {res['runs']} runs (1 when a run takes over a minute)"
             f"{'; --quick' if res['quick'] else ''}. Whole matrix: {res.get('seconds', '?')} s.")
    L.append("")
    L.append("| bar (issue) | measured | figures | status |")
    L.append("|---|---|---|---|")

    def tput(key, label, mb):
        r = b[key]
        v = mbps(mb, r["cpu"], st) if r["status"] == "ok" else None
        figs = (f"{cell(r)} CPU for {mb:.2f} MB, start-up {fmt(st, ' s')} → **{fmt(v, ' MB/s')} per core**"
                if r["status"] == "ok" else r["status"])
        return v, figs

    v, f = tput("text", "text", res["mt_mb"])
    L.append(f"| {BARS['mt_text'][0]} | text mode, WMT22 MT hypotheses | {f} | {verdict('mt_text', v)} |")
    v, f = tput("jsonl", "jsonl", res["mt_jsonl_mb"])
    how = (f"JSONL, `{res['no_explanations_option']}`" if res["no_explanations_option"]
           else "JSONL **with** explanations (this build has no option to leave them out)")
    L.append(f"| {BARS['mt_jsonl'][0]} | {how} | {f} | "
             f"{verdict('mt_jsonl', v) if res['no_explanations_option'] else 'not measurable: no such option'} |")
    v, f = tput("report", "report", res["mt_mb"])
    L.append(f"| {BARS['mt_report'][0]} | text mode + `--report` | {f} | {verdict('mt_report', v)} |")

    gen = {int(k): v for k, v in res.get("gen", {}).items()}
    per = {}
    for n, r in sorted(gen.items()):
        s, j = r[f"{n}:startup"], r[f"{n}:jsonl"]
        if s["status"] == "ok" and j["status"] == "ok" and j["cpu"] > s["cpu"]:
            per[n] = (j["cpu"] - s["cpu"]) / r["corpus_mb"]
    cost = "; ".join(f"{names(n)}: {fmt(c, ' s/MB')}" for n, c in sorted(per.items()))
    missing = [names(n) for n in sorted(gen) if n not in per]
    if missing:
        cost += "; " + ", ".join(
            f"{names(n)}: {gen[n][f'{n}:jsonl']['status'] if gen[n][f'{n}:jsonl']['status'] != 'ok' else gen[n][f'{n}:startup']['status']}"
            for n in sorted(gen) if n not in per)
    ratio = per[1000000] / per[150] if 1000000 in per and 150 in per else None
    big = max(per) if per else None
    extra = ""
    if ratio is None and big and 150 in per and big != 150:
        extra = f" (1M not measured; {names(big)} vs 150: **{per[big] / per[150]:.2f}×**)"
    L.append(f"| {BARS['per_mb_ratio'][0]} | generated MT-style corpus, JSONL, CPU per MB after load | {cost} → "
             f"{'**' + fmt(ratio, '×') + '**' if ratio else 'ratio –'}{extra} | {verdict('per_mb_ratio', ratio)} |")

    if 10000 in gen and "10000:peer_small" in gen[10000]:
        r = gen[10000]
        o, os_, p, ps = r["10000:onoma_small"], r["10000:startup"], r["10000:peer_small"], r["10000:peer_startup"]
        ov = mbps(r["peer_mb"], o["cpu"], os_["cpu"]) if o["status"] == "ok" else None
        pv = mbps(r["peer_mb"], p["cpu"], ps["cpu"]) if p["status"] == "ok" else None
        rel = f" → Onoma **{ov / pv:.1f}×** the peer's rate" if ov and pv else ""
        L.append(f"| {BARS['peer_10k'][0]} | the same {r['peer_mb']:.2f} MB of generated JSONL, runs alternated | "
                 f"Onoma {fmt(ov, ' MB/s')} (load {cell(os_)}), peer {fmt(pv, ' MB/s')} (load {cell(ps)}){rel} | "
                 f"{verdict('peer_10k', ov)} |")
    else:
        L.append(f"| {BARS['peer_10k'][0]} | – | not run | not measured |")

    sparts = [f"built-in ({b.get('n_builtin', '?')} entities): {cell(b['startup'])}"]
    sparts += [f"{names(n)}: {cell(gen[n][f'{n}:startup'])}" for n in sorted(gen)]
    L.append(f"| {BARS['startup'][0]} | CPU of normalize on an empty input | {'; '.join(sparts)} | "
             f"{verdict('startup', st)} |")
    rparts = [f"built-in: {fmt(b['startup']['rss_mb'], ' MB', 0)} empty, {fmt(b['text']['rss_mb'], ' MB', 0)} on MT text"]
    for n in sorted(gen):
        s, j = gen[n][f"{n}:startup"], gen[n][f"{n}:jsonl"]
        rparts.append(f"{names(n)}: {fmt(max(x['rss_mb'] or 0 for x in (s, j)) or None, ' MB', 0)}"
                      + ("" if s["status"] == "ok" else f" ({s['status']})"))
    L.append(f"| {BARS['rss'][0]} | max RSS (/usr/bin/time) | {'; '.join(rparts)} | "
             f"{verdict('rss', b['startup']['rss_mb'])} |")
    j1, j2 = b["jsonl_jobs1"], b["jsonl_jobs2"]
    if j1["status"] == "ok" and j2["status"] == "ok":
        sp = j1["wall"] / j2["wall"]
        sw = b["startup"]["wall"]
        after = (j1["wall"] - sw) / (j2["wall"] - sw) if j2["wall"] > sw else None
        L.append(f"| {BARS['jobs2'][0]} | JSONL MT lines, wall time | --jobs 1 {fmt(j1['wall'], ' s')}, --jobs 2 "
                 f"{fmt(j2['wall'], ' s')} → **{sp:.2f}×** end to end, {fmt(after, '×')} after start-up "
                 f"({fmt(sw, ' s')} wall) | {verdict('jobs2', sp)} |")
    else:
        L.append(f"| {BARS['jobs2'][0]} | – | {j1['status']}, {j2['status']} | not measured |")
    L.append("")
    L.append("Every run (CPU s, wall s, max RSS MB):")
    L.append("")
    L.append("| run | CPU | wall | max RSS | runs |")
    L.append("|---|---|---|---|---|")
    for k, r in b.items():
        if isinstance(r, dict) and "status" in r:
            L.append(f"| built-in: {k} | {cell(r)} | {cell(r, 'wall')} | {cell(r, 'rss_mb', ' MB', 0)} | {r['runs']} |")
    for n in sorted(gen):
        for k, r in gen[n].items():
            if isinstance(r, dict):
                L.append(f"| {names(n)}: {k.split(':', 1)[1]} | {cell(r)} | {cell(r, 'wall')} | "
                         f"{cell(r, 'rss_mb', ' MB', 0)} | {r['runs']} |")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--table":  # re-print the table of a results.json
        print(table(json.load(open(sys.argv[2]))))
    else:
        main(sys.argv[1:])
