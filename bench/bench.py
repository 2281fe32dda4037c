#!/usr/bin/env python3
"""The basutbud benchmark: one run, every figure next to its baseline. See bench/README.md.

Starts the packaged service against a fresh database on the machine's PostgreSQL, loads a generated
dataset, measures, prints a table and writes the figures as JSON under bench/results/. Standard library
only; wrk, psql, openssl and java do the work.
"""
import argparse
import base64
import http.client
import json
import re
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import date, datetime, timedelta, timezone

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PORT = 18080
ISSUER = "https://bench.basutbud.local"
AUDIENCE = "basutbud"
WRK_CONNECTIONS = 64
WRK_THREADS = 2
WRK_SECONDS = 20
WARMUP_SECONDS = 5
REPEATS = 5
# The JVM as deploy/Dockerfile runs it: the heap it gets (a third of 768Mi) and the options run-java.sh of
# the image adds, with the GC settings the Dockerfile gives it (GC_TIME_RATIO, GC_*_HEAP_FREE_RATIO): the
# image's own (4, 10, 20) keep the heap so small that with every card held a full collection ran every
# second (RESULTS-notes.md), so that RSS and pauses are measured as they will be there.
JVM_OPTIONS = ["-Xmx256m", "-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=40", "-XX:MaxHeapFreeRatio=70",
               "-XX:GCTimeRatio=99", "-XX:AdaptiveSizePolicyWeight=90",
               "-XX:+ExitOnOutOfMemoryError", "-XX:-UseCodeCacheFlushing",
               "-XX:TypeProfileLevel=0"] + os.environ.get("BENCH_JVM_EXTRA", "").split()

# Each target: figure key, comparison, limit (absolute or as a ratio of a baseline), text.
TARGETS = [
    ("card_200.ratio", ">=", 0.5, "contact card throughput >= 0.5 x trivial"),
    ("card_304.ratio", ">=", 0.8, "304 revalidation >= 0.8 x trivial"),
    ("card_200.p99_ms", "<=", 25, "contact card p99 <= 25 ms"),
    ("card_304.p99_ms", "<=", 25, "304 revalidation p99 <= 25 ms"),
    ("unit_compliance.ratio", ">=", 0.3, "one unit's compliance >= 0.3 x trivial"),
    ("report_json.ratio", "<=", 2.0, "report JSON <= 2 x hand-written SQL"),
    ("report_json.median_s", "<=", 1.5, "report JSON < 1.5 s"),
    ("report_csv.ratio", "<=", 2.0, "report CSV <= 2 x hand-written SQL"),
    ("report_csv.median_s", "<=", 1.5, "report CSV < 1.5 s"),
    ("trend_36_months.median_s", "<=", 3.0, "36-month trend <= 3 s"),
    ("feed_full_sync.seconds", "<=", 10.0, "full feed sync <= 10 s"),
    ("card_after_bulk_load.p99_ms", "<=", 50, "card p99 right after a bulk load <= 50 ms"),
    ("card_day_change.p99_ms", "<=", 50, "card p99 across a day change <= 50 ms"),
    ("startup.ready_s", "<=", 3.0, "startup to ready <= 3 s"),
    ("peak_rss_mb", "<=", 512, "peak RSS <= 512 MB"),
    ("report_xlsx.ratio_to_json", "<=", 2.0, "report XLSX <= 2 x JSON"),
    ("coverage_municipality.ratio_to_report", "<=", 1.0, "coverage by municipality <= the report's time"),
    ("imports.units_new_s", "<=", 30, "import of 50,000 new units <= 30 s"),
    ("imports.units_unchanged_s", "<=", 15, "the same file again <= 15 s"),
    ("imports.units_dry_run_s", "<=", 15, "a dry run of it <= 15 s"),
    ("imports.offerings_new_s", "<=", 30, "import of 100,000 offerings <= 30 s"),
    ("imports.peak_rss_mb", "<=", 512, "peak RSS during imports <= 512 MB"),
    ("goal_service_coverage.ratio_to_trend", "<=", 1.0, "a coverage goal's progress (36 months) <= the trend's time"),
    ("goal_compliant_share.ratio_to_trend", "<=", 1.0, "a compliance goal's progress (36 months) <= the trend's time"),
    ("diff.ratio_to_report", "<=", 2.0, "a draft's diff with its impact <= 2 x the report's time"),
    ("app.overview.usable_median_s", "<=", 2.0, "the app's overview usable <= 2 s of navigation"),
    ("app.heatmap.usable_median_s", "<=", 1.0, "the app's heatmap of ~1,000 units usable <= 1 s"),
]


def log(message):
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def run(command, **kwargs):
    return subprocess.run(command, check=True, **kwargs)


def psql(database, sql, capture=True):
    result = run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt",
                  "-c", sql], capture_output=capture, text=True)
    return result.stdout if capture else None


# --- Preconditions ----------------------------------------------------------------------------------------

def ensure_tools():
    missing = [tool for tool in ("wrk", "chromium", "psql", "openssl", "java") if not shutil_which(tool)]
    installable = [tool for tool in ("wrk", "chromium") if tool in missing]
    if installable and os.geteuid() == 0:
        log(f"installing {', '.join(installable)} from Debian's packages")
        run(["apt-get", "update", "-qq"], stdout=subprocess.DEVNULL)
        run(["apt-get", "install", "-y", "-qq", *installable], stdout=subprocess.DEVNULL,
            env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))
        missing = [tool for tool in missing if tool not in installable]
    if missing:
        sys.exit(f"missing tools: {', '.join(missing)} (see bench/README.md)")
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode != 0:
        version = sorted(os.listdir("/etc/postgresql"))[0]
        log(f"starting PostgreSQL {version}")
        run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"])
        for _ in range(30):
            if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0:
                break
            time.sleep(1)


