"""The dashboard's loading path in a real browser, from 100 to 50,000 events.

For each generated timeline (``bench/make_timeline.py``) the bench runs
``streamlit run dashboard/app.py -- --events FILE`` on a free 127.0.0.1 port, drives headless
Chromium (Playwright, sync API) and measures:

* **first chart**: navigation to the chart drawn: the app idle
  (``[data-testid="stApp"][data-test-script-state="notRunning"]``) and the Plotly figure in
  ``.js-plotly-plot`` holding its traces (``gd.data.length``, ``gd.calcdata``). Measured three
  ways: the first visit to a new server with an empty parse cache (``cold``: YAML parsed and
  validated), the first visit to a new server with a warm parse cache (``new server``), and
  then ``--repeat`` fresh browser sessions on that server (Streamlit's in-memory cache warm);
* **filter**: in the sidebar "Types" multiselect, choosing ``deal``: from the option's click to
  the chart redrawn with only deal traces and the app idle (a widget change in the same
  session, as a user does it; not a new page load);
* **zoom**: with more marks than the timeline draws one by one (``DETAIL_LIMIT``) the chart
  shows counts per lane and calendar cell; the bench clicks the cell with the most events (in
  the view filtered to ``deal``) until marks are drawn: the first zoom's time, from the click
  to the new window in the URL and the chart redrawn, and the number of zooms it took (0 when
  the filtered view already shows marks);
* **click**: a click on a mark (its screen position from the figure's own axes,
  ``xaxis.c2p``/``yaxis.c2p`` of the middle point of the largest filled marks trace, so it
  works for SVG and WebGL marks alike) to the selected event's card heading shown and the app idle;
* **memory**: RSS of the streamlit process and its children (psutil), after the runs;
* **CPU**: the streamlit server's CPU seconds (user + system) spent in each step, and the
  browser's (Playwright's driver and Chromium), because wall time on a shared machine is noise.

* **bare page**: the same first chart on a bare Streamlit page holding one Plotly chart, the
  dashboard's own timeline figure of the same file (``st.plotly_chart`` of it with the
  timeline page's selection settings and modebar, ``CHART_CONFIG``, and nothing else),
  on a server started the same way, in fresh sessions measured in the same run, one after
  each dashboard session (so that a change in the machine's load weighs on both alike): the
  floor any Streamlit page with that chart pays, and the ratio issue 21 asks to keep within
  1.25x.

Times are medians over ``--repeat`` sessions. Ratios are against the smallest size given.
``--profile`` then times, in this process, each function a rerun calls (the same functions the
views call) and prints cProfile's top entries by cumulative time.

Usage::

    .venv/bin/python bench/dashboard_bench.py                       # 100,1000,10000,50000, repeat 3
    .venv/bin/python bench/dashboard_bench.py --sizes 100,10000 --repeat 5 --json out.json
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import io
import json
import os
import pickle
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_timeline  # noqa: E402

from dashboard.figures import DETAIL_LIMIT  # noqa: E402
from dashboard.serve import running  # noqa: E402
from dashboard.views.timeline import CHART_CONFIG  # noqa: E402
from extract import timeline as timeline_module  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
OUT = ROOT / "bench" / "out"
DEFAULT_SIZES = "100,1000,10000,50000"

CHART_DRAWN = """() => {
  const gd = document.querySelector('CHART');
  return !!(gd && gd.data && gd.data.length > 0 && gd.calcdata && gd._fullLayout);
}""".replace("CHART", CHART)

ONLY_TYPE = """(type) => {
  const gd = document.querySelector('CHART');
  if (!gd || !gd.data || !gd.calcdata) return false;
  const drawn = gd.data.filter(t => t.meta && ['marks', 'density'].includes(t.meta.role));
  return drawn.length > 0 && drawn.every(t => t.meta.type === type);
}""".replace("CHART", CHART)

# the screen position of a mark: the middle point of the largest marks trace, from the
# figure's own axes (works for scatter and scattergl)
MARK_XY = """() => {
  const gd = document.querySelector('CHART');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  let best = null;
  for (const t of gd._fullData) {
    if (!t.meta || t.meta.role !== 'marks' || t.meta.hollow) continue;
    if (!best || t.x.length > best.x.length) best = t;
  }
  if (!best) return null;
  const [lo, hi] = xa.range.map(xa.r2c).sort((a, b) => a - b);
  const inside = [];
  for (let k = 0; k < best.x.length; k++) {
    const x = xa.d2c(best.x[k]);
    if (x >= lo && x <= hi) inside.push(k);
  }
  const k = inside[Math.floor(inside.length / 2)];
  const r = gd.getBoundingClientRect();
  return [r.left + xa._offset + xa.c2p(xa.d2c(best.x[k])),
          r.top + ya._offset + ya.c2p(ya.d2c(best.y[k]))];
}""".replace("CHART", CHART)

FIGURE_SIZE = """() => {
  const gd = document.querySelector('CHART');
  let n = 0, cells = 0;
  for (const t of gd._fullData) {
    if (t.meta && t.meta.role === 'marks') n += t.customdata.length;
    if (t.meta && t.meta.role === 'density') cells += t.customdata.length;
  }
  return [gd.data.length, n, gd.data.filter(t => t.type === 'scattergl').length, cells];
}""".replace("CHART", CHART)

# the screen position and window of the density cell with the most events dated within it
BUSIEST_CELL = """() => {
  const gd = document.querySelector('CHART');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  let best = null;
  for (const t of gd._fullData) {
    if (!t.meta || t.meta.role !== 'density') continue;
    for (let k = 0; k < t.customdata.length; k++) {
      const n = Number(String(t.text[k] || '0').replace(/,/g, ''));
      if (!best || n > best.n) best = {t, k, n};
    }
  }
  if (!best) return null;
  const {t, k} = best, r = gd.getBoundingClientRect();
  return [r.left + xa._offset + xa.c2p(xa.d2c(t.base[k]) + t.x[k] / 2),
          r.top + ya._offset + ya.c2p(ya.d2c(t.y[k])), t.customdata[k][0]];
}""".replace("CHART", CHART)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------


@contextlib.contextmanager
def streamlit_server(events: Path, cache_dir: Path, log_path: Path,
                     timeout: float = 120) -> Iterator[tuple[str, int]]:
    """Run the dashboard on ``events``; yields (base URL, pid); always stops it."""
    with running(events, log=log_path, env={"ARMS_CACHE_DIR": str(cache_dir)},
                 timeout=timeout) as (base, proc):
        yield base, proc.pid


def _tree(pid: int) -> list[Any]:
    import psutil

    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def rss_mb(pid: int) -> float:
    """RSS of a process and its children, MB (psutil; /proc when psutil is missing)."""
    try:
        import psutil
    except ImportError:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")
    total = 0
    for p in _tree(pid):
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    return total / 1e6


def cpu_s(pids: Callable[[], list[Any]]) -> float:
    """User + system CPU seconds of a set of processes (their own, not reaped children)."""
    import psutil

    total = 0.0
    for p in pids():
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            total += t.user + t.system
    return total


def browser_procs(server_pid: int) -> list[Any]:
    """This process's children other than the server: Playwright's driver and Chromium."""
    import psutil

    server = {p.pid for p in _tree(server_pid)}
    return [p for p in psutil.Process().children(recursive=True) if p.pid not in server]


# --------------------------------------------------------------------------------------------
# One browser session
# --------------------------------------------------------------------------------------------


class Meter:
    """Wall and CPU (server, browser) of one step."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid

    @contextlib.contextmanager
    def step(self, out: dict[str, float], name: str) -> Iterator[None]:
        server = lambda: _tree(self.server_pid)  # noqa: E731
        browser = lambda: browser_procs(self.server_pid)  # noqa: E731
        s0, b0, t0 = cpu_s(server), cpu_s(browser), time.perf_counter()
        yield
        out[f"{name}_s"] = time.perf_counter() - t0
        out[f"{name}_server_cpu_s"] = cpu_s(server) - s0
        out[f"{name}_browser_cpu_s"] = cpu_s(browser) - b0


