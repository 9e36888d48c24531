"""How many tips per second Vigil accepts through the full stack, on SQLite and PostgreSQL.

Run from the project root:  .venv/bin/python benchmarks/intake.py [--seconds 10] [--clients N]

For each database it builds a fresh data directory, migrates, creates the demo
country, a hotline and a partner API key, starts gunicorn on a free loopback
port (one sync worker per core, no access log) and, for a fixed time each,
drives it with a pool of client threads:

  healthz  GET /healthz: the ceiling, what the stack does with no work at all
  form     GET /report/ (CSRF cookie and token) then POST a report: one tip
  api      POST /api/v1/tips with X-API-Key and a JSON report: one tip

Only successful responses count; errors are reported apart. Standard library
only. See benchmarks/README.md for what the numbers mean.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH_DB = "vigil_bench"
POSTGRES_URL = f"postgres://postgres@127.0.0.1:5432/{POSTGRES_BENCH_DB}"

SETUP = """
import django
django.setup()
from vigil.accounts.models import ApiKey, Organisation
from vigil.regions.models import Place
country = Place.objects.create(code="XV", name="Valdoria", kind="country", country_code="XV")
for code, name in [("XV-NO", "Northmarch"), ("XV-CE", "Centrava"), ("XV-SO", "Solvary")]:
    Place.objects.create(code=code, name=name, kind="subdivision", parent=country,
                         country_code="XV")
Organisation.objects.create(name="Bench Hotline", slug="bench-hotline", kind="hotline",
                            jurisdiction="XV")
partner = Organisation.objects.create(name="Bench Partner", slug="bench-partner",
                                      kind="international", jurisdiction="XV")
