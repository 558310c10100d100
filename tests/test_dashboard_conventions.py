"""House rules of the dashboard, checked: import direction, where Streamlit lives, no HTML."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DASHBOARD = ROOT / "dashboard"
SOURCES = sorted(DASHBOARD.rglob("*.py"))
PURE = ["filters.py", "figures.py", "labels.py", "export.py", "frame.py", "text.py", "data.py",
        "provenance.py", "review.py", "chromium.py", "picture.py", "pack.py", "deck.py", "pdf.py",
        "outputs.py", "cli.py"]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_dashboard_imports_only_the_contract_from_extract(path):
    from_extract = {m for m in imports(path) if m == "extract" or m.startswith("extract.")}
    modules = {m for m in from_extract if m in ("extract", "extract.timeline")}
    assert modules <= {"extract.timeline"}, f"{path.name} imports {sorted(from_extract)}"
    names = {m for m in from_extract if m.startswith("extract.timeline.")} | {
        m for m in from_extract if m not in ("extract", "extract.timeline")
        and not m.startswith("extract.timeline")}
    assert all(m.startswith("extract.timeline") for m in names), sorted(names)


def test_extract_never_imports_the_dashboard():
    for path in (ROOT / "extract").rglob("*.py"):
        assert not any(m.split(".")[0] == "dashboard" for m in imports(path)), path


@pytest.mark.parametrize("name", PURE)
def test_pure_modules_do_not_import_streamlit(name):
    assert not any(m.split(".")[0] == "streamlit" for m in imports(DASHBOARD / name))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_html_rendering(path):
    text = path.read_text()
    forbidden = ["unsafe_allow_html", "st.html", "components.html", "components.v1"]
    if path.relative_to(DASHBOARD).as_posix() == "views/present.py":
        # presenter mode hides Streamlit's chrome with constant CSS of its own; that every
        # st.html call there takes a module-level constant is checked in
        # tests/test_dashboard_present.py
        forbidden.remove("st.html")
    for word in forbidden:
        assert word not in text, f"{path.name} uses {word}"
    # Material icons are fetched from a font CDN: nothing may leave the machine
    assert ":material/" not in text


def test_only_the_glue_module_caches():
    for path in SOURCES:
        if path.name != "state.py":
            assert "cache_data" not in path.read_text() and "cache_resource" not in \
                path.read_text(), path


def test_no_legacy_pages_folder():
    assert not (DASHBOARD / "pages").exists()


def test_usage_stats_are_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["browser"]["gatherUsageStats"] is False


# A number written straight before a counted noun ('{n} events') reads '1 events' for one;
# labels.counted words it.
_BARE_COUNT = re.compile(r"\{[^{}]*\}[ ]+(events|sources|quotes|publishers|candidates|articles"
                         r"|marks)\b")


def test_counts_are_worded_with_counted():
    found: dict[str, int] = {}
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if _BARE_COUNT.search(line):
                name = str(path.relative_to(DASHBOARD))
                found[name] = found.get(name, 0) + 1
    assert not found, f"'{{n}} events' reads '1 events' for one: use labels.counted: {found}"
