"""Issue 26's figures: a curated timeline of tens of thousands of events stays editable.

Prints, for the bundled events.yaml and a generated 50,000-event timeline
(bench/make_timeline.py): ``merge`` of 500, 6,741 and 200,000 generated candidates
(bench/make_candidates.py) with its wall and CPU seconds and peak memory (each merge in its own
process, as ``python -m extract merge`` runs; the parse cache of both files warm, as after the
dashboard or an earlier merge read them); one Review decision of each kind on the 50,000-event
file (as the Review page makes it: the held document copied, the decision applied, the file
written); and the Review page's first paint (server side, streamlit's AppTest: the page's run
after the timeline page has read the file, and a cold first run; beside the bundled file, which
has no candidates, a generated 1,000-event file draws the same ten candidates as the
50,000-event one), with ``--review-browser`` also in headless Chromium.

Usage: python bench/scale_bench.py [--merge 500,6741,200000] [--repeat 1] [--skip-merge]
       [--skip-decisions] [--skip-review] [--review-browser] [--only bundled|50000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
for p in (ROOT, BENCH):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

OUT = BENCH / "out" / "scale"


def _child(code: str, *args: str) -> tuple[float, float, float, str]:
    """Run ``code`` in a fresh interpreter: (wall s, CPU s, peak RSS MB, its stdout)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            cwd=ROOT, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"child failed ({proc.returncode}): {code[:60]}...")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


_MERGE = """
import sys
from extract.cli import main
sys.exit(main(["merge", sys.argv[1], "--into", sys.argv[2]]))
"""  # the command as a curator runs it (python -m extract merge), its exit included
_LOAD = "import sys; from extract.timeline import load; load(sys.argv[1])"


def timelines() -> dict[str, Path]:
    from make_timeline import write_timeline

    return {"bundled": ROOT / "events.yaml",
            "50,000": write_timeline(BENCH / "out" / "timelines", 50_000)}


def candidates_file(name: str, timeline: Path, count: int) -> Path:
    from make_candidates import candidates_for

    from extract.timeline import atomic_write, dumps, load

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"candidates-{name.replace(',', '')}-{count}.yaml"
    if not path.exists():
        atomic_write(path, dumps(candidates_for(load(timeline), count)).encode("utf-8"))
    return path


def bench_merge(counts: list[int], repeat: int, only: str = "") -> None:
    print("merge (each in its own process; parse caches warm)")
    print("| into | candidates | wall s | CPU s | peak RSS MB | report |")
    print("|---|---|---|---|---|---|")
    for name, timeline in timelines().items():
        if only and name.replace(",", "") != only:
            continue
        for count in counts:
            cands = candidates_file(name, timeline, count)
            _child(_LOAD, str(timeline))
            _child(_LOAD, str(cands))
            runs = []
            for _ in range(repeat):
                with tempfile.TemporaryDirectory() as tmp:
                    target = Path(tmp) / "events.yaml"
                    shutil.copy(timeline, target)
                    wall, cpu, rss, out = _child(_MERGE, str(cands), str(target))
                runs.append((wall, cpu, rss, out.strip().split(": ", 1)[1]))
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            print(f"| {name} | {count:,} | {wall:.1f} | {cpu:.1f} | {rss:.0f} | {runs[0][3]} |",
                  flush=True)


