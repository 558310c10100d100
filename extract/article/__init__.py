"""Read news articles (plain text, Markdown or saved HTML) into clean ``Article`` objects.

An :class:`Article` holds the decoded text, the metadata found in it (title, author,
publisher, publication date, URL, language) and its paragraphs, each marked as article
body or as page furniture, with exact character offsets: for every paragraph and sentence
``article.text[x.start:x.end] == x.text``.  Evidence quotes are copied from these sentences.

Rules (the decisions a reviewer needs to know)
==============================================

Decoding (:func:`decode_bytes`)
    Refused with :class:`ArticleError`: empty files ("file is empty"), whitespace-only files
    ("file is blank (whitespace only)"), binary files recognised by magic number (PDF, PNG,
    ZIP/Office, GIF, JPEG, gzip, OLE, ELF) or containing NUL bytes (outside UTF-16), and text
    that decodes into many control characters.  Order: byte-order marks (UTF-8-SIG, UTF-32,
    UTF-16 LE/BE), BOM-less UTF-16 (NUL bytes in every other position), strict UTF-8, then
    charset-normalizer; when charset-normalizer proposes a single-byte Latin code page and
    the bytes are valid cp1252, cp1252 is used (the corpus is English: curly quotes in
    0x91-0x94 are cp1252 whatever the detector guesses); cp1252 is the last resort.
    Newlines are normalised to ``\\n`` (``\\r\\n`` and lone ``\\r``) and a BOM character is
    dropped; nothing else is changed, so ``Article.text`` is the file's text for .txt/.md.

What ``Article.text`` holds
    * .txt / .md: the whole decoded file (newlines normalised), furniture included.
    * .html: the article text extracted by trafilatura (``favor_precision``, no comments,
      no tables), one paragraph per line.  Menus, sidebars and footers are *not* in it, so
      quotes are verbatim in ``Article.text`` but not necessarily in the raw HTML source.
      HTML with no extractable body raises ``ArticleError("no article text found")``.
      Nothing is ever fetched: the HTML is parsed locally into a tree first (htmldate would
      download a string that looks like a URL), the ``url`` is only read from the page.

Paragraphs
    .txt: each non-blank line is a paragraph, unless the file is hard-wrapped (several
    line breaks in the middle of a sentence: a line ending in a letter or comma followed by
    a line starting in lower case), in which case blank-line separated blocks are
    paragraphs.  .md: blank-line separated blocks; headings and list items start their own
    paragraph; a YAML front matter block is one (furniture) paragraph.  Paragraph offsets
    exclude the indentation and trailing spaces (001 is indented by 4 spaces).

Furniture (``Paragraph.furniture`` is True; ``Paragraph.kind`` says which)
    * ``header``-zone paragraphs, i.e. everything before the first body paragraph: the
      title (kind ``title``), bylines and author lines (``byline``), datelines (``dateline``),
      site chrome (``chrome``), standfirsts/subtitles (``header``).  They are not body, so
      no sentence comes from them; their information is in the metadata fields.
      The body starts at the first prose paragraph after the title: it ends with terminal
      punctuation (possibly followed by a closing quote), has >= 6 words and >= 40 chars.
    * ``chrome`` anywhere: "Newsroom logo", a lone "None", "Last update: ...", subscribe /
      follow prompts, "Leave a Reply", "Your email address will not be published...",
      "Click to view the article in ...", copyright lines, tag lines, menus ("A | B | C").
    * ``caption``: image captions ("... Baku, May 30, 2023 / President.Az", "Photo: ...",
      "... (Photo: Reuters)").  Captions are never event evidence nor a dateline.
    * ``related``: a closing heading ("Latest news", "Related Posts", "Related news &
      articles", "All news", "Most read", "Comments", "Leave a Reply", ...) makes everything
      after it furniture.  A list heading ("Read also", "Read more", "See also") makes the
      following headlines and timestamps furniture until prose resumes (a paragraph of
      >= 120 chars ending a sentence that is not directly followed by a timestamp).
      "Read also: <headline>" on one line is furniture on its own.  A lone timestamp line
      ("22 March 2023 - 15:44") after the body start is furniture, and so is the headline
      just before it.

Title
    The first paragraph among the first 15 that is not chrome, a date line, a byline or a
    caption and has >= 3 words (so "News Explained" is skipped); for .md the first ``#``
    heading; for HTML trafilatura's title.  The manifest's ``title`` overrides.

Author
    In order: "By X Y" bylines (the name stops at a date, a separator or a lower-case word),
    "Author: X", a header line after the title that is only a name ("Matanat Nasibova"),
    an author note "X Y is The Times of Israel's diplomatic reporter" (header or end).
    HTML: trafilatura's author first.  The manifest's ``author`` overrides.

Publication date (``published`` is 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; never today's date)
    Only the header zone is searched (never the body, never furniture further down, never
    captions): bylines with a date ("By Timucin Turksoy May 31, 2023"), lines that are
    essentially a date (an optional ALL-CAPS section label, weekday, time, "Published",
    "Posted on" allowed: "ANALYTICS  02 February 2023 - 13:55", "05 / 10 / 2022"), and a
    wire dateline opening the first body paragraph ("BAKU, May 31, 2023 - ...").  Text from
    "Last update", "Updated", "Modified", "Edited" onwards is ignored.  Candidates after the
    title win over candidates before it; the first one wins.  Dates are read with our own
    regexes (month names, ISO, numeric) and validated with ``datetime.date``; future dates
    are rejected.  Month + year alone gives 'YYYY-MM'.
    Numeric dates (``05 / 10 / 2022``): a part > 12 forces the order; written with points
    (``12.11.2019``) they are day-first, as the date finder reads them; otherwise day-first,
    unless the text is clearly US-style, i.e. it has more "October 4, 2022" style dates
    (month name first, with a year) than "4 October 2022" style ones, or another numeric
    date whose second part is > 12.  "October 4," without a year does not count.
    HTML: trafilatura's date (htmldate with ``original_date=True``, no extensive search),
    else htmldate directly, else the text rules on the extracted text; a date equal to
    today or in the future is dropped.  The manifest's ``published`` overrides
    (``published_from`` records the source: 'manifest', 'text', 'html-metadata').

Manifest
    :func:`load_manifest` reads a sources.yaml (``sources:`` list of mappings with a
    ``file`` key) and returns {file name: entry}; problems raise :class:`ManifestError`
    naming the file, the line/entry and what was expected.  Entry fields override detected
    ones; ``Article.detected`` keeps what the text itself said.

Article text is untrusted: it is only matched with regular expressions; it is never
evaluated, and URLs found in it are never followed.

Where things are
================

``model.py`` the Article and its errors; ``decode.py`` bytes to text; ``paragraphs.py``
paragraph spans; ``furniture.py`` the tests that tell furniture and header lines from article
text; ``published.py`` the date forms of a header; ``analyze.py`` title, body start, author and
date from the paragraphs; ``sentences.py`` sentence splitting; ``html_page.py`` saved web
pages; ``manifest.py`` sources.yaml; ``reading.py`` :func:`read_article` and
:func:`article_from_text`, which put these together.
"""