def shutil_which(tool):
    import shutil
    return shutil.which(tool)


def build(skip):
    jar = os.path.join(ROOT, "target", "quarkus-app", "quarkus-run.jar")
    if skip and os.path.exists(jar):
        return jar
    log("packaging the service (./mvnw package -DskipTests, with its class data archive)")
    run([os.path.join(ROOT, "mvnw"), "-B", "-q", "-ntp", "package", "-DskipTests", "-Dexec.skip=true",
         "-Dquarkus.package.jar.appcds.enabled=true"], cwd=ROOT)
    return jar


# --- Tokens: a key pair of the run's own, trusted by the service as its identity provider -----------------

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_keys(workdir):
    private_key = os.path.join(workdir, "private.pem")
    public_key = os.path.join(workdir, "public.pem")
    run(["openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", private_key],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run(["openssl", "pkey", "-in", private_key, "-pubout", "-out", public_key])
    return private_key, public_key


def make_token(private_key, role="reader"):
    now = int(time.time())
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64url(json.dumps({"iss": ISSUER, "aud": AUDIENCE, "sub": f"bench-{role}", "groups": [role], "iat": now,
                                "exp": now + 3600, "jti": f"bench-{role}-{now}"}).encode())
    signing_input = f"{header}.{claims}".encode()
    signature = run(["openssl", "dgst", "-sha256", "-sign", private_key], input=signing_input,
                    capture_output=True).stdout
    return f"{header}.{claims}.{b64url(signature)}"


# --- The service as a process -----------------------------------------------------------------------------

class Service:
    def __init__(self, jar, database, public_key, logfile):
        self.jar, self.database, self.public_key, self.logfile = jar, database, public_key, logfile
        self.process = None
        self.peak_rss_kb = 0
        self._sampler = None

    def start(self, zone=None):
        env = dict(os.environ, **({"BASUTBUD_ZONE": zone} if zone else {}),
                   QUARKUS_HTTP_PORT=str(PORT),
                   QUARKUS_DATASOURCE_JDBC_URL=f"jdbc:postgresql://127.0.0.1:5432/{self.database}",
                   QUARKUS_DATASOURCE_USERNAME="postgres", QUARKUS_DATASOURCE_PASSWORD="postgres",
                   MP_JWT_VERIFY_ISSUER=ISSUER, MP_JWT_VERIFY_PUBLICKEY_LOCATION=self.public_key,
                   MP_JWT_VERIFY_AUDIENCES=AUDIENCE,
                   MALLOC_ARENA_MAX="2")
        started = time.monotonic()
        # From its own directory, as the image runs it: the class data archive (app-cds.jsa, built by the
        # package step) names the jar by that path.
        app = os.path.dirname(self.jar)
        archive = ["-XX:SharedArchiveFile=app-cds.jsa"] if os.path.exists(os.path.join(app, "app-cds.jsa")) else []
        self.process = subprocess.Popen(["java", *JVM_OPTIONS, *archive, "-jar", os.path.basename(self.jar)], cwd=app,
                                        env=env, stdout=open(self.logfile, "a"),
                                        stderr=subprocess.STDOUT, start_new_session=True)
        self._sampler = threading.Thread(target=self._sample_rss, daemon=True)
        self._sampler.start()
        deadline = started + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"the service exited with {self.process.returncode}; see {self.logfile}")
            try:
                status, _, _ = request("GET", "/q/health/ready")
                if status == 200:
                    return time.monotonic() - started
            except OSError:
                pass
            time.sleep(0.02)
        sys.exit(f"the service was not ready within 120 s; see {self.logfile}")

    def _sample_rss(self):
        process = self.process
        while process.poll() is None:
            try:
                with open(f"/proc/{process.pid}/status") as status:
                    for line in status:
                        if line.startswith("VmRSS:"):
                            self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))
            except OSError:
                return
            time.sleep(0.1)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def request(method, path, headers=None, timeout=120, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


# --- Measurements -----------------------------------------------------------------------------------------

def wrk(script, env, seconds=WRK_SECONDS):
    """One wrk run through a Lua script that counts statuses and prints a JSON summary."""
    result = run(["wrk", f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s",
                  os.path.join(BENCH, "wrk", script), f"http://127.0.0.1:{PORT}"],
                 capture_output=True, text=True, env=dict(os.environ, THREADS=str(WRK_THREADS), **env),
                 cwd=os.path.join(BENCH, "wrk"))
    summary = json.loads(next(line for line in result.stdout.splitlines() if line.startswith("{")))
    return {
        "requests_per_s": round(summary["requests"] / (summary["duration_us"] / 1e6), 1),
        "p50_ms": round(summary["p50_us"] / 1000, 2),
        "p99_ms": round(summary["p99_us"] / 1000, 2),
        "requests": summary["requests"],
        "statuses": summary["statuses"],
        "non_2xx": summary["requests"] - sum(v for k, v in summary["statuses"].items() if k.startswith("2"))
                   - (summary["statuses"].get("304", 0) if env.get("EXPECT") == "304" else 0),
        "socket_errors": summary["errors"],
    }


def seconds_until_cards_stored():
    """How long a feed read waits: it answers once the day's cards are stored."""
    started = time.monotonic()
    status, _, body = request("GET", "/api/v1/contact-cards?size=1", timeout=600)
    if status != 200:
        sys.exit(f"the feed answered {status}: {body[:300]!r}")
    return round(time.monotonic() - started, 3)


def bulk_load(database, lua_env):
    """Card reads for 15 s right after a bulk load ended as the README says, and when all cards were stored."""
    psql(database, "update contact_card set valid_until = date '1970-01-01'; delete from contact_card_next; "
                   "update contact_card_refresh set refreshed_for = null; "
                   "select pg_notify('basutbud_changes', '*')")
    figure = wrk("card.lua", lua_env, 15)
    figure["cards_stored_after_window_s"] = seconds_until_cards_stored()
    return figure


def timed(method, path, headers=None, repeats=REPEATS, expect=200):
    """Time to last byte of whole answers, median of repeats; returns seconds and the last body."""
    times, body = [], b""
    for _ in range(repeats):
        started = time.monotonic()
        status, _, body = request(method, path, headers)
        times.append(time.monotonic() - started)
        if status != expect:
            sys.exit(f"{path} answered {status}: {body[:500]!r}")
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "bytes": len(body)}, body


