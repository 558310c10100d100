"""Smoke test of the extractor benchmark: the generator writes readable articles, and the bench
runs end to end on a handful of them. Figures are not checked (speed is not a test)."""

from __future__ import annotations

from extract.article import load_manifest, read_article
from extract.scan import scan
from tests.bench_modules import load

make_corpus = load("make_corpus")
extract_bench = load("extract_bench")


def test_make_corpus_writes_readable_articles_with_events(tmp_path):
    index = make_corpus.make_corpus(tmp_path, articles=5)
    files = sorted(tmp_path.glob("gen_*.txt"))
    assert [f.name for f in files] == sorted(index["files"])
    manifest = load_manifest(tmp_path / "sources.yaml")
    for f in files:
        article = read_article(f, manifest=manifest[f.name])
        assert article.body(), f.name
        assert article.published == index["files"][f.name]  # the byline's date is found
    result = scan([tmp_path], manifest=manifest)
    assert result.failures == []
    assert result.files == 5
    assert len(result.timeline.events) > 5


def test_make_corpus_is_deterministic(tmp_path):
    make_corpus.make_corpus(tmp_path / "a", articles=3)
    make_corpus.make_corpus(tmp_path / "b", articles=3)
    for f in sorted((tmp_path / "a").iterdir()):
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


def test_bench_main_prints_a_table(tmp_path, capsys):
    out_json = tmp_path / "figures.json"
    code = extract_bench.main(["--articles", "5", "--skip-naive", "--profile", "5",
                               "--corpus-dir", str(tmp_path / "corpus"),
                               "--json", str(out_json)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "machine: nproc" in printed
    assert "command: python bench/extract_bench.py --articles 5 --skip-naive" in printed
    for row in ("scan 1 worker", "pipeline 1 worker", "find_dates 1 worker"):
        assert row in printed
    assert out_json.is_file()


def test_dates_compare_finds_a_changed_output(tmp_path, monkeypatch, capsys):
    # the refactor check: a record checked against the same code is identical; a record whose
    # output differs is named, with exit status 1
    dates_compare = load("dates_compare")
    monkeypatch.setattr(dates_compare, "SHARED", tmp_path / "no-shared")  # generated only
    record = tmp_path / "before.jsonl"
    args = ["--articles", "3", "--corpus-dir", str(tmp_path / "corpus")]
    assert dates_compare.main(["--write", str(record), *args]) == 0
    assert dates_compare.main(["--check", str(record), "--repeat", "1", *args]) == 0
    out = capsys.readouterr().out
    assert "3 of 3 texts byte-identical; 0 differ" in out
    assert "find_dates on all of them: best" in out
    lines = record.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"mentions": [', '"mentions": [{"value": "1999"}, ', 1)
    record.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert dates_compare.main(["--check", str(record), *args]) == 1
    out = capsys.readouterr().out
    assert "differs: generated/" in out and "2 of 3 texts byte-identical; 1 differ" in out


def test_real_text_bench_prints_its_table(monkeypatch, capsys):
    bench = load("real_text_bench")
    from extract.article import article_from_text

    text = "Azerbaijan bought Israeli drones in 2016. Israel delivered them on May 3, 2017."
    docs = [("a", lambda: article_from_text(text, file="a.txt"), text, "2018-01-01")] * 2
    monkeypatch.setattr(bench, "texts", lambda: docs)
    assert bench.main(["--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "| full pipeline |" in out and "| naive search_dates |" in out and "x |" in out
    monkeypatch.setattr(bench, "texts", lambda: [])
    assert bench.main(["--repeat", "1"]) == 2


def test_archive_bench_prints_its_table(capsys):
    bench = load("archive_bench")
    assert bench.main(["--articles", "20", "--skip-dask", "--grow", "1500"]) == 0
    out = capsys.readouterr().out
    assert "| processes, 2 workers |" in out and "the same folder again" in out
    assert "inserted per second" in out and "Review queries at" in out
    assert "grown to 1,5" in out and "Review page's first run (AppTest, best of 3)" in out
