"""Serving benchmark: `budgetqa serve --workers N` on a kept index, closed-loop clients posting questions to
/api/ask; answers/s, latency, requests shed (503) and their latency, and the server's resident memory.

    python -m eval.bench.serve_bench --data-dir DIR/data --questions Q.json [--workers 1 2] [--clients 1 8 32]
                                     [--seconds 20] [--rounds 2] [--max-in-flight N] [--close] [--json out.json]
                                     [--database-url URL] [--chroma-host HOST --chroma-port PORT]   # an index on servers

Each round starts one server per worker count in turn (1, 2, then 1, 2 again: load from elsewhere on a shared
machine falls on both alike), waits until every worker has finished its start-up (warm-up question included), then
runs each client count for `--seconds`: every client is one keep-alive connection (with `--close`, a new connection
per request) that asks its next question as soon as it has an answer, starting at its own place in the list. Each
worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads connections over them; the per-process
CPU column shows how the work was spread. The per-client rate limit is off (every client
is 127.0.0.1); `--max-in-flight` sets the server's limit of questions in flight per worker (unset: the product's).
The questions are a JSON list (eval/bench/named_ask.py writes one); `--first N` keeps the first N.
RSS is VmRSS summed over the server's process and all its descendants, sampled every half second; "server cores"
is the CPU time those processes used over the wall time (1.0: one core busy), so a run on a shared machine shows how
much of it the server got; "client cores" is the same for this process, which makes all the clients' requests.

A refused client asks again at once, so the 503 times the clients measure include their own wait for this process
(one interpreter for every client). A probe in a process of its own (`--probe-every S`, 0: none) asks one question
every S seconds on one connection meanwhile; its 503 times are what one visitor arriving at a full server waits.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import http.client
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from eval.bench.common import Servers, p50, percentile, ratio, table
from eval.bench.load import free_port, stop_server

SAMPLE_S = 0.5


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it (read from /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def cpu_s(pid: int) -> dict[int, float]:
    """User + system CPU seconds used so far by `pid` and by every process below it, per process."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = {}
    for each in descendants(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        used[each] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return used


def tree_rss_mib(pid: int) -> float:
    total = 0
    for each in descendants(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return total / 1024


def start(args: argparse.Namespace, workers: int, workdir: Path) -> tuple[subprocess.Popen, str, float, Path]:
    """A server with `workers` processes, once every worker has finished starting; (process, url, seconds, log)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1",
               BUDGETQA_DATA_DIR=str(args.data_dir.resolve()), BUDGETQA_RATE_LIMIT_PER_MINUTE="0")
    env.update(Servers.from_args(args).environment())
    if args.max_in_flight:
        env["BUDGETQA_MAX_IN_FLIGHT"] = str(args.max_in_flight)
    port = free_port()
    log_path = workdir / f"serve-{workers}-{port}.log"
    started = time.perf_counter()
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "budgetqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
                                 "--workers", str(workers)], env=env, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    while log_path.read_text(errors="replace").count("Application startup complete") < workers:
        if proc.poll() is not None or time.perf_counter() - started > args.startup_timeout:
            stop_server(proc)
            raise SystemExit(f"server did not start:\n{log_path.read_text(errors='replace')[-3000:]}")
        time.sleep(0.25)
    return proc, f"http://127.0.0.1:{port}", time.perf_counter() - started, log_path


def probe(url: str, question: str, seconds: float, every: float) -> list[tuple[int, float]]:
    """One question every `every` seconds on one keep-alive connection for `seconds`: (status, seconds) each."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    body = json.dumps({"question": question}).encode()
    results, end, due = [], time.perf_counter() + seconds, time.perf_counter()
    while time.perf_counter() < end:
        asked = time.perf_counter()
        connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        results.append((response.status, time.perf_counter() - asked))
        due += every
        time.sleep(max(0.0, due - time.perf_counter()))
    connection.close()
    return results


def start_probe(url: str, question: str, seconds: float, every: float) -> subprocess.Popen:
    """`probe` in a process of its own, so its times do not wait for the clients' process."""
    return subprocess.Popen([sys.executable, "-m", "eval.bench.serve_bench", "--probe", url, question, str(seconds), str(every)],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])


def client_cpu_s() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


async def load(url: str, questions: list[str], clients: int, seconds: float, pid: int, close: bool = False,
               probe_every: float = 0.0) -> dict:
    """`clients` closed-loop clients for `seconds`; latencies by status, and the server's peak RSS meanwhile.
    With `close` every request goes on a new connection (as many separate visitors' do); with `probe_every`, a
    probe process asks the last question meanwhile (`probe`)."""
    results: list[tuple[int | str, float]] = []
    deadline = time.perf_counter() + seconds
    peak = 0.0

    async def client(n: int) -> None:
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        headers = {"Connection": "close"} if close else None
        async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits, headers=headers) as http:
            i = n * max(1, len(questions) // clients)
            while time.perf_counter() < deadline:
                asked = time.perf_counter()
                try:
                    question = questions[i % len(questions)]
                    status: int | str = (await http.post("/api/ask", json={"question": question})).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                results.append((status, time.perf_counter() - asked))
                i += 1

    async def sample() -> None:
        nonlocal peak
        while time.perf_counter() < deadline:
            peak = max(peak, tree_rss_mib(pid))
            await asyncio.sleep(SAMPLE_S)

    gc.collect()
    gc.freeze()  # a full collection of this process then walks only what the clients make, not every module's objects
    prober = start_probe(url, questions[-1], seconds, probe_every) if probe_every else None
    started, before, client_before = time.perf_counter(), cpu_s(pid), client_cpu_s()
    await asyncio.gather(sample(), *(client(n) for n in range(clients)))
    elapsed = time.perf_counter() - started
    client_cpu = client_cpu_s() - client_before
    used = {each: seconds - before.get(each, 0.0) for each, seconds in cpu_s(pid).items()}
    cpu = sum(used.values())
    probed = json.loads(prober.communicate(timeout=120)[0]) if prober else []
    probe_shed = [s for status, s in probed if status == 503]
    ok = [s for status, s in results if status == 200]
    shed = [s for status, s in results if status == 503]
    errors = [status for status, _ in results if status not in (200, 503)]
    errors += [status for status, _ in probed if status not in (200, 503)]
    return {"clients": clients, "seconds": elapsed, "answers": len(ok), "answers_per_s": len(ok) / elapsed,
            "p50_ms": p50(ok) * 1000, "p95_ms": percentile(ok, 95) * 1000, "shed": len(shed),
            "shed_p50_ms": p50(shed) * 1000, "shed_p95_ms": percentile(shed, 95) * 1000,
            "shed_max_ms": max(shed, default=float("nan")) * 1000, "probes": len(probed), "probe_shed": len(probe_shed),
            "probe_shed_p50_ms": p50(probe_shed) * 1000, "probe_shed_p95_ms": percentile(probe_shed, 95) * 1000,
            "probe_shed_max_ms": max(probe_shed, default=float("nan")) * 1000,
            "errors": len(errors), "error_kinds": sorted({str(e) for e in errors}), "peak_rss_mib": peak,
            "server_cores": cpu / elapsed, "answers_per_cpu_s": len(ok) / cpu if cpu else float("nan"),
            "client_cores": client_cpu / elapsed,
            "process_cores": sorted((round(s / elapsed, 2) for s in used.values() if s / elapsed >= 0.05), reverse=True)}


def run(args: argparse.Namespace, questions: list[str]) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="budgetqa-serve-bench-") as tmp:
        for round_ in range(1, args.rounds + 1):
            for workers in args.workers:
                proc, url, startup_s, log_path = start(args, workers, Path(tmp))
                idle = tree_rss_mib(proc.pid)
                try:
                    for clients in args.clients:
                        row = asyncio.run(load(url, questions, clients, args.seconds, proc.pid, args.close, args.probe_every))
                        row.update(round=round_, workers=workers, startup_s=startup_s, idle_rss_mib=idle,
                                   load=os.getloadavg()[0])
                        rows.append(row)
                        print(f"  round {round_}, {workers} worker(s), {clients} client(s): "
                              f"{row['answers_per_s']:.1f} answers/s, "
                              f"p50/p95 {row['p50_ms']:.0f}/{row['p95_ms']:.0f} ms, {row['shed']} shed, {row['errors']} errors, "
                              f"{row['server_cores']:.2f} cores, RSS peak {row['peak_rss_mib']:.0f} MiB", flush=True)
                finally:
                    stop_server(proc)
                    tracebacks = log_path.read_text(errors="replace").count("Traceback")
                    if tracebacks:
                        print(f"  {tracebacks} traceback(s) in the server log {log_path}", flush=True)
    return rows