print(ApiKey.issue(partner, "benchmark")[1])
"""

# Synthetic reports only; phone numbers from Ofcom's London drama range.
NARRATIVES = [
    "Every morning a white van drops four young children at the big junction on the ring "
    "road. They beg between the cars all day and the same van collects them after dark.",
    "A girl from my daughter's class, about 14, has a much older boyfriend who picks her up "
    "from school. She has a new phone, stopped seeing friends and says she owes him money.",
    "Boys of about 12 work at sewing machines after midnight in the workshop behind the "
    "market. The door is padlocked from outside and they never go to school.",
    "My cousin, 16, was offered a job abroad through a social media page. The recruiter "
    "keeps her ID card and says she can pay back the travel from her wages.",
]
REGIONS = ["XV-NO", "XV-CE", "XV-SO", ""]
# Varied texts, as a hotline receives them: the labelled triage evaluation set.
# (Four narratives repeated would make every tip a near-copy of a quarter of all
# the others, the worst case for linking; --same-texts measures that case.)
EVAL_TEXTS = [
    json.loads(line)["text"][:2000]
    for path in sorted(
        (Path(__file__).parent.parent / "tests" / "data").glob("triage_eval_*.jsonl")
    )
    for line in path.read_text().splitlines()
    if line.strip()
]


TEXTS = list(EVAL_TEXTS or NARRATIVES)


def report(rng: random.Random) -> dict:
    return {
        "narrative": rng.choice(TEXTS),
        "country": "XV",
        "region": rng.choice(REGIONS),
        "town": rng.choice(["Kelbury", "Mirenfeld", "Sunmarrow", ""]),
        "children_count": str(rng.randint(1, 5)),
        "children_age": rng.choice(["6-11", "12-14", "15-17", ""]),
        "phone_numbers": f"020 7946 {rng.randrange(10000):04d}",
        "vehicles": rng.choice(["white van, XV 482 KL", "", "blue minibus"]),
    }


class RouteMissing(Exception):
    """An endpoint the benchmark needs does not answer as the contract says."""


@dataclass
class Result:
    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    missing: str = ""

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]


class Client:
    """One keep-alive-if-possible connection; gunicorn's sync workers close it each time."""

    def __init__(self, port: int):
        self.port = port
        self.connection = None
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (OSError, http.client.HTTPException) as exc:
                # A fresh connection next time: this one may be half-used.
                self.connection.close()
                self.connection = None
                stale = isinstance(
                    exc, (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
                )
                if attempt == 2 or not stale:
                    raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, data

    def close(self):
        if self.connection is not None:
            self.connection.close()


def healthz_once(client: Client, rng, api_key) -> tuple[bool, str]:
    status, _body = client.request("GET", "/healthz")
    return status == 200, f"HTTP {status}"


def form_once(client: Client, rng, api_key) -> tuple[bool, str]:
    client.cookies.clear()
    status, body = client.request("GET", "/report/")
    if status == 404:
        raise RouteMissing("GET /report/ answers 404: the report form is not there yet.")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or token is None:
        return False, f"GET /report/ HTTP {status}"
    fields = report(rng) | {"csrfmiddlewaretoken": token.group(1).decode()}
    status, body = client.request(
        "POST",
        "/report/",
        body=urllib.parse.urlencode(fields),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    if status == 200 and b'class="receipt' in body:
        return True, ""
    return False, f"POST /report/ HTTP {status}" + (" (no receipt)" if status == 200 else "")


def api_once(client: Client, rng, api_key) -> tuple[bool, str]:
    payload = {k: v for k, v in report(rng).items() if v}
    payload["children_count"] = int(payload["children_count"])
    payload["language"] = "en"
    status, body = client.request(
        "POST",
        "/api/v1/tips",
        body=json.dumps(payload),
        headers={"Content-Type": "application/json", "X-API-Key": api_key},
    )
    if status == 404:
        raise RouteMissing("POST /api/v1/tips answers 404: the tip API is not there yet.")
    if status == 201 and b"receipt_code" in body:
        return True, ""
    return False, f"HTTP {status}"


def measure(name, once, port, api_key, seconds, clients) -> Result:
    # One request first: a missing route is reported clearly instead of as errors.
    probe = Client(port)
    try:
        ok, error = once(probe, random.Random(0), api_key)
    except RouteMissing as missing:
        return Result(name, seconds, missing=str(missing))
    finally:
        probe.close()
    if not ok:
        print(f"  warning: first {name} request failed ({error})", file=sys.stderr)

    result = Result(name, seconds)
    lock = threading.Lock()
    start = threading.Event()
    deadline = [0.0]

    def run(index):
        client = Client(port)
        rng = random.Random(index)
        latencies, errors = [], {}
        start.wait()
        while time.monotonic() < deadline[0]:
            began = time.monotonic()
            try:
                ok, error = once(client, rng, api_key)
            except (OSError, http.client.HTTPException, RouteMissing) as exc:
                ok, error = False, type(exc).__name__
            if ok:
                latencies.append(time.monotonic() - began)
            else:
                errors[error] = errors.get(error, 0) + 1
        client.close()
        with lock:
            result.latencies.extend(latencies)
            for error, count in errors.items():
                result.errors[error] = result.errors.get(error, 0) + count

    threads = [threading.Thread(target=run, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    began = time.monotonic()
    deadline[0] = began + seconds
    start.set()
    for thread in threads:
        thread.join()
    # Requests that started before the deadline finish after it: count the real time.
    result.seconds = time.monotonic() - began
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(data_dir: Path, database_url: str | None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("VIGIL_") and k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "vigil.settings",
        "VIGIL_DATA_DIR": str(data_dir),
        "VIGIL_HTTPS": "0",
        "VIGIL_RATE_LIMIT": "1000000000",
        "VIGIL_LOG_LEVEL": "WARNING",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def recreate_postgres() -> str | None:
    """Drop and create the benchmark database; a reason string when PostgreSQL is absent."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {POSTGRES_BENCH_DB}")
    except psycopg.Error as exc:
        return f"cannot reach PostgreSQL at 127.0.0.1:5432 ({exc.__class__.__name__}: {exc})"
    return None


def drop_postgres() -> None:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB} WITH (FORCE)")


def prepare(env: dict) -> str:
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [BIN / "vigil", *command, "--verbosity", "0"],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    setup = subprocess.run(
        [sys.executable, "-c", SETUP], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return setup.stdout.strip().splitlines()[-1]


def start_gunicorn(env: dict, port: int, workers: int, log_path: Path) -> subprocess.Popen:
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                BIN / "gunicorn",
                "vigil.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                "1",
                "--no-control-socket",
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    client = Client(port)
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
            try:
                if client.request("GET", "/healthz")[0] == 200:
                    return process
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz within 60 s; see {log_path}")
    except BaseException:
        # Never leave a server behind, whatever went wrong while waiting for it.
        stop(process)
        raise
    finally:
        client.close()


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def bench_database(name, database_url, args) -> list[Result] | str:
    if database_url:
        reason = recreate_postgres()
        if reason:
            return reason
    data_dir = Path(tempfile.mkdtemp(prefix=f"vigil-bench-{name}-"))
    try:
        env = base_env(data_dir, database_url)
        print(f"[{name}] migrating a fresh database in {data_dir}…", file=sys.stderr)
        api_key = prepare(env)
        port = free_port()
        process = start_gunicorn(env, port, args.workers, data_dir / "gunicorn.log")
        try:
            results = []
            for route, once in (("healthz", healthz_once), ("form", form_once), ("api", api_once)):
                print(
                    f"[{name}] {route}: {args.clients} clients for {args.seconds:g} s…",
                    file=sys.stderr,
                )
                results.append(measure(route, once, port, api_key, args.seconds, args.clients))
        finally:
            stop(process)
        return results
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
        if database_url:
            drop_postgres()


def print_table(all_results: dict, args) -> None:
    print()
    print(
        f"Vigil intake: gunicorn {args.workers} sync workers, {args.clients} client threads, "
        f"{args.seconds:g} s per route, loopback"
    )
    header = f"{'database':<10} {'route':<8} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
    header += f"{'÷ healthz':>10}  errors"
    print(header)
    print("-" * len(header))
    for database, results in all_results.items():
        if isinstance(results, str):
            print(f"{database:<10} skipped: {results}")
            continue
        ceiling = results[0].rate
        for result in results:
            if result.missing:
                print(f"{database:<10} {result.name:<8} not measured: {result.missing}")
                continue
            ratio = "" if result.name == "healthz" else f"{result.rate / ceiling:.3f}"
            errors = ", ".join(f"{e} ×{n}" for e, n in result.errors.items()) or "-"
            print(
                f"{database:<10} {result.name:<8} {result.rate:>8.1f} "
                f"{result.percentile(50) * 1000:>8.1f} {result.percentile(95) * 1000:>8.1f} "
                f"{ratio:>10}  {errors}"
            )
    print()
    print("form and api: tips accepted per second (form = GET /report/ + POST; latency is both).")
    print("÷ healthz: tips/s divided by /healthz requests/s in the same run.")


def main() -> None:
    cores = os.cpu_count() or 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per route (default 10)")
    parser.add_argument(
        "--same-texts",
        action="store_true",
        help="four narratives over and over: every tip a near-copy of many (linking's worst case)",
    )
    parser.add_argument("--clients", type=int, default=2 * cores, help="client threads")
    parser.add_argument("--workers", type=int, default=cores, help="gunicorn workers")
    parser.add_argument(
        "--databases",
        default="sqlite,postgresql",
        help="comma-separated: sqlite, postgresql (default both)",
    )
    args = parser.parse_args()
    if args.same_texts:
        TEXTS[:] = NARRATIVES

    urls = {"sqlite": None, "postgresql": POSTGRES_URL}
    all_results = {}
    for database in [d.strip() for d in args.databases.split(",") if d.strip()]:
        if database not in urls:
            parser.error(f"unknown database {database!r}")
        all_results[database] = bench_database(database, urls[database], args)
    print_table(all_results, args)


if __name__ == "__main__":
    main()
