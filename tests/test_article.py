"""Tests for extract.article: decoding, refusals, metadata, furniture, sentences, manifest."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import article as _art
from extract.article import (
    Article,
    ArticleError,
    ManifestError,
    article_from_text,
    decode_bytes,
    load_manifest,
    read_article,
    split_sentences,
)
from extract.article import analyze as _analyze_module
from extract.article import paragraphs as _paragraphs

FIX = Path(__file__).parent / "fixtures" / "articles"
CORPUS = Path(os.environ.get("ARMS_CORPUS") or Path(__file__).parents[2] / "shared" / "corpus")
needs_corpus = pytest.mark.skipif(
    not (CORPUS / "sources.yaml").is_file(),
    reason=f"seed corpus not found at {CORPUS} (set ARMS_CORPUS)",
)
C000 = "000_d12d6f3a060827aa.txt"
C001 = "001_8945a2aac426fe69.txt"
C002 = "002_d740cc9e966d1cc9.txt"
C003 = "003_2e6d30677b7acee7.txt"
C004 = "004_3fada3fd9b8c8078.txt"


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Nothing in this module may open a network connection."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def assert_offsets(a: Article) -> None:
    for p in a.paragraphs:
        assert a.text[p.start : p.end] == p.text
        assert p.text == p.text.strip() and p.text
    starts = [p.start for p in a.paragraphs]
    assert starts == sorted(starts)
    for s in a.sentences():
        assert a.text[s.start : s.end] == s.text
        para = a.paragraphs[s.paragraph]
        assert not para.furniture
        assert para.start <= s.start < s.end <= para.end


# ----------------------------------------------------------------------------- decoding

CP1252_TEXT = "Caf\u00e9 \u201cquotes\u201d \u2013 Israel\u2019s deal.\n"


@pytest.mark.parametrize(
    "data, encoding, expected",
    [
        (b"Plain ASCII article text.\n", "utf-8", "Plain ASCII article text.\n"),
        ("Israel\u2019s drones\n".encode(), "utf-8", "Israel\u2019s drones\n"),
        ("\ufeffWith UTF-8 BOM\n".encode(), "utf-8-sig", "With UTF-8 BOM\n"),
        (
            "UTF-16 LE \u201cBOM\u201d\n".encode("utf-16-le").join([b"\xff\xfe", b""]),
            "utf-16-le",
            "UTF-16 LE \u201cBOM\u201d\n",
        ),
        (b"\xfe\xff" + "UTF-16 BE text\n".encode("utf-16-be"), "utf-16-be", "UTF-16 BE text\n"),
        # no BOM, but NULs in every odd byte: BOM-less UTF-16 LE, not binary
        ("No BOM UTF-16 text\n".encode("utf-16-le"), "utf-16-le", "No BOM UTF-16 text\n"),
        # charset-normalizer says cp1250 here; cp1252 is preferred for Latin single-byte guesses
        (CP1252_TEXT.encode("cp1252"), "cp1252", CP1252_TEXT),
        (b"Windows\r\nline\r\nends\r\n", "utf-8", "Windows\nline\nends\n"),  # CRLF -> LF
        (b"Old Mac\rline ends\r", "utf-8", "Old Mac\nline ends\n"),  # lone CR -> LF
    ],
    ids=[
        "ascii",
        "utf8",
        "utf8-sig",
        "utf16le-bom",
        "utf16be-bom",
        "utf16le-nobom",
        "cp1252",
        "crlf",
        "cr",
    ],
)
def test_decode_bytes(data, encoding, expected):
    text, enc = decode_bytes(data, "x.txt")
    assert (text, enc) == (expected, encoding)


@pytest.mark.parametrize(
    "name, encoding, snippet",
    [
        ("utf16_bom.txt", "utf-16-le", "The \u201cGreen Pine\u201d radar"),
        ("cp1252_quotes.txt", "cp1252", "\u201ca milestone\u201d \u2013 and Israel\u2019s envoy"),
        ("byline_readalso.txt", "utf-8", "Dr. Avi Levin"),
    ],
    ids=["utf16-bom-file", "cp1252-file", "utf8-file"],
)
def test_read_encodings(name, encoding, snippet):
    a = read_article(FIX / name)
    assert a.encoding == encoding
    assert snippet in a.text
    assert_offsets(a)


# ----------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    "name, reason",
    [
        ("empty.txt", "file is empty"),
        ("blank.txt", "file is blank (whitespace only)"),
        ("fake.pdf", "binary file (PDF), not an article"),
        # invalid UTF-8 full of control bytes: neither charset-normalizer nor cp1252 accept it
        ("binaryish.txt", "cannot decode text (tried utf-8, utf-16, charset-normalizer, cp1252)"),
        ("nobody.html", "no article text found (only page furniture)"),
        ("missing.txt", "file not found"),
    ],
    ids=["empty", "blank", "pdf", "invalid-binaryish", "html-no-body", "missing"],
)
def test_refusal_files(name, reason):
    path = FIX / name
    with pytest.raises(ArticleError) as ei:
        read_article(path)
    e = ei.value
    assert e.reason == reason
    assert e.path == path
    assert str(e) == f"{path}: {reason}"
    assert "\n" not in str(e)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG), not an article"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (ZIP/Office document), not an article"),
        (b"\n\n%PDF-1.7\n", "binary file (PDF), not an article"),  # PDF header not at byte 0
        (
            b"some text\x00\x01\x02 with NUL bytes",
            "binary file (contains NUL bytes), not an article",
        ),
        (
            b"\xff\xfe" + b"\x00\xd8",
            "cannot decode text as utf-16-le despite its byte-order mark (unexpected end of data)",
        ),
        ("\u00a0\u2003\n\t".encode(), "file is blank (whitespace only)"),  # Unicode spaces only
        (
            b"text\x01\x02\x03\x04\x05\x06\x07\x08 more",
            "binary data (control characters after decoding as utf-8), not an article",
        ),
    ],
    ids=["png", "zip", "pdf-late-header", "nul", "bad-utf16", "unicode-blank", "control-chars"],
)
def test_refusal_bytes(tmp_path, data, reason):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    with pytest.raises(ArticleError) as ei:
        read_article(path)
    assert ei.value.reason == reason
    assert str(ei.value) == f"{path}: {reason}"


def test_directory_refused(tmp_path):
    with pytest.raises(ArticleError, match="is a directory"):
        read_article(tmp_path)


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "text is empty"),
        ("  \n ", "text is blank (whitespace only)"),
        ("a\x00b", "binary data (control characters), not an article"),
    ],
    ids=["empty", "blank", "nul"],
)
def test_article_from_text_refusals(text, reason):
    with pytest.raises(ArticleError) as ei:
        article_from_text(text, file="pasted.txt")
    assert str(ei.value) == f"pasted.txt: {reason}"


# ----------------------------------------------------------------------------- metadata on fixtures


@pytest.mark.parametrize(
    "name, title, author, published, published_text",
    [
        # menu line + "... logo" skipped; date read from the "By X | date - time" byline
        (
            "byline_readalso.txt",
            "Haifa shipyard to deliver patrol boats to the Caspian",
            "Jane Q. Smith",
            "2023-03-14",
            "14 March 2023",
        ),
        # day-first numeric (no part > 12, no US-style dates in the text): 7 November
        (
            "dayfirst.txt",
            "Border guards receive Israeli surveillance radars",
            None,
            "2022-11-07",
            "07 / 11 / 2022",
        ),
        # the text writes "October 4, 2022": US-style, so 10/05/2022 is 5 October
        (
            "usstyle.txt",
            "Drone deal signed in Washington",
            "Mark T. Rivers",
            "2022-10-05",
            "10/05/2022",
        ),
        # only a "Last update" stamp and dates inside sentences: no publication date
        ("last_update_only.txt", "Air defence talks continue in Baku", None, None, None),
        # the caption has a date ("December 10, 2020 / Defence.Az") but is not a dateline;
        # author from the "X is a staff writer" note
        (
            "caption_and_author_note.txt",
            "Israeli-made drones on display at the Baku parade",
            "Dana Cohen",
            None,
            None,
        ),
        (
            "article.md",
            "Missile-boat contract signed in Tel Aviv",
            "Rafael Ortiz",
            "2023-03-03",
            "3 March 2023",
        ),
        ("utf16_bom.txt", "Radar deal signed", "Omar Haddad", "2023-06-09", "9 June 2023"),
        ("cp1252_quotes.txt", "Caf\u00e9 diplomacy in Baku", "Anna Kowalski", None, None),
        # HTML: metadata from trafilatura (og/meta), the date words from the <time> element
        (
            "page.html",
            "Loitering munitions arrive in Ganja",
            "Leyla Aliyeva",
            "2023-04-12",
            "12 April 2023",
        ),
    ],
    ids=[
        "byline-readalso",
        "dayfirst",
        "usstyle",
        "last-update-only",
        "caption-author-note",
        "markdown",
        "utf16",
        "cp1252",
        "html",
    ],
)
def test_fixture_metadata(name, title, author, published, published_text):
    a = read_article(FIX / name)
    assert (a.title, a.author, a.published, a.published_text) == (
        title,
        author,
        published,
        published_text,
    )
    assert a.file == name
    assert_offsets(a)


def test_html_details():
    a = read_article(FIX / "page.html")
    assert a.fmt == "html"
    assert a.publisher == "Caspian Defence Review"
    assert a.url == "https://example.org/news/loitering-munitions-ganja"
    assert a.published_from == "html-metadata"
    body = " ".join(p.text for p in a.body())
    assert "loitering munitions arrived at an airbase near Ganja" in body
    # nav, sidebar and footer are not in the extracted text
    for chrome in ("Parliament approves budget", "All rights reserved", "Subscribe", "Privacy"):
        assert chrome not in a.text
    assert any(s.text.startswith("Maj. Gen. (Res.) Yossi Kahana") for s in a.sentences())


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><article><p>"
        + "Israel delivered radars to Baku, officials said. " * 6
        + "</p></article></body></html>",
        # a page whose only date is a copyright year in the footer
        "<html><body><article><p>"
        + "Israel delivered radars to Baku, officials said. " * 6
        + "</p></article><footer>\u00a9 2024 Example News</footer></body></html>",
    ],
    ids=["no-date", "copyright-year-only"],
)
def test_html_without_date_is_none_not_today(html):
    a = article_from_text(html, fmt="html")
    assert a.published is None and a.published_from is None


def test_html_url_only_is_not_fetched():
    # htmldate would download a string that looks like a URL: we never hand it one
    with pytest.raises(ArticleError, match="no article text found"):
        article_from_text("https://example.org/article", fmt="html")


T = "Title of the article here\n\n"
B = "\n\nBody sentence about the radar contract was signed."


# fmt: off
@pytest.mark.parametrize(
    "text, published, published_text",
    [
        (T + "13/05/2022" + B, "2022-05-13", "13/05/2022"),  # first part > 12: day-first
        (T + "05/13/2022" + B, "2022-05-13", "05/13/2022"),  # second part > 12: month-first
        (T + "05.10.2022" + B, "2022-10-05", "05.10.2022"),  # ambiguous: day-first by default
        # "October 4," without a year is not evidence of US style (as in 002)
        (T + "05 / 10 / 2022\n\nOn October 4, the minister met.", "2022-10-05", "05 / 10 / 2022"),
        (T + "Published: 2021-07-09 10:00" + B, "2021-07-09", "2021-07-09"),
        # reduced precision; the "Updated" part is ignored
        (T + "Published May 2021 | Updated June 3, 2023" + B, "2021-05", "May 2021"),
        (T + "Thursday, 1st June 2023, 10:15 GMT" + B, "2023-06-01", "1st June 2023"),
        # wire dateline opening the first body paragraph
        (T + "BAKU, May 31, 2023 (Reuters) - Israel sold drones.", "2023-05-31", "May 31, 2023"),
        (T + "31/02/2022" + B, None, None),  # not a real date
        (T + "01/01/2999" + B, None, None),  # future dates are refused
        # dates inside body sentences are events, not the publication date
        (T + "Body sentence: the contract was signed on 4 May 2021 in Baku.", None, None),
    ],
    ids=["day>12", "month-first-forced", "dots-dayfirst", "002-like", "iso-published",
         "month-year-updated", "weekday-ordinal-gmt", "wire-dateline", "invalid", "future",
         "body-date"],
)
# fmt: on
def test_published_rules(text, published, published_text):
    a = article_from_text(text)
    assert (a.published, a.published_text) == (published, published_text)


L = "\n\nThe body sentence is long enough to count."


# fmt: off
@pytest.mark.parametrize(
    "text, title, author",
    [
        ("Newsroom logo\n\nNone\n\nNews Explained\n\nThe real headline of the story" + L,
         "The real headline of the story", None),  # chrome lines before the title
        ("Home | News\n\nHeadline after a menu\n\nWritten by Ann-Marie O\u2019Neil, Baku" + L,
         "Headline after a menu", "Ann-Marie O\u2019Neil"),
        ("A headline for the story\n\nBy Ali bin Hamad and Dana Levi on 3 March 2023" + L,
         "A headline for the story", "Ali bin Hamad and Dana Levi"),
        # no title line: the text starts with prose
        ("Israel sold drones in 2016, the report said. It sold radars. And missiles, it said.",
         None, None),
        # "By the ..." is a sentence, not a byline; a lone prose paragraph is body, not title
        ("By the way, this is not a byline at all but a sentence of the body text.", None, None),
    ],
    ids=["chrome-before-title", "menu-written-by", "by-two-names", "prose-start", "by-the-way"],
)
# fmt: on
def test_title_author_rules(text, title, author):
    a = article_from_text(text)
    assert (a.title, a.author) == (title, author)
    assert a.body()
    assert_offsets(a)


def test_markdown_front_matter():
    md = (
        "---\ntitle: Front matter title\nauthor: Jo Bloggs\ndate: 2021-06-01\n---\n\n"
        "Some body paragraph about the delivery of drones here.\n"
    )
    a = article_from_text(md, fmt="md")
    assert (a.title, a.author, a.published) == ("Front matter title", "Jo Bloggs", "2021-06-01")
    assert a.paragraphs[0].kind == "front-matter" and a.paragraphs[0].furniture
    assert [p.text for p in a.body()] == ["Some body paragraph about the delivery of drones here."]


def test_hard_wrapped_txt_joins_lines():
    text = (
        "Wrapped story headline here\n\nThe ministry said on Monday that the first\n"
        "batch of radars had arrived, and that the\nsecond batch would follow in spring.\n"
    )
    a = article_from_text(text)
    assert len(a.body()) == 1
    assert a.body()[0].text.endswith("would follow in spring.")
    assert_offsets(a)


# ----------------------------------------------------------------------------- furniture


@pytest.mark.parametrize(
    "name, paragraph, furniture",
    [
        ("byline_readalso.txt", "Home | Politics | Defence | Economy", True),  # menu
        ("byline_readalso.txt", "Caucasus Monitor logo", True),
        ("byline_readalso.txt", "By Jane Q. Smith | 14 March 2023 - 09:12", True),  # byline: header
        ("byline_readalso.txt", "Read also: Caspian navies race for fast boats", True),  # inline
        # body resumes after an inline "Read also: ..." line
        ("byline_readalso.txt", "Analysts at the Institute", False),
        ("byline_readalso.txt", "Subscribe to our Telegram channel", True),
        ("byline_readalso.txt", "Coast guard receives second radar station", True),
        ("byline_readalso.txt", "13 March 2023 - 18:40", True),
        ("byline_readalso.txt", "Frigate programme delayed to 2025", True),
        ("caption_and_author_note.txt", "Soldiers march past", True),  # caption "/ Defence.Az"
        ("caption_and_author_note.txt", "Dana Cohen is a staff writer", True),
        ("caption_and_author_note.txt", "Israeli-made loitering munitions were displayed", False),
        ("article.md", "# Missile-boat contract", True),
        ("article.md", "- Caspian coast guard orders radars", True),  # list under "Read also"
        ("article.md", "- Each carries a Barak MX launcher.", False),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else None,
)
def test_fixture_furniture(name, paragraph, furniture):
    a = read_article(FIX / name)
    hits = [p for p in a.paragraphs if p.text.startswith(paragraph)]
    assert hits, f"paragraph {paragraph!r} not found"
    assert all(p.furniture is furniture for p in hits)


# ----------------------------------------------------------------------------- the seed corpus


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name, title, author, published, published_text",
    [
        # not the "Last update: March 29, 2024" stamp, not the May 30 caption
        (
            C000,
            "President Aliyev Highlights Defense Cooperation with Israel",
            "Timucin Turksoy",
            "2023-05-31",
            "May 31, 2023",
        ),
        # "ANALYTICS\xa0\xa0 02 February 2023 - 13:55"; the name line under the dateline
        (
            C001,
            "Azerbaijani-Israeli military cooperation: away from prying eyes",
            "Matanat Nasibova",
            "2023-02-02",
            "02 February 2023",
        ),
        # day-first numeric with spaces; "News Explained" is chrome, not the title
        (
            C002,
            "A new level of military cooperation between Azerbaijan and Israel",
            None,
            "2022-10-05",
            "05 / 10 / 2022",
        ),
        (C003, "Azerbaijan to procure more Israeli weapon systems", "Arie Egozi", None, None),
        # author from "Lazar Berman is The Times of Israel's diplomatic reporter"
        (
            C004,
            "In Baku, Azerbaijan\u2019s president thanks Herzog for Israeli arms supply",
            "Lazar Berman",
            None,
            None,
        ),
    ],
    ids=["000", "001", "002", "003", "004"],
)
def test_corpus_detection(name, title, author, published, published_text):
    a = read_article(CORPUS / name)
    assert (a.title, a.author, a.published, a.published_text) == (
        title,
        author,
        published,
        published_text,
    )
    assert a.body()
    assert_offsets(a)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name, publisher, published, published_from",
    [
        (C000, "Caspian News", "2023-05-31", "text"),
        (C001, "Caliber.Az", "2023-02-02", "text"),
        (C002, "Hayaliq", "2022-10-05", "text"),
        (C003, "defence-industry.eu", "2022-10", "manifest"),  # reduced precision
        (C004, "The Times of Israel", "2023-05-30", "manifest"),
    ],
    ids=["000", "001", "002", "003", "004"],
)
def test_corpus_with_manifest(name, publisher, published, published_from):
    manifest = load_manifest(CORPUS / "sources.yaml")
    a = read_article(CORPUS / name, manifest=manifest[name])
    assert (a.publisher, a.published, a.published_from) == (publisher, published, published_from)
    assert a.language == "en"
    # passing the whole manifest works as well
    assert read_article(CORPUS / name, manifest=manifest).published == published


@needs_corpus
@pytest.mark.corpus
def test_corpus_001_furniture():
    a = read_article(CORPUS / C001)
    texts = [p.text for p in a.paragraphs]
    read_also = texts.index("Read also")
    assert all(p.furniture for p in a.paragraphs[read_also:])
    # every "Latest news" headline and timestamp is furniture
    latest = texts.index("Latest news")
    assert latest > read_also and len(texts) - latest > 90
    for headline in (
        "Zelenskyy inspects Ukrainian positions near Bakhmut",
        "Israeli president congratulates Muslim leaders on Ramadan",
        "22 March 2023 - 15:44",
        "All news",
    ):
        assert all(p.furniture for p in a.paragraphs if p.text == headline)
    body = a.body()
    assert len(body) == 9
    assert body[0].text.startswith("The special strategic relationship")
    assert body[-1].text.endswith("summarised Yuri Bocharov.")
    # 001 is indented by 4 spaces: offsets exclude the indentation
    assert a.text[body[0].start - 4 : body[0].start] == "    "
    assert not any("March 2023" in s.text for s in a.sentences())


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name, paragraph",
    [
        (C000, "Last update: March 29, 2024 01:04"),
        (C000, "Newsroom logo"),
        (C000, "None"),
        (C000, "By Timucin Turksoy May 31, 2023"),
        (C000, "Israeli President Isaac Herzog and his Azerbaijani counterpart"),  # caption
        (C001, "Expert Yury Bocharov talks to Caliber.Az"),
        (C001, "Subscribe to our Telegram channel"),
        (C002, "News Explained"),
        (C002, "05 / 10 / 2022"),
        (C002, "Click to view the article in Armenian."),
        (C002, "Related Posts"),
        (C002, "Leave a Reply"),
        (C002, "Your email address will not be published."),
        (C003, "Related news & articles"),
        (C003, "Latest news"),
        (C004, "Lazar Berman is The Times of Israel's diplomatic reporter"),
    ],
    ids=lambda v: v[:3] if v.startswith("00") else v[:28],
)
def test_corpus_furniture(name, paragraph):
    a = read_article(CORPUS / name)
    hits = [p for p in a.paragraphs if p.text.startswith(paragraph)]
    assert hits and all(p.furniture for p in hits)
    assert not any(p.text.startswith(paragraph) for p in a.body())


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "name, sentence",
    [
        (
            C003,
            "Minister Gantz was joined by the MOD Director General Maj. Gen. (Res.) Amir Eshel, "
            "Director of the Policy and POL-MIL Bureau Dror Shalom, and Military Secretary "
            "Brig. Gen. Yaki Dolf.",
        ),
        (
            C003,
            "The visit of Defence Minister Benny Gantz that became public only on Sep. 3 after "
            "he returned to Israel was according to the Israeli ministry of defence \u00a0dedicated"
            " "
            "to security and policy issues, and aimed at fostering defence cooperation between "
            "the countries.",
        ),
        (
            C002,
            "In turn, B. Gantz emphasized the importance of further development of bilateral "
            "military cooperation.",
        ),
        (
            C004,
            "In his public remarks after the meeting, Herzog said the two spoke in depth about "
            "\u201cthe entire global and regional security structure that is endangered and "
            "threatened by Iran.\u201d",
        ),
    ],
    ids=["003-maj-gen-res", "003-sep-3", "002-b-gantz", "004-quote-end"],
)
def test_corpus_sentences(name, sentence):
    a = read_article(CORPUS / name)
    assert sentence in [s.text for s in a.sentences()]
    raw = (CORPUS / name).read_text(encoding="utf-8")
    assert sentence in raw  # evidence quotes are verbatim in the file


# ----------------------------------------------------------------------------- sentences


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Maj. Gen. (Res.) Amir Eshel came. He left.",
            ["Maj. Gen. (Res.) Amir Eshel came.", "He left."],
        ),
        (
            "It became public on Sep. 3 after he returned.",
            ["It became public on Sep. 3 after he returned."],
        ),
        (
            "Military Secretary Brig. Gen. Yaki Dolf. Then more.",
            ["Military Secretary Brig. Gen. Yaki Dolf.", "Then more."],
        ),
        (
            "In turn, B. Gantz spoke. Aliyev listened.",
            ["In turn, B. Gantz spoke.", "Aliyev listened."],
        ),
        (
            "Sold to the U.S. Army in 2020. Then Israel.",
            ["Sold to the U.S. Army in 2020.", "Then Israel."],
        ),
        # an acronym at a sentence end followed by a common sentence starter does split
        (
            "Deliveries went to the U.S. The rest stayed.",
            ["Deliveries went to the U.S.", "The rest stayed."],
        ),
        ("It cost 4.85 billion. Or $5 bn.", ["It cost 4.85 billion.", "Or $5 bn."]),
        ('He said "it was done." Then he left.', ['He said "it was done."', "Then he left."]),
        (
            "It was \u201cHatikva.\u201d The two presidents ate.",
            ["It was \u201cHatikva.\u201d", "The two presidents ate."],
        ),
        ("Really? Yes! Fine.", ["Really?", "Yes!", "Fine."]),
        (
            "Dr. Levin met Mr. Cohen. It was e.g. fine.",
            ["Dr. Levin met Mr. Cohen.", "It was e.g. fine."],
        ),
        (
            "Elbit Systems Ltd. said so. The deal grew.",
            ["Elbit Systems Ltd. said so.", "The deal grew."],
        ),
        ("lower. case does not split", ["lower. case does not split"]),
        ("First block line\n\nsecond block", ["First block line", "second block"]),  # blank line
        ("  padded.   ", ["padded."]),
        ("", []),
        # a full stop with no space after it, as scraped pages have it
        (
            "Talks were held between the U.S. and China.The Trump administration said so.",
            ["Talks were held between the U.S. and China.",
             "The Trump administration said so."],
        ),
        (
            "See pic.twitter.com/MdbMPJgFZn. He met Gen.Smith. The U.S.The end.",
            ["See pic.twitter.com/MdbMPJgFZn.", "He met Gen.Smith.", "The U.S.The end."],
        ),
    ],
    ids=[
        "maj-gen-res",
        "sep-3",
        "brig-gen",
        "initial",
        "us-army",
        "us-end",
        "decimal",
        "quote-ascii",
        "quote-curly",
        "?!",
        "dr-mr-eg",
        "ltd",
        "lowercase",
        "blank-line",
        "padding",
        "empty",
        "glued",
        "glued-not",
    ],
)
def test_split_sentences(text, expected):
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == expected


def test_split_sentences_start_offset():
    text = "One. Two."
    assert split_sentences(text, start=100) == [(100, 104), (105, 109)]


_TOKEN_PIECES = st.sampled_from(["Gen", "U.S", "B", "e.g", "it’s", "don't", "Saudi-led", "x" * 70,
                                  ".", " ", "\n", "’", "'", "-", "é", "5", "_", "\t", "—"])


@given(st.lists(st.one_of(_TOKEN_PIECES, st.text(max_size=3)), max_size=12).map("".join),
       st.integers(min_value=0, max_value=200))
@settings(max_examples=600)
def test_the_token_before_a_point_is_what_the_regex_finds(seg, end):
    # _token_before reads the token backwards; the regex it replaces tried every position of a
    # 64-character window before the point (and the whole text when the token filled it)
    from extract.article import sentences as _sent
    end = min(end, len(seg))
    lo = max(0, end - 64)
    tok_m = _sent._RE_TOKEN_END.search(seg, lo, end)
    if tok_m and lo and tok_m.start() == lo:
        tok_m = _sent._RE_TOKEN_END.search(seg, 0, end)
    assert _sent._token_before(seg, end) == (tok_m.group() if tok_m else "")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aAbZ .!?\u201d\u201c\"')(\n\t\u00a03U.S")), max_size=200)
    | st.text(max_size=200),
    st.integers(min_value=0, max_value=10_000),
)
def test_split_sentences_property(text, start):
    spans = split_sentences(text, start)
    prev_end = start
    for s, e in spans:
        assert start <= prev_end <= s < e <= start + len(text)
        chunk = text[s - start : e - start]
        assert chunk == chunk.strip() and chunk
        prev_end = e
    # nothing but whitespace is dropped
    covered = "".join(text[s - start : e - start] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=80),
        min_size=1,
        max_size=8,
    )
)
def test_article_offsets_property(lines):
    text = "\n\n".join(lines)
    if not text.strip():
        return
    a = article_from_text(text)
    assert_offsets(a)


# ----------------------------------------------------------------------------- manifest


def write(tmp_path, content: str) -> Path:
    p = tmp_path / "sources.yaml"
    p.write_text(content, encoding="utf-8")
    return p


def test_manifest_override(tmp_path):
    m = load_manifest(
        write(
            tmp_path,
            (
                "sources:\n"
                "  - file: byline_readalso.txt\n"
                "    publisher: Caucasus Monitor\n"
                "    author: Someone Else\n"
                "    published: 2023-03-13\n"
                "    language: en\n"
            ),
        )
    )
    a = read_article(FIX / "byline_readalso.txt", manifest=m["byline_readalso.txt"])
    assert (a.publisher, a.author, a.published, a.published_from) == (
        "Caucasus Monitor",
        "Someone Else",
        "2023-03-13",
        "manifest",
    )
    assert a.published_text is None  # not read from the text
    # what the text said is kept
    assert a.detected["published"] == "2023-03-14" and a.detected["author"] == "Jane Q. Smith"
    b = article_from_text(
        "Some headline for a story\n\nA body sentence that is long enough.",
        file="x.txt",
        manifest={"published": "2020", "title": "T"},
    )
    assert (b.published, b.title) == ("2020", "T")


def test_manifest_shapes(tmp_path):
    m = load_manifest(write(tmp_path, "- file: a.txt\n  published: 2022-10\n- file: b.txt\n"))
    assert m == {"a.txt": {"file": "a.txt", "published": "2022-10"}, "b.txt": {"file": "b.txt"}}


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "sources.yaml: manifest is empty; expected a mapping with a 'sources' list"),
        ("files: []\n", "sources.yaml: expected a top-level 'sources' key"),
        ("sources: 3\n", "sources.yaml: line 1: 'sources' must be a list of entries, got int"),
        (
            "sources:\n  - just-a-name.txt\n",
            "sources.yaml: line 2, entry 1: expected a mapping with a 'file' key, got str",
        ),
        (
            "sources:\n  - file: a.txt\n  - publisher: X\n",
            "line 3, entry 2: expected a 'file' key naming the article file, got None",
        ),
        (
            "sources:\n  - file: a.txt\n    published: 31/05/2023\n",
            "sources.yaml: line 3, entry 1 (a.txt): 'published' expected YYYY, YYYY-MM or",
        ),
        (
            "sources:\n  - file: a.txt\n    published: 2023-02-30\n",
            "invalid YAML (day is out of range for month)",
        ),
        (
            "sources:\n  - file: a.txt\n    publisher: 42\n",
            "line 3, entry 1 (a.txt): 'publisher' must be non-empty text, got 42",
        ),
        (
            "sources:\n  - file: a.txt\n    language: English\n",
            "line 3, entry 1 (a.txt): 'language' must be a language code like 'en', got 'English'",
        ),
        (
            "sources:\n  - file: a.txt\n  - file: a.txt\n",
            "sources.yaml: line 3, entry 2: duplicate entry for 'a.txt' (first at line 2)",
        ),
        (
            "sources:\n  - file: a.txt\n   publisher: [unclosed\n",
            "sources.yaml: line 3: invalid YAML",
        ),
    ],
    ids=[
        "empty",
        "no-sources",
        "sources-not-list",
        "entry-not-mapping",
        "no-file",
        "bad-date",
        "impossible-date",
        "publisher-not-text",
        "bad-language",
        "duplicate",
        "yaml-syntax",
    ],
)
def test_manifest_errors(tmp_path, content, message):
    p = write(tmp_path, content)
    with pytest.raises(ManifestError) as ei:
        load_manifest(p)
    assert isinstance(ei.value, ValueError)
    assert str(ei.value).startswith(str(p)) or str(p) in str(ei.value)
    assert message in str(ei.value)


def test_manifest_missing_file(tmp_path):
    with pytest.raises(ManifestError, match="cannot read manifest"):
        load_manifest(tmp_path / "nope.yaml")


@needs_corpus
@pytest.mark.corpus
def test_corpus_manifest():
    m = load_manifest(CORPUS / "sources.yaml")
    assert sorted(m) == [C000, C001, C002, C003, C004]
    assert m[C003]["published"] == "2022-10"
    assert m[C004]["published"] == "2023-05-30"  # a YAML date, normalised to text


# --------------------------------------------------------------------------- fast paths
# Furniture classification is the reader's hot loop; its quick forms must decide exactly as
# the plain rules do. Each test pins a quick form against the slow one it replaces.


_LINE_PIECES = st.sampled_from([
    "22 March 2023", "March 22, 2023", "4th of May 2021", "2023-05-01", "05/10/2022", "May 2020",
    "15:44", "10:30 am", "10:30 pm GMT", "10.30amEST", "1:11:11", "10:30 billion", "Monday",
    "mon.", "Wednesday,", "SAT", "-", "|", ",", "(", ")", "of", "th", "news", "Latest", "x",
    "ſs", "İ", "2019", "12", ".", ":", "\u00a0", "Photo: AP", "(Photo: Reuters)", "/ Az", "logo",
    "All Rights Reserved", "photo by", "Home | News", "said.", "”", "The ministry said",
])
_LINES = st.lists(_LINE_PIECES, min_size=1, max_size=10).map(" ".join)


def _timestamp_only_reference(p: str) -> bool:
    """The rule as written: a date, and nothing but times and weekdays besides it."""
    import re

    hit = _art._find_date(p)
    if not hit:
        return False
    rest = _art._RE_TIME.sub("", p[: hit.start] + p[hit.end :])
    rest = re.sub(rf"\b{_art._WEEKDAY}\b", "", rest, flags=re.I)
    return not re.search(r"[^\W\d_]{2,}", rest)


@given(_LINES)
@settings(max_examples=400)
def test_timestamp_only_quick_no_agrees_with_the_rule(line):
    # the word count bound says no to prose before any date is looked for
    assert _art._timestamp_only(line) == _timestamp_only_reference(line)


@pytest.mark.parametrize("line, expected", [
    ("22 March 2023 - 15:44", True),
    ("Wednesday, May 31, 2023 10:30 pm GMT", True),
    ("Monday Tuesday Wednesday 22 March 2023", True),  # weekdays do not count as words
    ("On 22 March 2023 the ministry said it bought drones", False),
    ("10:30 billion 22 March 2023", False),  # "bill" goes with the clock time, "ion" stays
], ids=["timestamp", "weekday-clock-zone", "weekdays", "prose", "clock-eats-half-a-word"])
def test_timestamp_only_cases(line, expected):
    assert _art._timestamp_only(line) is expected
    assert _timestamp_only_reference(line) is expected


@given(st.text(alphabet=".!?…\"'”’)]»x \n", max_size=12))
def test_terminal_end_is_the_regex(text):
    assert _art._terminal_end(text) == bool(_art._RE_TERMINAL_END.search(text))


@given(_LINES)
@settings(max_examples=300)
def test_chrome_and_caption_quick_checks_agree_with_the_patterns(line):
    import re

    p = " ".join(line.split())
    chrome = re.compile(_art._RE_CHROME.pattern + "|" + _art._RE_CHROME_LOGO.pattern + "|"
                        + _art._RE_CHROME_RIGHTS.pattern, re.I)
    expected = bool(chrome.fullmatch(p)) or bool(
        _art._RE_MENU.fullmatch(p) and not _art._RE_TERMINAL_END.search(p)
        and not re.search(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b", p)  # a dated stamp
        and all(len(part.split()) <= 3 for part in re.split(r"[|•·]", p)))
    assert _art._chrome(p) == expected
    if _art._RE_TERMINAL_END.search(p) and not re.search(r"\)\s*$", p):
        caption = bool(_art._RE_CAPTION[1].fullmatch(p))
    else:
        caption = any(rx.fullmatch(p) for rx in _art._RE_CAPTION)
    assert _art._caption(p) == caption


_TXT_LINES = st.lists(
    st.sampled_from(["", "  ", "a line that goes on,", "and ends here.", "Title Line",
                     "   indented text  ", "x", "\t", "\u00a0word\u00a0", "# not md", "lower"]),
    max_size=12,
).map("\n".join)


@given(_TXT_LINES)
@settings(max_examples=300)
def test_txt_lines_quick_path_agrees_with_the_general_rule(text):
    # _segment answers "one paragraph per line" without its general pass when the text is
    # clearly not hard-wrapped; the general pass (with the quick path off) must agree
    quick = _art._segment(text, "txt")
    saved = _paragraphs._txt_lines  # the module where _segment looks it up
    _paragraphs._txt_lines = lambda _text: None
    try:
        general = _art._segment(text, "txt")
    finally:
        _paragraphs._txt_lines = saved
    assert quick == general


def test_a_dated_press_release_stamp_and_a_dotted_date_set_the_publication_date():
    # "21/12/2023 | Press release" is a stamp, not a menu
    art = article_from_text("jumpToMain\n\n21/12/2023 | Press release\n\nRheinmetall builds the "
                            "first Lynx in Hungary\n\n" + "Rheinmetall built the first Lynx. " * 3)
    assert art.published == "2023-12-21"
    assert art.title == "Rheinmetall builds the first Lynx in Hungary"
    # points are written day first, whatever the text's other dates say
    art = article_from_text("12.11.2019\n\nBoxer contract for the British Army\n\n"
                            "The agreement expires on December 31st 2019, the ministry said. " * 2)
    assert art.published == "2019-11-12"


def test_the_store_stamp_tells_which_way_a_numeric_header_date_reads():
    # "2/11/2024 10:12:07 AM" reads both ways; the store's stamp says 11 February
    art = article_from_text(" date 2024-02-11 US   Europe   Asia\nCongress approves the F-16 "
                            "sale to Turkey\n\n2/11/2024 10:12:07 AM\n\n"
                            + "The US Congress approved the sale of F-16 jets. " * 3)
    assert art.published == "2024-02-11"
    # a stamp that is neither reading leaves the header's date as it was read
    art = article_from_text(" date 2024-03-01 US   Europe   Asia\nCongress approves the F-16 "
                            "sale to Turkey\n\n2/11/2024 10:12:07 AM\n\n"
                            + "The US Congress approved the sale of F-16 jets. " * 3)
    assert art.published == "2024-11-02"


def test_a_published_line_below_the_body_sets_the_date_when_the_header_has_none():
    art = article_from_text("Supplies of BrahMos missiles reach the Philippines\n\n"
                            + "India delivered BrahMos missiles to the Philippines. " * 3
                            + "\n\nFirst Published: Apr 21 2024 | 3:09 PM IST\n")
    assert art.published == "2024-04-21"
    # a header date wins over it
    art = article_from_text("Supplies of BrahMos missiles reach the Philippines\n\n"
                            "April 20, 2024\n\n"
                            + "India delivered BrahMos missiles to the Philippines. " * 3
                            + "\n\nFirst Published: Apr 21 2024 | 3:09 PM IST\n")
    assert art.published == "2024-04-20"


def test_a_dotted_stamp_with_a_two_digit_year_and_a_time_dates_the_article():
    art = article_from_text("Georgia received armoured vehicles from Turkey\n\n12.06.24 17:34\n\n"
                            + "Georgian forces received VURAN vehicles from Turkey. " * 3)
    assert art.published == "2024-06-12"
    # without the time, "12.06.24" is not taken for a date
    art = article_from_text("Georgia received armoured vehicles from Turkey\n\n12.06.24\n\n"
                            + "Georgian forces received VURAN vehicles from Turkey. " * 3)
    assert art.published is None


def test_a_source_and_a_day_month_year_stamp_date_the_article():
    art = article_from_text("Israel-Kazakhstan ink a cooperation accord\nDefense News 20-Jan-14\n"
                            + "Defense ministers from Israel and Kazakhstan inked an accord. " * 3)
    assert art.published == "2014-01-20"
    # more words than a source's name: not a date line
    art = article_from_text("Israel-Kazakhstan ink a cooperation accord\nRead what Defense News "
                            "wrote 20-Jan-14\n"
                            + "Defense ministers from Israel and Kazakhstan inked an accord. " * 3)
    assert art.published is None


def test_us_style_is_asked_only_for_an_ambiguous_numeric_date(monkeypatch):
    calls = []
    real = _art._is_us_style

    def counting(text):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(_analyze_module, "_is_us_style", counting)  # where _analyze asks
    article_from_text("Drones for Baku\nBy Ann Lee May 31, 2023\n\n" + "Israel sold drones. " * 3)
    assert calls == []
    art = article_from_text("Drones for Baku\n05 / 10 / 2022\n\n" + "Israel sold drones. " * 3)
    assert len(calls) == 1
    assert art.published == "2022-10-05"  # day first: no US-style dates in the text


def test_sentence_split_after_a_long_token():
    # the word before a full stop is looked for in a window; a longer one is read whole
    long_token = "U.S." * 30 + "Army"
    text = f"It was {long_token}. Then the ministry said so. Gen. Smith agreed."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        f"It was {long_token}.", "Then the ministry said so.", "Gen. Smith agreed.",
    ]


@pytest.mark.parametrize("text", [
    " date 2024-02-16 Azerbaijani President Ilham Aliyev has visited the air force's base to "
    "watch new drones fly.\n\nAzerbaijan signed a contract with Turkey for more drones in 2023.",
    "date 2024-02-16\n\nAzerbaijani President Ilham Aliyev has visited the air force's base to "
    "watch new drones fly.\n\nAzerbaijan signed a contract with Turkey for more drones in 2023.",
])
def test_a_store_stamp_is_the_publication_date_and_no_event(text):
    from extract.events import extract_events

    art = _art.article_from_text(text, file="a.txt")
    assert art.published == "2024-02-16" and art.published_from == "text"
    assert [(p.kind, p.text) for p in art.paragraphs][0] == ("stamp", "date 2024-02-16")
    assert art.paragraphs[1].kind == "body" and art.paragraphs[1].text.startswith("Azerbaijani")
    events = extract_events(art, "a")
    assert [str(e.date) for e in events] == ["2023"]  # not one on the stamp's day
    # a manifest's date still wins; a stamp later in the text is text
    art = _art.article_from_text(text, file="a.txt", manifest={"a.txt": {
        "published": "2024-02-15"}})
    assert art.published == "2024-02-15"
    later = _art.article_from_text("Drones flew.\n\ndate 2024-02-16 was the day.", file="b.txt")
    assert all(p.kind != "stamp" for p in later.paragraphs)


def test_the_article_resumes_after_a_related_articles_list():
    text = ("Drone makers meet in Ankara\n\n"
            "Turkey's Baykar delivered the first Akinci drones to Azerbaijan in 2023, the company "
            "said in a statement on Friday after the flight tests ended.\n\n"
            "Related Articles\n\nBayraktar TB3 makes international debut\n\n"
            "General Atomics unveils new combat drone\n\n"
            "The drone has not been the first Turkish-made kit Azerbaijan has received: it bought "
            "the Bayraktar TB2 in 2020 and used it during the war that autumn.\n\n"
            "Latest news\n\nThe ministry said the next batch would follow in a year's time, "
            "according to the company's chairman, who spoke at a press conference.")
    art = _art.article_from_text(text, file="a.txt")
    kinds = [(p.kind, p.text[:24]) for p in art.paragraphs]
    assert kinds == [("title", "Drone makers meet in Ank"), ("body", "Turkey's Baykar delivere"),
                     ("related", "Related Articles"), ("related", "Bayraktar TB3 makes inte"),
                     ("related", "General Atomics unveils "), ("body", "The drone has not been t"),
                     ("related", "Latest news"), ("related", "The ministry said the ne")]


def test_a_hard_wrapped_header_is_not_the_first_paragraph():
    # a hard-wrapped text (lines broken mid-sentence): its headline in capitals, agency and
    # date lines are paragraphs of their own, a short line ends a paragraph
    text = ("AZERBAIJAN SPENT $1.6 BLN ON ISRAELI ARMS IN 2011\nRIA Novosti\n27/03/2012\n"
            "Azerbaijan purchased a variety of weaponry, including aerial drones\n"
            "and an advanced anti-missile capable radar, from Israel under a $1.6\n"
            "bln contract signed in 2011, the APA news agency said on Tuesday,\n"
            "citing data provided by the Stockholm International Peace Research\n"
            "Institute (SIPRI).\n"
            "According to the SIPRI Arms Transfers Database, Baku bought an\n"
            "unknown number of Gabriel anti-ship missiles, five Heron and five\n"
            "Searcher drones and a radar.\n")
    art = _art.article_from_text(text, file="a.txt")
    assert art.title == "AZERBAIJAN SPENT $1.6 BLN ON ISRAELI ARMS IN 2011"
    assert art.published == "2012-03-27"
    kinds = [(p.kind, p.text[:20]) for p in art.paragraphs]
    assert kinds == [("title", "AZERBAIJAN SPENT $1."), ("byline", "RIA Novosti"),
                     ("dateline", "27/03/2012"), ("body", "Azerbaijan purchased"),
                     ("body", "According to the SIP")]