def shed_times(r: dict, prefix: str) -> str:
    return f"{r[prefix + '_p50_ms']:.1f} / {r[prefix + '_p95_ms']:.1f} / {r[prefix + '_max_ms']:.1f}" if r.get(prefix) else "—"


def render(rows: list[dict]) -> str:
    return table(["round", "workers", "clients", "answers/s", "p50 ms", "p95 ms", "503s", "503 p50 / p95 / max ms",
                  "probe 503s", "probe 503 p50 / p95 / max ms", "errors", "server cores (per process)", "client cores",
                  "answers/CPU-s", "RSS idle / peak MiB", "start s", "load"],
                 [[r["round"], r["workers"], r["clients"], f"{r['answers_per_s']:.1f}", f"{r['p50_ms']:.0f}",
                   f"{r['p95_ms']:.0f}", r["shed"], shed_times(r, "shed"),
                   f"{r.get('probe_shed', 0)} of {r.get('probes', 0)}", shed_times(r, "probe_shed"),
                   r["errors"], f"{r['server_cores']:.2f} ({' + '.join(map(str, r['process_cores']))})",
                   f"{r.get('client_cores', float('nan')):.2f}", f"{r['answers_per_cpu_s']:.1f}",
                   f"{r['idle_rss_mib']:.0f} / {r['peak_rss_mib']:.0f}", f"{r['startup_s']:.1f}", f"{r['load']:.1f}"]
                  for r in rows])