from __future__ import annotations

# The private names are for tests. A test that patches a name patches the module that uses it
# (``extract.article.analyze``, ...), not this package.
from extract.article.decode import decode_bytes
from extract.article.furniture import _RE_CAPTION as _RE_CAPTION
from extract.article.furniture import _RE_CHROME as _RE_CHROME
from extract.article.furniture import _RE_CHROME_LOGO as _RE_CHROME_LOGO
from extract.article.furniture import _RE_CHROME_RIGHTS as _RE_CHROME_RIGHTS
from extract.article.furniture import _RE_MENU as _RE_MENU
from extract.article.furniture import _RE_TERMINAL_END as _RE_TERMINAL_END
from extract.article.furniture import _caption as _caption
from extract.article.furniture import _chrome as _chrome
from extract.article.furniture import _terminal_end as _terminal_end
from extract.article.furniture import _timestamp_only as _timestamp_only
from extract.article.manifest import load_manifest
from extract.article.model import Article, ArticleError, ManifestError, Paragraph, Sentence
from extract.article.paragraphs import _segment as _segment
from extract.article.paragraphs import _txt_lines as _txt_lines
from extract.article.published import _RE_TIME as _RE_TIME
from extract.article.published import _WEEKDAY as _WEEKDAY
from extract.article.published import _find_date as _find_date
from extract.article.published import _is_us_style as _is_us_style
from extract.article.published import normalize_published as normalize_published
from extract.article.reading import MAX_BYTES as MAX_BYTES
from extract.article.reading import article_from_text, read_article
from extract.article.sentences import split_sentences

__all__ = [
    "Article",
    "ArticleError",
    "ManifestError",
    "Paragraph",
    "Sentence",
    "article_from_text",
    "decode_bytes",
    "load_manifest",
    "read_article",
    "split_sentences",
]