def timed_psql(database, sql_file, repeats=REPEATS):
    times, rows = [], 0
    for _ in range(repeats):
        started = time.monotonic()
        out = run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt",
                   "-f", sql_file], capture_output=True, text=True).stdout
        times.append(time.monotonic() - started)
        rows = len(out.splitlines())
    return {"median_s": round(statistics.median(times), 3), "min_s": round(min(times), 3),
            "max_s": round(max(times), 3), "rows": rows}


def feed_sync():
    started = time.monotonic()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    cards, pages, after = 0, 0, None
    try:
        while True:
            path = "/api/v1/contact-cards?size=500" + (f"&after={urllib.parse.quote(after)}" if after else "")
            connection.request("GET", path)
            response = connection.getresponse()
            body = json.loads(response.read())
            if response.status != 200:
                sys.exit(f"the feed answered {response.status}: {body}")
            cards += len(body["items"])
            pages += 1
            after = body["cursor"]
            if not body["hasMore"]:
                break
    finally:
        connection.close()
    return {"seconds": round(time.monotonic() - started, 3), "cards": cards, "pages": pages}


# --- The run ----------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description="basutbud benchmark")
    parser.add_argument("size", nargs="?", default="L", choices=["XS", "S", "M", "L"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-build", action="store_true", help="use target/quarkus-app as it is")
    parser.add_argument("--seconds", type=int, default=WRK_SECONDS, help="length of each wrk run")
    args = parser.parse_args()
    run_started = time.monotonic()

    ensure_tools()
    jar = build(args.no_build)
    database = "basutbud_bench"
    workdir = tempfile.mkdtemp(prefix="basutbud-bench-")
    logfile = os.path.join(workdir, "service.log")
    private_key, public_key = make_keys(workdir)
    token = make_token(private_key)
    admin = {"Authorization": f"Bearer {make_token(private_key, 'basutbud-admin')}",
             "Content-Type": "application/json"}
    auth = {"Authorization": f"Bearer {token}"}
    year = date.today().year
    results = {"size": args.size, "seed": args.seed, "year": year, "machine": machine(), "figures": {}}
    figures = results["figures"]

    log(f"fresh database {database}")
    psql("postgres", f"drop database if exists {database}")
    psql("postgres", f"create database {database}")

    service = Service(jar, database, public_key, logfile)
    try:
        log("first start: the service migrates the empty database")
        figures["startup_empty_db_s"] = round(service.start(), 3)
        service.stop()

        log(f"loading dataset {args.size} (seed {args.seed}, year {year})")
        started = time.monotonic()
        generator = subprocess.Popen(["java", os.path.join(BENCH, "src", "se", "basutbud", "bench",
                                                           "DatasetGenerator.java"),
                                      "--size", args.size, "--seed", str(args.seed), "--year", str(year)],
                                     stdout=subprocess.PIPE)
        run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q"],
            stdin=generator.stdout, stdout=subprocess.DEVNULL)
        if generator.wait() != 0:
            sys.exit("the dataset generator failed")
        counts = psql(database, "select (select count(*) from care_unit), (select count(*) from offering), "
                                "(select count(*) from exemption), (select count(*) from e_service), "
                                "(select count(*) from baseline_requirement)").strip().split("|")
        figures["load"] = {"seconds": round(time.monotonic() - started, 1), "care_units": int(counts[0]),
                           "offerings": int(counts[1]), "exemptions": int(counts[2]), "e_services": int(counts[3]),
                           "requirements": int(counts[4])}
        log(f"loaded in {figures['load']['seconds']} s: {figures['load']}")

        log("second start: on the loaded database")
        figures["startup"] = {"ready_s": round(service.start(), 3)}
        started = time.monotonic()
        open_units = [line.split("|") for line in psql(database, """
            select hsa_id from care_unit where (opened_on is null or opened_on <= current_date)
              and (closed_on is null or closed_on > current_date) order by hsa_id""").split()]
        status, _, body = request("GET", f"/api/v1/contact-cards/{open_units[0][0]}", timeout=600)
        if status != 200:
            sys.exit(f"the first contact card answered {status}: {body[:300]!r}")
        figures["startup"]["first_card_s"] = round(time.monotonic() - started, 3)

        ids_file = os.path.join(workdir, "units.txt")
        with open(ids_file, "w") as out:
            out.write("\n".join(row[0] for row in open_units) + "\n")
        lua_env = {"UNITS": ids_file, "TOKEN": token}
        log("cards right after start on the freshly loaded database: none stored yet, each computed on its first read")
        figures["card_after_start_loaded"] = wrk("card.lua", lua_env, 15)
        # The feed waits for the day's cards to be stored, which the service started on by itself.
        figures["startup"]["cards_stored_s"] = seconds_until_cards_stored()
        # The steady figures on a service started afresh, as before this phase existed: in the process that
        # served the burst above, card reads that miss its memory stayed several times slower for the rest
        # of the run, a cause not found yet (RESULTS-notes.md).
        service.stop()
        service.start()
        etags_file = os.path.join(workdir, "etags.txt")
        with open(etags_file, "w") as out:
            out.write(psql(database, "select hsa_id || ' \"' || content_hash || '\"' from contact_card "
                                     "where not removed order by hsa_id"))
        seconds = args.seconds
        lua_env = {"UNITS": ids_file, "ETAGS": etags_file, "TOKEN": token}

        log("warming up: every card and every unit's compliance read once, then each endpoint")
        # Long enough to go round every unit at least once even while nothing is cached (about 2,000 reads a
        # second then); the figures record how many reads each pass made.
        warmup_seconds = max(WARMUP_SECONDS * 2, len(open_units) // 1500)
        for script in ("every_card.lua", "every_unit_compliance.lua"):
            figures.setdefault("warmup", {})[script] = {"seconds": warmup_seconds,
                                                        "requests": wrk(script, lua_env, warmup_seconds)["requests"],
                                                        "units": len(open_units)}
        for script in ("info.lua", "card.lua", "card304.lua", "unit_compliance.lua"):
            wrk(script, lua_env, WARMUP_SECONDS)
        for path, headers in (("/api/v1/compliance", dict(auth, Accept="application/json")),
                              ("/api/v1/compliance", dict(auth, Accept="text/csv")),
                              ("/api/v1/compliance/services", auth),
                              ("/api/v1/compliance/groups?by=municipality", auth)):
            timed("GET", path, headers, repeats=1)

        log(f"wrk: {WRK_CONNECTIONS} connections, {seconds} s each")
        figures["trivial"] = wrk("info.lua", lua_env, seconds)
        figures["card_200"] = wrk("card.lua", lua_env, seconds)
        figures["card_304"] = wrk("card304.lua", dict(lua_env, EXPECT="304"), seconds)
        figures["unit_compliance"] = wrk("unit_compliance.lua", lua_env, seconds)
        for key in ("card_200", "card_304", "unit_compliance"):
            figures[key]["ratio"] = round(figures[key]["requests_per_s"] / figures["trivial"]["requests_per_s"], 3)

        log("a bulk load past the API ends as the README says: every card due, every cache emptied")
        figures["card_after_bulk_load"] = bulk_load(database, lua_env)
        # The same again on the same process: the first time, the path of a card computed on read is new to
        # the JIT compiler (RESULTS-notes.md); the second shows what the same bulk load costs once it is not.
        wrk("card.lua", lua_env, WARMUP_SECONDS)
        figures["card_after_second_bulk_load"] = bulk_load(database, lua_env)

        log("the full compliance report: the database's floor, JSON, CSV")
        figures["report_sql"] = timed_psql(database, os.path.join(BENCH, "sql", "compliance-report.sql"))
        figures["report_json"], body = timed("GET", "/api/v1/compliance", dict(auth, Accept="application/json"))
        figures["report_json"]["units"] = len(json.loads(body)["units"])
        figures["report_csv"], body = timed("GET", "/api/v1/compliance", dict(auth, Accept="text/csv"))
        figures["report_csv"]["units"] = body.count(b"\n") - 1
        figures["report_xlsx"], body = timed("GET", "/api/v1/compliance", dict(auth, Accept=XLSX))
        figures["report_xlsx"]["bytes"] = len(body)
        figures["report_xlsx"]["ratio_to_json"] = round(
            figures["report_xlsx"]["median_s"] / figures["report_json"]["median_s"], 3)
        for key in ("report_json", "report_csv"):
            figures[key]["ratio"] = round(figures[key]["median_s"] / figures["report_sql"]["median_s"], 3)

        log("aggregates")
        figures["services"], _ = timed("GET", "/api/v1/compliance/services", auth)
        figures["groups_municipality"], _ = timed("GET", "/api/v1/compliance/groups?by=municipality", auth)
        today = date.today()
        since = date(today.year - 3, today.month, 1)
        figures["trend_36_months"], body = timed(
            "GET", f"/api/v1/compliance/trend?from={since}&to={today}&interval=month", auth, repeats=3)
        figures["trend_36_months"]["points"] = len(json.loads(body)["items"])
        figures["coverage_municipality"], body = timed(
            "GET", "/api/v1/coverage?serviceCode=fornya-recept&by=municipality", auth)
        figures["coverage_municipality"]["groups"] = len(json.loads(body)["items"])
        figures["coverage_municipality"]["ratio_to_report"] = round(
            figures["coverage_municipality"]["median_s"] / figures["report_json"]["median_s"], 3)

        log("a goal's progress over 36 months, and what a draft would do")
        figures.update(goals_and_diff(admin, figures))

        log("the app in Chromium: the overview, and the heatmap of about 1,000 units")
        figures["app"] = app_views(database, token)

        log("the feed: a full sync")
        figures["feed_full_sync"] = feed_sync()
        log("query plans (bench/sql/plans.sql)")
        plans = run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-q",
                     "-f", os.path.join(BENCH, "sql", "plans.sql")], capture_output=True, text=True).stdout
        figures["peak_rss_mb"] = round(service.peak_rss_kb / 1024, 1)

        service.stop()
        figures["card_day_change"] = day_change(service, database, admin, lua_env, warmup_seconds)
        figures["imports"] = imports(service, admin["Authorization"], workdir)
    finally:
        service.stop()
    figures["peak_rss_mb"] = round(service.peak_rss_kb / 1024, 1)
    results["run_seconds"] = round(time.monotonic() - run_started, 1)
    results["targets"] = evaluate(figures)

    os.makedirs(os.path.join(BENCH, "results"), exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = os.path.join(BENCH, "results", f"{args.size}-{stamp}.json")
    with open(path, "w") as out:
        json.dump(results, out, indent=2)
        out.write("\n")
    with open(path.replace(".json", "-plans.txt"), "w") as out:
        out.write(plans)
    table = print_table(results)
    if args.size == "L":
        write_results_md(results, table, plans, os.path.relpath(path, BENCH))
    log(f"figures written to {os.path.relpath(path, ROOT)}; service log {logfile}")


def goals_and_diff(admin, figures):
    """A goal's progress with 36 monthly points, each metric family; a draft's diff with its impact."""
    today = date.today()
    result = {}
    for key, body in (("goal_service_coverage", {"metric": "SERVICE_COVERAGE", "serviceCode": "fornya-recept"}),
                      ("goal_compliant_share", {"metric": "COMPLIANT_SHARE"})):
        body = dict(body, name=f"Bench {key}", target=0.95, deadline=str(date(today.year + 2, 1, 1)),
                    **{"from": str(date(today.year - 3, today.month, 1) + timedelta(days=31))})
        status, headers, answer = request("POST", "/api/v1/goals", admin, body=json.dumps(body))
        if status != 201:
            sys.exit(f"creating a goal answered {status}: {answer[:300]!r}")
        goal_id = json.loads(answer)["id"]
        result[key], answer = timed("GET", f"/api/v1/goals/{goal_id}", admin, repeats=3)
        progress = json.loads(answer)["progress"]
        result[key].update(points=len(progress["history"]), status=progress["status"],
                           ratio_to_trend=round(result[key]["median_s"] / figures["trend_36_months"]["median_s"], 3))
    # The dataset's draft of next year (a new requirement, others limited differently) against the revision in force.
    status, _, answer = request("GET", "/api/v1/baselines/current", admin)
    current = json.loads(answer)["id"]
    status, _, answer = request("GET", "/api/v1/baselines?size=50", admin)
    draft = next(item["id"] for item in json.loads(answer)["items"] if item["status"] == "DRAFT")
    result["diff"], answer = timed("GET", f"/api/v1/baselines/{draft}/diff?against={current}&size=100", admin)
    result["diff"].update(units_changing=json.loads(answer)["impact"]["unitsTotal"],
                          ratio_to_report=round(result["diff"]["median_s"] / figures["report_json"]["median_s"], 3))
    return result


def app_views(database, token):
    """The app's overview and heatmap from navigation to drawn, beside the API's time for the same answers."""
    node = os.path.join(ROOT, "target", "node")
    os.makedirs(node, exist_ok=True)
    for name in ("package.json", "package-lock.json", "install-tools"):
        shutil.copy(os.path.join(ROOT, "src", "test", "node", name), node)
    run(["bash", os.path.join(node, "install-tools")], stdout=subprocess.DEVNULL)
    # The care provider, administration or municipality whose open units number closest to 1,000.
    by, key, units = psql(database, """
        with open_units as (select * from care_unit where (opened_on is null or opened_on <= current_date)
                              and (closed_on is null or closed_on > current_date))
        select by, key, n from (
          select 'careProvider' as by, care_provider as key, count(*) as n from open_units group by care_provider
          union all
          select 'administration', administration, count(*) from open_units where administration is not null
           group by administration
          union all
          select 'municipality', municipality, count(*) from open_units where municipality is not null group by municipality
        ) groups order by abs(n - 1000), by, key limit 1""").strip().split("|")
    # Its errors go to the log; its one line of figures is read.
    output = run(["node", os.path.join(BENCH, "app.cjs"), f"http://127.0.0.1:{PORT}", token,
                  urllib.parse.urlencode({by: key}), "5"],
                 stdout=subprocess.PIPE, text=True, env=dict(os.environ, NODE_PATH=os.path.join(node, "node_modules")))
    figures = json.loads(output.stdout)
    figures["heatmap"]["filter"] = {by: key}
    log(f"app: {figures}")
    return figures


DAY_CHANGE_BEFORE_S = 15
DAY_CHANGE_AFTER_S = 30
# How long the service may take to prepare tomorrow's cards after the revision is published (it checks every 30 s).
PREPARE_WAIT_S = 150


def day_change(service, database, admin, lua_env, warmup_seconds):
    """
    Card reads across midnight, when a new revision takes effect and every card changes: the service runs in a
    time zone whose midnight comes a little after the cards are warm, and wrk reads random cards from
    DAY_CHANGE_BEFORE_S seconds before it to DAY_CHANGE_AFTER_S seconds after.
    """
    lead = PREPARE_WAIT_S + 25 + warmup_seconds + DAY_CHANGE_BEFORE_S
    midnight = time.time() + lead
    offset = int(-midnight) % 86400
    offset = offset - 86400 if offset > 43200 else offset
    midnight = math.floor(midnight + offset) - offset  # whole seconds of the zone's clock
    zone = f"{'-' if offset < 0 else '+'}{abs(offset) // 3600:02d}:{abs(offset) % 3600 // 60:02d}:{abs(offset) % 60:02d}"
    today = datetime.fromtimestamp(midnight - 1, timezone(timedelta(seconds=offset))).date()
    tomorrow = today + timedelta(days=1)
    log(f"day change: the service runs in zone {zone}, where {tomorrow} begins in {round(midnight - time.time())} s")
    service.start(zone)
    # Next year's revision: the one in force, one more required service, valid from tomorrow.
    current = psql(database, f"""
        select s.code || '|' || array_to_string(r.unit_types, ',') from baseline_requirement r
        join e_service s on s.id = r.e_service_id
        where r.baseline_id = (select id from baseline where status = 'PUBLISHED' and valid_from <= '{today}'
                               order by valid_from desc limit 1)""").split()
    extra = psql(database, "select code from e_service where status = 'ACTIVE' and id not in "
                           "(select e_service_id from baseline_requirement) order by code limit 1").strip()
    status, _, body = request("POST", "/api/v1/baselines", admin,
                              body=json.dumps({"name": f"Basutbud från {tomorrow}", "validFrom": str(tomorrow)}))
    if status != 201:
        sys.exit(f"creating a revision answered {status}: {body[:300]!r}")
    revision = json.loads(body)["id"]
    for line in current + ([extra + "|"] if extra else []):
        code, types = line.split("|")
        status, _, body = request("PUT", f"/api/v1/baselines/{revision}/requirements/{code}", admin,
                                  body=json.dumps({"unitTypes": [t for t in types.split(",") if t]}))
        if status not in (200, 201):
            sys.exit(f"adding {code} answered {status}: {body[:300]!r}")
    status, _, body = request("POST", f"/api/v1/baselines/{revision}/publish", admin)
    if status != 200:
        sys.exit(f"publishing answered {status}: {body[:300]!r}")
    # A revision is published days ahead in practice: the service prepares tomorrow's cards in the
    # background (every card here, as the revision changes every card's validity); wait for that.
    started = time.monotonic()
    prepared = 0
    while time.monotonic() - started < PREPARE_WAIT_S:
        prepared, due = (int(v) for v in psql(database, f"""
            select (select count(*) from contact_card_next where valid_from = '{tomorrow}'),
                   (select count(*) from contact_card where valid_until = '{tomorrow}')""").strip().split("|"))
        if due and prepared >= due:
            break
        time.sleep(2)
    prepare_s = round(time.monotonic() - started, 1)
    wrk("every_card.lua", lua_env, warmup_seconds)
    wait = midnight - DAY_CHANGE_BEFORE_S - time.time()
    if wait < 0:
        sys.exit(f"the warm-up ran {round(-wait)} s into the day change's window")
    time.sleep(wait)
    figure = wrk("card.lua", lua_env, DAY_CHANGE_BEFORE_S + DAY_CHANGE_AFTER_S)
    stored_s = seconds_until_cards_stored()
    figure.update({"zone": zone, "new_day": str(tomorrow), "requirements_after": len(current) + (1 if extra else 0),
                   "cards_prepared": prepared, "prepare_s": prepare_s,
                   "cards_stored_after_window_s": stored_s})
    changed = psql(database, f"select count(*) from contact_card where updated_at = "
                             f"timestamptz '{tomorrow}T00:00:00{zone}'").strip()
    figure["cards_changed_at_midnight"] = int(changed)
    service.stop()
    return figure


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def imports(service, authorization, workdir):
    """
    A region's units brought in by file at national scale: every unit exported as CSV, given new HSA-ids (so
    that all are new), imported after a dry run, and imported again (all unchanged); then two offerings for
    each new unit. Times are from the POST to the job's end, as the job itself records them.
    """
    peak_before = service.peak_rss_kb
    service.peak_rss_kb = 0
    service.start()
    status, _, body = request("GET", "/api/v1/care-units?includeClosed=true",
                              {"Authorization": authorization, "Accept": "text/csv"}, timeout=600)
    if status != 200:
        sys.exit(f"the unit export answered {status}: {body[:300]!r}")
    lines = body.decode("utf-8").split("\r\n")
    # SE…-1234 becomes SE…-N1234: the same organisation, a unit it does not have yet.
    rows = [re.sub(r'^"(SE[0-9]{10})-', r'"\1-N', line) for line in lines[1:] if line]
    units_csv = ("\r\n".join([lines[0]] + rows) + "\r\n").encode("utf-8")
    # Offerings for the units open today (the last column, closedOn, empty or later): a closed unit's are refused.
    today = str(date.today())
    new_ids = [row.split('"')[1] for row in rows
               if not row.endswith('"') or row.rsplit(",", 1)[1].strip('"') > today]
    # Two e-services each, and a third for as many as make 100,000 rows.
    pairs = [(hsa_id, code) for hsa_id in new_ids for code in ("fornya-recept", "bestall-tid")]
    pairs += [(hsa_id, "begar-intyg") for hsa_id in new_ids[:max(0, 100_000 - len(pairs))]]
    offerings_csv = ("hsaId,serviceCode,url,since\r\n" + "".join(
        f"{hsa_id},{code},https://e-tjanster.1177.se/{code},2024-01-01\r\n" for hsa_id, code in pairs)).encode("utf-8")
    figure = {"units": len(rows), "file_mb": round(len(units_csv) / 1e6, 1), "offering_rows": len(pairs)}

    def run_import(kind, content, query=""):
        started = time.monotonic()
        status, headers, body = request("POST", f"/api/v1/imports/{kind}{query}",
                                        {"Authorization": authorization, "Content-Type": "text/csv"},
                                        body=content, timeout=600)
        if status != 202:
            sys.exit(f"the {kind} import answered {status}: {body[:300]!r}")
        location = headers.get("Location") or headers.get("location")
        while True:
            status, _, body = request("GET", location, {"Authorization": authorization})
            job = json.loads(body)
            if job["status"] in ("SUCCEEDED", "FAILED"):
                break
            time.sleep(0.2)
        if job["status"] != "SUCCEEDED":
            # Recorded, not fatal: the figures of the run so far stay, and the errors say why.
            log(f"the {kind} import failed: {json.dumps(job)[:1000]}")
            return None, {"failed": job.get("errors", [])[:5], **(job.get("summary") or {})}
        return round(time.monotonic() - started, 2), job["summary"]

    log(f"imports: {len(rows)} new units ({figure['file_mb']} MB of CSV), a dry run first")
    figure["units_dry_run_s"], figure["dry_run_summary"] = run_import("care-units", units_csv, "?dryRun=true")
    figure["units_new_s"], figure["new_summary"] = run_import("care-units", units_csv)
    figure["units_unchanged_s"], figure["unchanged_summary"] = run_import("care-units", units_csv)
    log(f"imports: {figure['offering_rows']} new offerings")
    figure["offerings_new_s"], figure["offerings_summary"] = run_import("offerings", offerings_csv)
    figure["peak_rss_mb"] = round(service.peak_rss_kb / 1024, 1)
    service.stop()
    service.peak_rss_kb = max(peak_before, service.peak_rss_kb)
    return figure


def machine():
    memory_kb = int(next(line for line in open("/proc/meminfo") if line.startswith("MemTotal")).split()[1])
    try:
        commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", ""
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    postgres = psql("postgres", "show server_version").strip()
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "nproc": os.cpu_count(),
            "memory_gib": round(memory_kb / 1024 / 1024, 1), "kernel": platform.release(), "java": java,
            "postgresql": postgres, "commit": commit + ("-dirty" if dirty else "")}