def wait_chart(page) -> None:
    page.wait_for_function(CHART_DRAWN, polling=50)
    page.wait_for_selector(READY)


def first_chart(page, url: str, meter: Meter, out: dict[str, float], name: str) -> None:
    with meter.step(out, name):
        page.goto(url)
        wait_chart(page)


@contextlib.contextmanager
def fresh_page(browser, timeout_ms: float) -> Iterator[Any]:
    """A page in a new browser context (a new Streamlit session), closed afterwards."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = context.new_page()
        page.set_default_timeout(timeout_ms)
        yield page
    finally:
        context.close()


def first_visit(browser, base: str, meter: Meter, timeout_ms: float) -> dict[str, float]:
    """The first page load of a new server (it reads the timeline)."""
    out: dict[str, float] = {}
    with fresh_page(browser, timeout_ms) as page:
        first_chart(page, base + "/", meter, out, "first_chart")
    return out


def session(browser, base: str, meter: Meter, titles: Callable[[str], str],
            timeout_ms: float) -> dict[str, float]:
    """One fresh session: first chart, filter by type, zoom in (click the busiest count cell)
    until marks are drawn, click a mark to its card."""
    out: dict[str, float] = {}
    with fresh_page(browser, timeout_ms) as page:
        first_chart(page, base + "/", meter, out, "first_chart")
        traces, marks, gl, cells = page.evaluate(FIGURE_SIZE)
        out.update(traces=traces, marks=marks, gl_traces=gl, cells=cells)

        # filter: choose 'deal' in the Types multiselect -> chart with deal traces only
        types = page.get_by_test_id("stMultiSelect").filter(has_text="Types")
        types.get_by_role("combobox").click()
        option = page.get_by_role("option", name="deal", exact=True)
        option.wait_for()
        with meter.step(out, "filter"):
            option.click()
            page.wait_for_function(ONLY_TYPE, arg="deal", polling=50)
            page.wait_for_selector(READY)
        page.keyboard.press("Escape")

        # counts drawn: click the busiest cell (its window) until the marks are drawn
        zooms = []
        while (cell := page.evaluate(BUSIEST_CELL)) is not None:
            if len(zooms) == 4:
                raise RuntimeError("still counts after 4 zooms")
            x, y, first = cell
            page.mouse.move(x, y)
            step: dict[str, float] = {}
            with meter.step(step, "zoom"):
                page.mouse.click(x, y)
                page.wait_for_function("(d) => location.search.includes('from=' + d)",
                                       arg=first, polling=50)
                page.wait_for_selector(READY)
                wait_chart(page)
            zooms.append(step)
        out["zooms"] = len(zooms)
        for key in ("zoom_s", "zoom_server_cpu_s", "zoom_browser_cpu_s"):
            out[key] = zooms[0][key] if zooms else 0.0

        # click a mark -> its card
        xy = page.evaluate(MARK_XY)
        if xy is None:
            raise RuntimeError("no mark to click")
        page.mouse.move(*xy)
        with meter.step(out, "click_card"):
            page.mouse.click(*xy)
            page.wait_for_function("() => location.search.includes('event=')", polling=50)
            picked = page.evaluate(
                "() => new URLSearchParams(location.search).get('event')")
            page.get_by_role("heading", name=titles(picked), exact=True).wait_for()
            page.wait_for_selector(READY)
    return out


# --------------------------------------------------------------------------------------------
# One size
# --------------------------------------------------------------------------------------------


def _titles_for(events: int, seed: int) -> Callable[[str], str]:
    n_sources = max(1, events // 5)

    def title(event_id: str) -> str:
        i = int(event_id.rsplit("-", 1)[1])
        return make_timeline.event_data(i, seed, n_sources)["title"]

    return title


BARE_PAGE = """import plotly.io as pio
import streamlit as st