def bench_decisions(repeat: int) -> None:
    from dashboard.review import Decision, apply_decision
    from extract.timeline import Document, load

    source = timelines()["50,000"]
    load(source)  # warm the parse cache
    tl = load(source)
    cands = [e for e in tl.events if e.status == "candidate"]
    accepted = [e for e in tl.events if e.status == "accepted"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.yaml"
        shutil.copy(source, path)
        t = time.perf_counter()
        held = Document.open(path)
        opened = time.perf_counter() - t
        print(f"decisions on 50,000 events (the Review page's document opened in {opened:.1f} s,"
              f" once per file version)")
        print("| decision | wall s (median) | CPU s (median) | runs |")
        print("|---|---|---|---|")
        kinds = {
            "accept": lambda c: Decision("accept", (c.id,), "bench"),
            "reject": lambda c: Decision("reject", (c.id,), "bench"),
            "edit, then accept": lambda c: Decision("accept", (c.id,), "bench", changes={
                "title": c.title + " (edited)", "summary": "Checked against the register.",
                "unverified": True}),
            "merge into an accepted event": lambda c: Decision(
                "merge", (c.id,), "bench", target=accepted[len(accepted) // 2].id),
        }
        n = 0
        for kind, make in kinds.items():
            times, cpu = [], []
            for _ in range(repeat):
                cand = cands[(len(cands) // (repeat * len(kinds) + 1)) * (n + 1)]
                n += 1
                t, c = time.perf_counter(), time.process_time()
                if held.changed_on_disk():
                    raise SystemExit("changed on disk")
                work = held.copy()
                skipped = apply_decision(work, make(cand))
                work.save()
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                assert not skipped, skipped
                held = work
            print(f"| {kind} | {statistics.median(times):.2f} | {statistics.median(cpu):.2f} | "
                  f"{len(times)} |", flush=True)


_REVIEW = """
import json, sys, time
from pathlib import Path
from streamlit.testing.v1 import AppTest
events = Path(sys.argv[1])
secrets = json.loads(sys.argv[2])
at = AppTest.from_file(sys.argv[3], default_timeout=600)
at.secrets["auth"] = secrets
at.user = {"is_logged_in": True, "email": "bench@example.org", "name": "Bench"}
t = time.perf_counter(); at.run(); first = time.perf_counter() - t
assert not at.exception, [e.value for e in at.exception]
at.switch_page("views/review.py")
t, c = time.perf_counter(), time.process_time()
at.run()
review, review_cpu = time.perf_counter() - t, time.process_time() - c
assert not at.exception, [e.value for e in at.exception]
assert any("to review" in m.value for m in at.markdown), "no queue"
drawn = len(at.subheader)  # the candidates drawn (ten a page)
t = time.perf_counter(); at.run(); rerun = time.perf_counter() - t
print(f"{first:.2f}|{review:.2f}|{review_cpu:.2f}|{rerun:.2f}|{drawn}")
"""
_SECRETS = {"redirect_uri": "http://127.0.0.1:9/oauth2callback", "cookie_secret": "bench",
            "client_id": "arms", "client_secret": "bench",
            "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def review_timelines() -> dict[str, Path]:
    """The bundled file (no candidates: nothing drawn), a generated 1,000-event file (about
    100 candidates: a page of ten drawn, as at 50,000) and the 50,000-event one."""
    from make_timeline import write_timeline

    files = timelines()
    return {"bundled": files["bundled"],
            "1,000": write_timeline(BENCH / "out" / "timelines", 1_000),
            "50,000": files["50,000"]}


def bench_review(repeat: int) -> None:
    print("Review page (AppTest, server side; each run a fresh process; the timelines' runs "
          "interleaved)")
    print("| timeline | timeline page, cold (s) | Review first paint after it (s) | its CPU (s) "
          "| Review rerun (s) | candidates drawn | peak RSS MB | runs |")
    print("|---|---|---|---|---|---|---|---|")
    files = review_timelines()
    for timeline in files.values():
        _child(_LOAD, str(timeline))  # the parse cache warm, as after an earlier start
    runs: dict[str, list[tuple[float, ...]]] = {name: [] for name in files}
    for _ in range(repeat):  # interleaved: a change of the machine's load weighs on all
        for name, timeline in files.items():
            runs[name].append(_review_run(timeline))
    for name, got in runs.items():
        med = [statistics.median(r[i] for r in got) for i in range(4)]
        print(f"| {name} | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.2f} | "
              f"{got[0][4]:.0f} | {max(r[5] for r in got):.0f} | {len(got)} |", flush=True)


def _review_run(timeline: Path) -> tuple[float, ...]:
    """One fresh process: (timeline page cold, Review first paint, its CPU, Review rerun,
    candidates drawn, peak RSS MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(tmp) / "events.yaml"
        shutil.copy(timeline, events)
        (Path(tmp) / "team.toml").write_text(
            '[curators]\nemails = ["bench@example.org"]\n', encoding="utf-8")
        env_events = os.environ.get("ARMS_EVENTS")
        os.environ["ARMS_EVENTS"] = str(events)
        try:
            _, _, rss, out = _child(_REVIEW, str(events), json.dumps(_SECRETS),
                                    str(ROOT / "dashboard" / "app.py"))
        finally:
            if env_events is None:
                os.environ.pop("ARMS_EVENTS", None)
            else:
                os.environ["ARMS_EVENTS"] = env_events
    first, review, cpu, rerun, drawn = (float(x) for x in out.strip().split("|"))
    return first, review, cpu, rerun, drawn, rss


BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def bench_review_browser(repeat: int) -> None:
    """The Review page's first paint in headless Chromium: a fresh server on a copy of each
    file (no sign-in: the person at 127.0.0.1 is the curator), the timeline page opened first
    (it reads the file), then a click on "Review", timed until its script has run and its
    queue is shown; the server's CPU and the bytes it sent meanwhile. Then a second browser
    session does the same on that server (a team's server: the first visit's work per file
    version is shared)."""
    from playwright.sync_api import sync_playwright

    print("Review page in headless Chromium (a fresh server each run; the timelines' runs "
          "interleaved)")
    print("| timeline | timeline page (s) | Review first paint after it (s) | server CPU (s) "
          "| sent (MB) | candidates drawn | a second session's paint (s) | its server CPU (s) "
          "| runs |")
    print("|---|---|---|---|---|---|---|---|---|")
    files = review_timelines()
    runs: dict[str, list[tuple[float, ...]]] = {name: [] for name in files}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        try:
            for _ in range(repeat):
                for name, timeline in files.items():
                    runs[name].append(_browser_run(browser, timeline))
        finally:
            browser.close()
    for name, got in runs.items():
        med = [statistics.median(r[i] for r in got) for i in range(7)]
        print(f"| {name} | {med[0]:.2f} | {med[1]:.2f} | {med[2]:.2f} | {med[3]:.1f} | "
              f"{got[0][4]:.0f} | {med[5]:.2f} | {med[6]:.2f} | {len(got)} |", flush=True)


def _server_cpu(pid: int) -> float:
    import psutil

    total = 0.0
    try:
        procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return 0.0
    for proc in procs:
        try:
            t = proc.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def _browser_run(browser, timeline: Path) -> tuple[float, ...]:
    """(timeline page, Review first paint, server CPU, MB sent, candidates drawn; a second
    session's Review first paint and server CPU)."""
    from dashboard.serve import running

    with tempfile.TemporaryDirectory() as tmp:
        events = Path(tmp) / "events.yaml"
        shutil.copy(timeline, events)
        with running(events, log=Path(tmp) / "server.log", timeout=300) as (base, proc):
            first, paint, cpu, sent, drawn = _review_visit(browser, base, proc.pid)
            # a second curator on the same server: what the first visit built per file
            # version (the queue, the opened document...) is shared, as on a team's server
            _, paint2, cpu2, _, _ = _review_visit(browser, base, proc.pid)
            return (first, paint, cpu, sent, drawn, paint2, cpu2)


def _review_visit(browser, base: str, pid: int) -> tuple[float, ...]:
    """A new browser session: (timeline page, Review first paint, server CPU, MB sent,
    candidates drawn)."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(600_000)
        sent = [0]
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda data: sent.__setitem__(0, sent[0] + len(data))))
        t = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_selector(READY)
        review = page.get_by_role("link", name="Review")
        review.wait_for()
        first = time.perf_counter() - t
        page.wait_for_timeout(1000)  # the timeline page's chart settles
        page.wait_for_selector(READY)
        cpu, sent[0], t = _server_cpu(pid), 0, time.perf_counter()
        review.click()
        page.get_by_text("to review").first.wait_for()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stApp\"]')"
            ".getAttribute('data-test-script-state') === 'notRunning'", polling=20)
        paint = time.perf_counter() - t
        drawn = page.get_by_role("heading", level=3).count()
        return (first, paint, _server_cpu(pid) - cpu, sent[0] / 1e6, drawn)
    finally:
        context.close()


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--merge", default="500,6741,200000",
                    help="candidate counts (default: %(default)s)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--skip-merge", action="store_true")
    ap.add_argument("--only", default="", help="merge into this timeline only (bundled, 50000)")
    ap.add_argument("--skip-decisions", action="store_true")
    ap.add_argument("--skip-review", action="store_true")
    ap.add_argument("--review-browser", action="store_true",
                    help="also time the Review page in headless Chromium")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(f"python bench/scale_bench.py {' '.join(argv or sys.argv[1:])}".rstrip())
    if not args.skip_decisions:
        bench_decisions(max(args.repeat, 3))
    if not args.skip_review:
        bench_review(args.repeat)
    if args.review_browser:  # with --skip-review: the browser's figures only
        bench_review_browser(args.repeat)
    if not args.skip_merge:
        bench_merge([int(n) for n in args.merge.split(",") if n.strip()], args.repeat,
                    args.only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