def ratios(rows: list[dict], workers: list[int]) -> str:
    """Answers/s of the most workers over the fewest, per round and client count."""
    if len(workers) < 2:
        return ""
    few, many = min(workers), max(workers)
    at = {(r["round"], r["workers"], r["clients"]): r["answers_per_s"] for r in rows}
    out = [[rnd, c, ratio(at[(rnd, many, c)], at[(rnd, few, c)])] for rnd, w, c in at if w == few and (rnd, many, c) in at]
    return table(["round", "clients", f"answers/s {many} workers ÷ {few}"], out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--probe"]:  # the probe process (`start_probe`)
        url, question, seconds, every = argv[1:5]
        print(json.dumps(probe(url, question, float(seconds), float(every))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--questions", type=Path, required=True, help="JSON list of questions")
    parser.add_argument("--first", type=int, default=0, metavar="N", help="only the first N questions")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=20.0, help="per client count")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--max-in-flight", type=int, default=0, help="questions in flight per worker (0: the product's)")
    parser.add_argument("--close", action="store_true",
                        help="a new connection per request, not one keep-alive connection per client")
    parser.add_argument("--probe-every", type=float, default=0.0, metavar="S",
                        help="a probe process asks one question every S seconds meanwhile (0: no probe)")
    parser.add_argument("--startup-timeout", type=float, default=300.0)
    parser.add_argument("--json", type=Path, default=None)
    Servers.add_arguments(parser)
    args = parser.parse_args(argv)
    questions = json.loads(args.questions.read_text(encoding="utf-8"))
    questions = questions[: args.first] if args.first else questions
    rows = run(args, questions)
    print("\n" + render(rows) + "\n\n" + ratios(rows, args.workers), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