def lookup(figures, key):
    value = figures
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def evaluate(figures):
    verdicts = []
    for key, comparison, limit, text in TARGETS:
        value = lookup(figures, key)
        met = value is not None and (value >= limit if comparison == ">=" else value <= limit)
        verdicts.append({"target": text, "figure": key, "value": value, "limit": limit, "met": met})
    return verdicts


def print_table(results):
    lines = []
    print_line = lines.append
    table_lines(results, print_line)
    text = "\n".join(lines)
    print()
    print(text)
    return text


def table_lines(results, print):
    f = results["figures"]
    print(f"basutbud benchmark, size {results['size']} ({f['load']['care_units']} units, "
          f"{f['load']['offerings']} offerings), {results['machine']['nproc']} cores, commit {results['machine']['commit']}")
    print(f"{'figure':44} {'value':>14} {'p50 ms':>9} {'p99 ms':>9} {'non-2xx':>8}  baseline")
    rows = [
        ("trivial JSON endpoint (req/s)", f["trivial"], "requests_per_s", "(the baseline)"),
        ("contact card, 200 (req/s)", f["card_200"], "requests_per_s", f"{f['card_200']['ratio']} x trivial"),
        ("contact card, 304 (req/s)", f["card_304"], "requests_per_s", f"{f['card_304']['ratio']} x trivial"),
        ("one unit's compliance (req/s)", f["unit_compliance"], "requests_per_s",
         f"{f['unit_compliance']['ratio']} x trivial"),
    ]
    for name, figure, key, baseline in rows:
        print(f"{name:44} {figure[key]:>14} {figure['p50_ms']:>9} {figure['p99_ms']:>9} {figure['non_2xx']:>8}  {baseline}")
    timed_rows = [
        ("full report, hand-written SQL in psql (s)", f["report_sql"], "(the database's floor)"),
        ("full report, JSON (s)", f["report_json"], f"{f['report_json']['ratio']} x SQL"),
        ("full report, CSV (s)", f["report_csv"], f"{f['report_csv']['ratio']} x SQL"),
        ("/compliance/services (s)", f["services"], ""),
        ("/compliance/groups?by=municipality (s)", f["groups_municipality"], ""),
        ("/compliance/trend, 36 months (s)", f["trend_36_months"], ""),
        ("/coverage, one service by municipality (s)", f.get("coverage_municipality", {"median_s": None}),
         f"{f.get('coverage_municipality', {}).get('ratio_to_report')} x JSON report"),
    ]
    for name, figure, baseline in timed_rows:
        print(f"{name:44} {str(figure['median_s']):>14} {'':>9} {'':>9} {0:>8}  {baseline}")
    print(f"{'full feed sync (s)':44} {f['feed_full_sync']['seconds']:>14} {'':>9} {'':>9} {0:>8}  "
          f"{f['feed_full_sync']['cards']} cards, {f['feed_full_sync']['pages']} pages")
    print(f"{'dataset load (s)':44} {f['load']['seconds']:>14}")
    print(f"{'startup to ready, loaded database (s)':44} {f['startup']['ready_s']:>14}")
    print(f"{'first card after start (s)':44} {f['startup']['first_card_s']:>14}")
    print(f"{'all cards stored after start (s)':44} {f['startup']['cards_stored_s']:>14}")
    for name, figure, baseline in (
            ("cards right after start, freshly loaded (req/s)", f["card_after_start_loaded"],
             "none stored yet, a JVM just started"),
            ("cards right after a bulk load (req/s)", f["card_after_bulk_load"],
             f"every card due, caches emptied; all stored {f['card_after_bulk_load']['cards_stored_after_window_s']} s"
             f" after the window"),
            ("the same bulk load again (req/s)", f["card_after_second_bulk_load"],
             f"the path of a computed card compiled; all stored "
             f"{f['card_after_second_bulk_load']['cards_stored_after_window_s']} s after the window"),
            ("cards across a day change (req/s)", f["card_day_change"],
             f"{f['card_day_change']['cards_changed_at_midnight']} cards changed at midnight, "
             f"{f['card_day_change']['cards_prepared']} prepared in {f['card_day_change']['prepare_s']} s; "
             f"steady p99 {f['card_200']['p99_ms']} ms")):
        print(f"{name:44} {figure['requests_per_s']:>14} {figure['p50_ms']:>9} {figure['p99_ms']:>9} "
              f"{figure['non_2xx']:>8}  {baseline}")
    x = f["report_xlsx"]
    print(f"{'full report, XLSX (s)':44} {x['median_s']:>14} {'':>9} {'':>9} {0:>8}  "
          f"{x['ratio_to_json']} x JSON, {round(x['bytes'] / 1e6, 1)} MB")
    i = f["imports"]
    for name, key, note in (
            ("import units, dry run (s)", "units_dry_run_s", f"{i['units']} new units, {i['file_mb']} MB CSV"),
            ("import units, all new (s)", "units_new_s", f"created {i['new_summary'].get('created')}"),
            ("import units, all unchanged (s)", "units_unchanged_s",
             f"unchanged {i['unchanged_summary'].get('unchanged')}"),
            ("import offerings, all new (s)", "offerings_new_s",
             f"created {i['offerings_summary'].get('created')}")):
        print(f"{name:44} {str(i[key]):>14} {'':>9} {'':>9} {0:>8}  {note}")
    print(f"{'peak RSS during imports (MB)':44} {i['peak_rss_mb']:>14}")
    for name, key, note in (("goal progress, coverage, 36 months (s)", "goal_service_coverage", "x trend"),
                             ("goal progress, compliant share, 36 months (s)", "goal_compliant_share", "x trend"),
                             ("revision diff with impact (s)", "diff", "x JSON report")):
        figure = f.get(key)
        if figure:
            ratio = figure.get("ratio_to_trend", figure.get("ratio_to_report"))
            print(f"{name:44} {figure['median_s']:>14} {'':>9} {'':>9} {0:>8}  {ratio} {note}")
    a = f.get("app")
    if a:
        for name, key in (("app: overview, navigation to usable (s)", "overview"),
                          ("app: heatmap of ~1,000 units, to usable (s)", "heatmap")):
            v = a[key]
            print(f"{name:44} {v['usable_median_s']:>14} {'':>9} {'':>9} {0:>8}  all drawn {v['median_s']} s; "
                  f"first visit {v['first_visit_usable_median_s']} s; API alone {v['api_median_s']} s, {v['units']} units")
    print(f"{'peak RSS (MB)':44} {f['peak_rss_mb']:>14}")
    print("")
    for verdict in results["targets"]:
        print(f"  {'met ' if verdict['met'] else 'MISS'}  {verdict['target']:44} {verdict['value']}")
    print(f"\nrun took {results['run_seconds']} s")


def write_results_md(results, table, plans, json_path):
    """bench/RESULTS.md: the latest L figures as measured, the notes written by hand, the query plans."""
    m = results["machine"]
    notes_path = os.path.join(BENCH, "RESULTS-notes.md")
    notes = open(notes_path).read() if os.path.exists(notes_path) else ""
    with open(os.path.join(BENCH, "RESULTS.md"), "w") as out:
        out.write("# Benchmark results\n\n")
        out.write("Written by `bench/run L` (the figures, the machine and the plans); the notes come from\n"
                  "`bench/RESULTS-notes.md`, written by hand.\n\n")
        out.write(f"- date: {m['date']}\n- commit: {m['commit']}\n- machine: {m['nproc']} cores (`nproc`), "
                  f"{m['memory_gib']} GiB memory, Linux {m['kernel']}\n- {m['java']}; PostgreSQL {m['postgresql']} "
                  f"on the same machine\n- figures: [`{json_path}`]({json_path})\n\n")
        out.write("```\n" + table + "\n```\n\n")
        out.write(notes)
        out.write("\n## Query plans (`bench/sql/plans.sql`, after the measurements)\n\n```\n" + plans + "```\n")


if __name__ == "__main__":
    main()