from pathlib import Path

# the chart as the timeline page asks for it: clicks and boxes select, the same modebar
st.plotly_chart(pio.from_json(Path(__file__).with_suffix(".json").read_text()),
                key="chart", on_select="rerun", selection_mode=("points", "box"),
                config=CONFIG)
"""


@contextlib.contextmanager
def bare_page(browser, path: Path, events: int, *, timeout_ms: float, logs: Path
              ) -> Iterator[Callable[[], float]]:
    """A bare Streamlit page holding the dashboard's timeline figure of ``path``, on its own
    server started the same way: yields a function that measures one fresh session's first
    chart (after one warm-up visit, like the dashboard's). The caller alternates its visits
    with the dashboard's sessions, so that the machine's load weighs on both alike."""
    from dashboard.figures import timeline_figure
    from dashboard.filters import Filters, apply
    from dashboard.frame import build

    frames = build(timeline_module.load(path))
    fig = timeline_figure(apply(frames.events, Filters()))
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "bare_page.py"
        script.write_text(f"CONFIG = {CHART_CONFIG!r}\n" + BARE_PAGE)
        script.with_suffix(".json").write_text(fig.to_json())
        with running(path, log=logs / f"streamlit-bare-{events}.log", app=script) as (
                base, proc):
            meter = Meter(proc.pid)
            first_visit(browser, base, meter, timeout_ms)
            yield lambda: first_visit(browser, base, meter, timeout_ms)["first_chart_s"]


def bench_size(browser, path: Path, events: int, *, seed: int, repeat: int, cache_root: Path,
               timeout_ms: float, logs: Path) -> dict[str, Any]:
    titles = _titles_for(events, seed)
    cache_dir = cache_root / f"events-{events}"
    shutil.rmtree(cache_dir, ignore_errors=True)
    result: dict[str, Any] = {"events": events, "file_mb": path.stat().st_size / 1e6}

    # a new server, the parse cache empty: the YAML is parsed and validated. A file under the
    # cache's size threshold is parsed on every start, so the warm case below is the same one.
    if path.stat().st_size >= timeline_module._CACHE_MIN_BYTES:
        log(f"[{events}] new server, empty parse cache")
        with streamlit_server(path, cache_dir, logs / f"streamlit-{events}-cold.log") as (
                base, pid):
            cold = first_visit(browser, base, Meter(pid), timeout_ms)
    else:
        cold = None

    # a new server, the parse cache warm; then fresh sessions on the warm server, each followed
    # (up to DETAIL_LIMIT events: the bare page holds the marks the dashboard draws) by one on
    # a bare page with the same chart
    bare_times: list[float] = []
    log(f"[{events}] new server, warm parse cache; {repeat} sessions"
        + (", each followed by one on a bare page with the same chart"
           if events <= DETAIL_LIMIT else ""))
    with contextlib.ExitStack() as stack:
        bare = (stack.enter_context(bare_page(browser, path, events, timeout_ms=timeout_ms,
                                              logs=logs))
                if events <= DETAIL_LIMIT else None)
        base, pid = stack.enter_context(
            streamlit_server(path, cache_dir, logs / f"streamlit-{events}.log"))
        meter = Meter(pid)
        warm = first_visit(browser, base, meter, timeout_ms)
        cold = cold or warm
        result["cold_first_chart_s"] = cold["first_chart_s"]
        result["cold_first_chart_server_cpu_s"] = cold["first_chart_server_cpu_s"]
        result["new_server_first_chart_s"] = warm["first_chart_s"]
        result["new_server_first_chart_server_cpu_s"] = warm["first_chart_server_cpu_s"]
        runs = []
        rss = [rss_mb(pid)]
        for i in range(repeat):
            runs.append(session(browser, base, meter, titles, timeout_ms))
            rss.append(rss_mb(pid))
            if bare is not None:
                bare_times.append(bare())
            log(f"[{events}] session {i + 1}/{repeat}: " + ", ".join(
                f"{k} {runs[-1][k]:.2f}"
                for k in ("first_chart_s", "filter_s", "zoom_s", "click_card_s"))
                + (f"; bare page first chart {bare_times[-1]:.2f}" if bare_times else ""))
        result["rss_mb"] = max(rss)
    result["runs"] = runs
    for key in runs[0]:
        result[key] = statistics.median(r[key] for r in runs)
    if bare_times:
        result["bare_first_chart_s"] = statistics.median(bare_times)
        result["bare_runs"] = bare_times
    return result


# --------------------------------------------------------------------------------------------
# Server-side profile: what one rerun spends, with the functions the views call
# --------------------------------------------------------------------------------------------


def rerun_steps(path: Path) -> list[tuple[str, Callable[[dict[str, Any]], Any]]]:
    """The work of a first visit and of a rerun, step by step, as the app does it."""
    import plotly.io
    import plotly.tools

    from dashboard import state
    from dashboard.figures import (
        DETAIL_LIMIT,
        TimelineOptions,
        density_figure,
        timeline_figure,
    )
    from dashboard.filters import Filters, apply
    from dashboard.frame import build
    from extract.timeline import load

    def streamlit_plotly_spec(fig: Any) -> str:
        # what st.plotly_chart does with a figure before sending it
        figure = plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True)
        spec = plotly.io.to_json(figure, validate=False)
        hashlib.md5(spec.encode()).hexdigest()  # the element id hashes the spec
        return spec

    def card_options(ctx: dict[str, Any]) -> list[str]:
        # the timeline page's "Event" select box: set_index + format_func per option
        shown = ctx["shown"]
        by_id = ctx["frames"].events.set_index("id", drop=False)
        ids = shown["id"].tolist() if len(shown) <= DETAIL_LIMIT else []
        return [f"{by_id.at[i, 'label']} · {by_id.at[i, 'title']}" for i in ids]

    def sidebar_and_state(ctx: dict[str, Any]) -> None:
        # seed_view_from_url/_fit_to_file, sidebar.render, make_view, sync_url and the page
        frames = ctx["frames"]
        for _ in range(2):
            state.options_of(frames)
        for _ in range(5):
            state.bounds_of(frames)

    return [
        ("load (YAML parse + validate)", lambda c: c.update(
            timeline=load(path, cache=False))),
        ("load (warm parse cache)", lambda c: load(path, cache=True)),
        ("frame build", lambda c: c.update(frames=build(c["timeline"]))),
        ("st.cache_data copy (pickle round trip)", lambda c: pickle.loads(pickle.dumps(
            state.Loaded(str(path), c["frames"]), protocol=pickle.HIGHEST_PROTOCOL))),
        ("sidebar options + bounds", sidebar_and_state),
        ("filter (default: accepted)", lambda c: c.update(
            shown=apply(c["frames"].events, Filters()))),
        ("filter (type=deal)", lambda c: apply(c["frames"].events, Filters(types=("deal",)))),
        ("figure build (counts or marks, as shown)", lambda c: c.update(
            fig=density_figure(c["shown"], options=TimelineOptions())
            if len(c["shown"]) > DETAIL_LIMIT
            else timeline_figure(c["shown"], options=TimelineOptions()))),
        ("figure -> JSON (st.plotly_chart)", lambda c: c.update(
            spec=streamlit_plotly_spec(c["fig"]))),
        ("card select box options", card_options),
    ]


def profile_size(path: Path, events: int, *, top: int = 25) -> dict[str, Any]:
    """Time every step (wall and CPU), then cProfile a warm rerun; returns the figures."""
    cache_dir = Path(tempfile.mkdtemp(prefix="arms-bench-cache-"))
    old = os.environ.get("ARMS_CACHE_DIR")
    os.environ["ARMS_CACHE_DIR"] = str(cache_dir)
    try:
        from extract.timeline import load

        load(path, cache=True)  # fill the parse cache for the warm-load step
        ctx: dict[str, Any] = {}
        steps = []
        for name, fn in rerun_steps(path):
            w0, c0 = time.perf_counter(), time.process_time()
            fn(ctx)
            steps.append({"step": name, "wall_s": time.perf_counter() - w0,
                          "cpu_s": time.process_time() - c0})
        spec_mb = len(ctx["spec"].encode()) / 1e6
        # a rerun (what a filter change or click costs on the server), profiled
        rerun = [s for s in rerun_steps(path) if not s[0].startswith(("load", "frame build"))]
        prof = cProfile.Profile()
        prof.enable()
        for _, fn in rerun:
            fn(ctx)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
        return {"events": events, "steps": steps, "figure_json_mb": spec_mb,
                "profile": buf.getvalue()}
    finally:
        if old is None:
            os.environ.pop("ARMS_CACHE_DIR", None)
        else:
            os.environ["ARMS_CACHE_DIR"] = old
        shutil.rmtree(cache_dir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------

COLUMNS = (
    ("events", "events", "{:d}"),
    ("file_mb", "MB", "{:.1f}"),
    ("cold_first_chart_s", "cold 1st s", "{:.2f}"),
    ("new_server_first_chart_s", "new srv 1st s", "{:.2f}"),
    ("first_chart_s", "1st chart s", "{:.2f}"),
    ("first_chart_server_cpu_s", "srv CPU", "{:.2f}"),
    ("first_chart_browser_cpu_s", "brw CPU", "{:.2f}"),
    ("filter_s", "filter s", "{:.2f}"),
    ("filter_server_cpu_s", "srv CPU", "{:.2f}"),
    ("filter_browser_cpu_s", "brw CPU", "{:.2f}"),
    ("zoom_s", "zoom s", "{:.2f}"),
    ("zooms", "zooms", "{:d}"),
    ("click_card_s", "click s", "{:.2f}"),
    ("click_card_server_cpu_s", "srv CPU", "{:.2f}"),
    ("click_card_browser_cpu_s", "brw CPU", "{:.2f}"),
    ("rss_mb", "RSS MB", "{:.0f}"),
    ("marks", "marks", "{:d}"),
    ("cells", "cells", "{:d}"),
    ("gl_traces", "gl", "{:d}"),
)
RATIOS = (("first_chart_s", "1st chart"), ("filter_s", "filter"), ("click_card_s", "click"),
          ("zoom_s", "zoom"),
          ("first_chart_server_cpu_s", "1st srv CPU"), ("filter_server_cpu_s", "filter srv CPU"))


def table(rows: list[dict[str, Any]]) -> str:
    head = [h for _, h, _ in COLUMNS]
    body = [[fmt.format(int(r[k]) if fmt == "{:d}" else r[k]) for k, _, fmt in COLUMNS]
            for r in rows]
    widths = [max(len(h), *(len(b[i]) for b in body)) for i, h in enumerate(head)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(b, widths, strict=True)) for b in body]
    base = rows[0]
    lines.append("")
    lines.append(f"ratios against {base['events']} events (medians; goal: <= 1.3x at 10,000, "
                 "< 2x at 50,000 for first chart and filter)")
    for r in rows:
        parts = [f"{label} {r[k] / base[k]:.2f}x" if base[k] else f"{label} -"
                 for k, label in RATIOS]
        lines.append(f"  {r['events']:>6d} events: " + ", ".join(parts))
    bare = [r for r in rows if r.get("bare_first_chart_s")]
    if bare:
        lines.append("")
        lines.append("first chart against a bare Streamlit page holding the same chart, measured "
                     "in the same run (goal: <= 1.25x)")
        for r in bare:
            lines.append(f"  {r['events']:>6d} events: dashboard {r['first_chart_s']:.2f} s, "
                         f"bare page {r['bare_first_chart_s']:.2f} s: "
                         f"{r['first_chart_s'] / r['bare_first_chart_s']:.2f}x")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {"nproc": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform()}


def profile_text(p: dict[str, Any]) -> str:
    lines = [f"server-side steps, {p['events']} events (figure JSON {p['figure_json_mb']:.1f} MB)"]
    for s in p["steps"]:
        lines.append(f"  {s['step']:<42} wall {s['wall_s']:7.3f} s   CPU {s['cpu_s']:7.3f} s")
    lines.append(f"cProfile of a rerun (no load, no frame build), {p['events']} events, "
                 "top by cumulative time:")
    lines.append(p["profile"])
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=DEFAULT_SIZES, help="events per file (%(default)s)")
    ap.add_argument("--repeat", type=int, default=3, help="browser sessions per size (median)")
    ap.add_argument("--json", type=Path, help="write every figure to this file")
    ap.add_argument("--seed", type=int, default=make_timeline.DEFAULT_SEED)
    ap.add_argument("--timelines", type=Path, default=make_timeline.DEFAULT_OUT,
                    help="where generated files go (%(default)s)")
    ap.add_argument("--cache-dir", type=Path, default=OUT / "parse-cache",
                    help="ARMS_CACHE_DIR for the servers (emptied per size)")
    ap.add_argument("--profile", default="", metavar="SIZES",
                    help="also profile the server-side work for these sizes, e.g. 10000,50000")
    ap.add_argument("--timeout", type=float, default=300, help="per-step timeout, seconds")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    command = " ".join([Path(sys.executable).name, "bench/dashboard_bench.py",
                        *(sys.argv[1:] if argv is None else argv)])
    before = machine()
    logs = OUT / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    paths = {}
    for n in sizes:
        log(f"[{n}] timeline file")
        paths[n] = make_timeline.write_timeline(args.timelines, n, seed=args.seed)

    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for n in sizes:
                rows.append(bench_size(browser, paths[n], n, seed=args.seed,
                                       repeat=args.repeat, cache_root=args.cache_dir,
                                       timeout_ms=args.timeout * 1000, logs=logs))
        finally:
            browser.close()
    profiles = []
    for n in (int(s) for s in args.profile.split(",") if s.strip()):
        log(f"[{n}] profiling the server-side work")
        path = paths.get(n) or make_timeline.write_timeline(args.timelines, n, seed=args.seed)
        profiles.append(profile_size(path, n))
    after = machine()

    print(f"command: {command}")
    print(f"machine: nproc {before['nproc']}, load average {before['loadavg']} before, "
          f"{after['loadavg']} after; Python {before['python']}; {before['platform']}")
    print(f"medians of {args.repeat} sessions; 'cold 1st' and 'new srv 1st' are single visits "
          "to a new server (empty / warm parse cache); CPU columns are seconds of the "
          "streamlit server (srv) and of Playwright+Chromium (brw) during the step")
    print(table(rows))
    for prof in profiles:
        print()
        print(profile_text(prof))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"command": command, "machine_before": before,
                                         "machine_after": after, "results": rows,
                                         "profiles": profiles}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
