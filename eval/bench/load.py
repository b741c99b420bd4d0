"""Load benchmark: starts `budgetqa serve` on 127.0.0.1, sends a bounded mixed load, then a noisy-neighbour phase.

    python eval/bench/load.py --data-dir data                      # 2000 requests at concurrency 50
    python eval/bench/load.py --data-dir /tmp/bench --ingest samples/ --requests 200 --concurrency 20

Phase 1 (mixed): fact questions and text (retrieval) questions to POST /api/ask, and SSE requests to
GET /api/ask/stream when the app has that route; prints throughput, p50/p95/p99 latency and errors per kind.
Every concurrent worker is its own client with its own loopback source address (127.0.1.x), as distinct
visitors are, so the per-client rate limit only bites when one worker alone exceeds it.

Phase 2 (noisy neighbour): one client at 127.0.0.2 fires well over the rate limit (also sending random
X-Forwarded-For headers, which must NOT buy it fresh buckets) while polite clients at 127.0.2.x ask at a
normal pace: the noisy one must get 429s, the polite ones none. Binding a source address is done with
httpx.AsyncHTTPTransport(local_address=...); Linux routes all of 127.0.0.0/8 to the loopback interface.

Everything stays on loopback, every phase is bounded by request counts and a global deadline, and the
server (a subprocess started here) is always stopped at the end. Exit code 0 when all checks held.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx

FACT_QUESTIONS = ["公务接待费是多少", "“三公”经费预算是多少", "固定资产总额是多少", "公务用车运行维护费是多少", "政府采购预算是多少"]
TEXT_QUESTIONS = ["预算公开的依据是什么", "按照哪些规定公开预算", "部门主要职责是什么", "绩效目标是怎么设定的", "机构设置情况"]
NOISY_ADDRESS = "127.0.0.2"


@dataclass
class Result:
    kind: str
    latency: float
    status: int | None
    error: str | None = None
    first_byte: float | None = None
    route: str | None = None


@dataclass
class Stats:
    results: list[Result] = field(default_factory=list)

    def add(self, result: Result) -> None:
        self.results.append(result)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[rank]


def server_env(args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUDGETQA_")}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", PYTHONUNBUFFERED="1",
               BUDGETQA_DATA_DIR=str(args.data_dir.resolve()), BUDGETQA_RATE_LIMIT_PER_MINUTE=str(args.rate_limit))
    return env


def ingest(args: argparse.Namespace, workdir: Path) -> None:
    cmd = [sys.executable, "-m", "budgetqa.cli", "ingest", "--quiet", *map(str, args.ingest)]
    print(f"ingesting {' '.join(map(str, args.ingest))} into {args.data_dir} …", flush=True)
    done = subprocess.run(cmd, env=server_env(args), cwd=workdir, capture_output=True, text=True, timeout=args.max_seconds)
    print("  " + (done.stdout.strip() or done.stderr.strip()[-500:]), flush=True)
    if done.returncode not in (0, 2):  # 2: some file failed, the rest is in
        raise SystemExit(f"ingest failed with exit code {done.returncode}")


def start_server(args: argparse.Namespace, workdir: Path, port: int) -> tuple[subprocess.Popen, Path]:
    log_path = workdir / "serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "budgetqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=server_env(args), cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + args.startup_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return proc, log_path
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    stop_server(proc)
    raise SystemExit(f"server not ready after {args.startup_timeout} s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def client_for(base_url: str, address: str, timeout: float) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=httpx.AsyncHTTPTransport(local_address=address),
                             limits=httpx.Limits(max_connections=4, max_keepalive_connections=4))


async def ask(client: httpx.AsyncClient, kind: str, question: str, headers: dict[str, str] | None = None) -> Result:
    started = time.perf_counter()
    try:
        response = await client.post("/api/ask", json={"question": question}, headers=headers)
        latency = time.perf_counter() - started
        route = response.json().get("route") if response.status_code == 200 else None
        error = None if response.status_code == 200 else f"HTTP {response.status_code}"
        return Result(kind, latency, response.status_code, error, route=route)
    except (httpx.HTTPError, json.JSONDecodeError) as exc:
        return Result(kind, time.perf_counter() - started, None, type(exc).__name__)


async def ask_stream(client: httpx.AsyncClient, question: str) -> Result:
    started = time.perf_counter()
    first_byte, events, route = None, [], None
    try:
        async with client.stream("GET", "/api/ask/stream", params={"question": question}) as response:
            if response.status_code != 200:
                await response.aread()
                return Result("stream", time.perf_counter() - started, response.status_code, f"HTTP {response.status_code}")
            name = None
            async for line in response.aiter_lines():
                if first_byte is None:
                    first_byte = time.perf_counter() - started
                if line.startswith("event:"):
                    name = line.split(":", 1)[1].strip()
                    events.append(name)
                elif line.startswith("data:") and name == "answer":
                    route = json.loads(line.split(":", 1)[1]).get("route")
                if name == "done":
                    break
        latency = time.perf_counter() - started
        error = None if "answer" in events and "done" in events else f"events {events[-3:]}"
        return Result("stream", latency, 200, error, first_byte, route)
    except (httpx.HTTPError, json.JSONDecodeError) as exc:
        return Result("stream", time.perf_counter() - started, None, type(exc).__name__, first_byte)


async def baseline_phase(args: argparse.Namespace, base_url: str, has_stream: bool) -> None:
    """A few sequential requests per kind from one otherwise idle client: latency without contention."""
    if args.baseline <= 0:
        return
    out = []
    async with client_for(base_url, "127.0.3.1", args.timeout) as client:
        for kind, questions in (("fact", FACT_QUESTIONS), ("text", TEXT_QUESTIONS), ("stream", FACT_QUESTIONS)):
            if kind == "stream" and not has_stream:
                continue
            results = [await (ask_stream(client, q) if kind == "stream" else ask(client, kind, q)) for q in questions[: args.baseline]]
            ok = [r.latency * 1000 for r in results if r.error is None]
            out.append(f"{kind} p50 {percentile(ok, 50):.0f} ms (max {max(ok, default=float('nan')):.0f})")
    print("phase 0 — one client, sequential: " + "; ".join(out))


async def mixed_phase(args: argparse.Namespace, base_url: str, has_stream: bool) -> tuple[Stats, float]:
    kinds = ["fact", "text", "stream"] if has_stream else ["fact", "text"]
    rng = random.Random(args.seed)
    plan = [(kinds[i % len(kinds)], rng.random()) for i in range(args.requests)]
    rng.shuffle(plan)
    queue: asyncio.Queue = asyncio.Queue()
    for item in plan:
        queue.put_nowait(item)
    stats = Stats()

    async def worker(n: int) -> None:
        address = f"127.0.{1 + n // 250}.{1 + n % 250}"
        async with client_for(base_url, address, args.timeout) as client:
            while True:
                try:
                    kind, r = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                if kind == "fact":
                    stats.add(await ask(client, "fact", FACT_QUESTIONS[int(r * len(FACT_QUESTIONS))]))
                elif kind == "text":
                    stats.add(await ask(client, "text", TEXT_QUESTIONS[int(r * len(TEXT_QUESTIONS))]))
                else:
                    stats.add(await ask_stream(client, (FACT_QUESTIONS + TEXT_QUESTIONS)[int(r * 10)]))

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(args.concurrency)))
    return stats, time.perf_counter() - started


async def noisy_phase(args: argparse.Namespace, base_url: str) -> tuple[Counter, dict[str, Counter], float]:
    noisy_total = args.noisy_requests or 3 * args.rate_limit
    noisy: Counter = Counter()
    polite: dict[str, Counter] = defaultdict(Counter)
    rng = random.Random(args.seed + 1)

    async def noisy_client() -> None:
        async with client_for(base_url, NOISY_ADDRESS, args.timeout) as client:
            sem = asyncio.Semaphore(10)

            async def one(i: int) -> None:
                async with sem:
                    spoof = {"X-Forwarded-For": f"10.{rng.randrange(256)}.{rng.randrange(256)}.{i % 250 + 1}"}
                    result = await ask(client, "noisy", FACT_QUESTIONS[i % len(FACT_QUESTIONS)], spoof)
                    noisy[result.status or result.error] += 1

            await asyncio.gather(*(one(i) for i in range(noisy_total)))

    async def polite_client(n: int) -> None:
        address = f"127.0.2.{n + 1}"
        async with client_for(base_url, address, args.timeout) as client:
            for i in range(args.polite_requests):
                result = await ask(client, "polite", FACT_QUESTIONS[(n + i) % len(FACT_QUESTIONS)])
                polite[address][result.status or result.error] += 1
                await asyncio.sleep(args.polite_pause)

    started = time.perf_counter()
    await asyncio.gather(noisy_client(), *(polite_client(n) for n in range(args.polite_clients)))
    return noisy, polite, time.perf_counter() - started


def report_mixed(stats: Stats, elapsed: float) -> bool:
    print(f"\nphase 1 — mixed load: {len(stats.results)} requests in {elapsed:.1f} s = {len(stats.results) / elapsed:.1f} req/s")
    print(f"  {'kind':<8}{'n':>6}{'ok':>6}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}  errors / notes")
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for r in stats.results:
        by_kind[r.kind].append(r)
    clean = True
    for kind in ("fact", "text", "stream"):
        results = by_kind.get(kind)
        if not results:
            continue
        ok = [r.latency * 1000 for r in results if r.error is None]
        errors = Counter(r.error for r in results if r.error)
        routes = Counter(r.route for r in results if r.route)
        note = ", ".join(f"{k}×{v}" for k, v in errors.items()) or "none"
        note += f"; routes {dict(routes)}"
        if kind == "stream":
            ttfb = [r.first_byte * 1000 for r in results if r.first_byte is not None]
            note += f"; first event p50 {percentile(ttfb, 50):.0f} ms"
        print(f"  {kind:<8}{len(results):>6}{len(ok):>6}{len(results) / elapsed:>8.1f}{percentile(ok, 50):>9.0f}"
              f"{percentile(ok, 95):>9.0f}{percentile(ok, 99):>9.0f}{max(ok, default=float('nan')):>9.0f}  {note}")
        clean &= not errors
    return clean


def report_noisy(noisy: Counter, polite: dict[str, Counter], elapsed: float, rate_limit: int) -> bool:
    print(f"\nphase 2 — noisy neighbour ({elapsed:.1f} s, limit {rate_limit}/min per client):")
    print(f"  noisy  {NOISY_ADDRESS} (random X-Forwarded-For): {dict(noisy)}")
    polite_total: Counter = Counter()
    for counts in polite.values():
        polite_total.update(counts)
    print(f"  polite {len(polite)} clients at 127.0.2.x: {dict(polite_total)}")
    # a bucket holds `rate_limit` tokens and refills rate_limit/60 per second while the phase runs
    allowed = rate_limit + elapsed * rate_limit / 60 + 2
    throttled = noisy.get(429, 0) > 0 and noisy.get(200, 0) <= allowed
    print(f"  noisy client could at most get {allowed:.0f} answers in {elapsed:.1f} s; got {noisy.get(200, 0)}")
    spared = polite_total.get(429, 0) == 0 and set(polite_total) == {200}
    print(f"  noisy throttled: {'yes' if throttled else 'NO'}; polite clients untouched: {'yes' if spared else 'NO'}")
    return throttled and spared


async def run(args: argparse.Namespace, base_url: str) -> bool:
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as probe:
        health = (await probe.get("/healthz")).json()
        paths = (await probe.get("/openapi.json")).json().get("paths", {})
    has_stream = "/api/ask/stream" in paths
    print(f"server {base_url}: {health.get('documents')} document(s); SSE route {'present' if has_stream else 'absent'}")
    if not health.get("documents"):
        raise SystemExit("the data dir holds no documents; give --ingest PATH")
    per_client = args.requests / args.concurrency
    if per_client > args.rate_limit:
        print(f"note: {per_client:.0f} requests per worker exceed the {args.rate_limit}/min limit; expect 429s in phase 1")
    await baseline_phase(args, base_url, has_stream)
    stats, elapsed = await mixed_phase(args, base_url, has_stream)
    ok_mixed = report_mixed(stats, elapsed)
    await asyncio.sleep(1)
    noisy, polite, noisy_elapsed = await noisy_phase(args, base_url)
    ok_noisy = report_noisy(noisy, polite, noisy_elapsed, args.rate_limit)
    return ok_mixed and ok_noisy


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, required=True, help="data dir the server reads (BUDGETQA_DATA_DIR)")
    parser.add_argument("--ingest", type=Path, nargs="*", default=[], help="files/folders to ingest into it first")
    parser.add_argument("--requests", type=int, default=2000, help="phase 1 requests (default 2000)")
    parser.add_argument("--concurrency", type=int, default=50, help="phase 1 concurrent clients (default 50, max 500)")
    parser.add_argument("--rate-limit", type=int, default=60, help="server's per-client limit per minute (default 60)")
    parser.add_argument("--noisy-requests", type=int, default=0, help="phase 2 noisy requests (default 3 × rate limit)")
    parser.add_argument("--polite-clients", type=int, default=5)
    parser.add_argument("--polite-requests", type=int, default=5, help="requests per polite client")
    parser.add_argument("--polite-pause", type=float, default=0.5, help="seconds between a polite client's requests")
    parser.add_argument("--timeout", type=float, default=60, help="per-request timeout, seconds")
    parser.add_argument("--startup-timeout", type=float, default=180)
    parser.add_argument("--max-seconds", type=float, default=1800, help="hard deadline for the whole benchmark")
    parser.add_argument("--baseline", type=int, default=5, help="sequential requests per kind before the load (0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if not 1 <= args.concurrency <= 500 or args.requests < 1:
        parser.error("need 1 <= --concurrency <= 500 and --requests >= 1")
    with tempfile.TemporaryDirectory(prefix="budgetqa-load-") as tmp:
        workdir = Path(tmp)  # the server's cwd: no stray .env is read
        if args.ingest:
            ingest(args, workdir)
        port = free_port()
        started = time.monotonic()
        proc, log_path = start_server(args, workdir, port)
        print(f"server ready in {time.monotonic() - started:.1f} s (pid {proc.pid}, port {port})", flush=True)
        try:
            ok = asyncio.run(asyncio.wait_for(run(args, f"http://127.0.0.1:{port}"), timeout=args.max_seconds))
        except TimeoutError:
            print(f"benchmark stopped at the {args.max_seconds:.0f} s deadline")
            ok = False
        finally:
            stop_server(proc)
            log = log_path.read_text(errors="replace")
            tracebacks = log.count("Traceback")
            print(f"\nserver stopped (exit {proc.returncode}); {tracebacks} traceback(s) in its log")
            if tracebacks:
                print(log[log.find("Traceback"):][:2000])
    print("result:", "OK" if ok and not tracebacks else "PROBLEMS (see above)")
    return 0 if ok and not tracebacks else 1


if __name__ == "__main__":
    raise SystemExit(main())
