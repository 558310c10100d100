"""The SIPRI Arms Transfers Database trade register, read: :func:`read_register` for both
CSV layouts SIPRI publishes, and :class:`NameMap`, SIPRI's country and weapon names in the
gazetteers' canonical names (``Turkiye`` is Turkey, ``Barak-MX Land`` is Barak-8).

The two layouts:

* the **ID layout** (the ``trade-register-csv`` export): title and note lines, then a header
  starting ``SIPRI AT Database ID``, then one row per deal **per delivery year**, with
  ``... is estimate`` columns (``Yes``/``No``);
* the **older layout** (the web form's download): title lines, then a header starting
  ``Recipient,Supplier,Year of order``; one row per deal, no ID, a ``?`` in the unnamed column
  after a value marking it uncertain, the delivery years a list (``2016; 2017; 2018``).

The register is untrusted text: it is read with the standard ``csv`` module, every cell
checked, nothing evaluated. A bad file raises :class:`RegisterError` naming the file, the line
and the column, and what was expected.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from extract.timeline.display import _show, visible
from extract.timeline.model import text_digest

DATA = Path(__file__).resolve().parent.parent / "data"
SIPRI_URL = "https://www.sipri.org/databases/armstransfers"

ID_HEADER = "SIPRI AT Database ID"
LEGACY_HEADER = ("Recipient", "Supplier", "Year of order")
_ID_REQUIRED = (ID_HEADER, "Supplier", "Recipient", "Designation", "Order date",
                "Numbers delivered", "Delivery year")
_LEGACY_REQUIRED = ("Recipient", "Supplier", "Year of order", "Weapon designation",
                    "Number delivered", "Year(s) of delivery")
_GENERATED_RE = re.compile(r"(?:Data|Information) generated:\s*(.+?)\s*$", re.I)


class RegisterError(ValueError):
    """A register file that cannot be read: ``file``, ``line`` (1-based, or None), ``column``
    (or None) and the message, as one line."""

    def __init__(self, file: str, line: int | None, column: str | None, message: str):
        self.file, self.line, self.column = file, line, column
        head = file + (f", line {line}" if line is not None else "")
        head += f", column {_show(column)}" if column is not None else ""
        super().__init__(visible(f"{head}: {message}".replace("\n", " ")))


@dataclass(frozen=True)
class Delivery:
    """One year's deliveries of a deal, as the register gives them."""

    year: int
    number: int | None  # None: the older layout gives one total for all the years
    number_estimate: bool = False
    year_estimate: bool = False
    line: int = 0
    row: str = ""  # the register's line, as written: the quote of a candidate event


@dataclass(frozen=True)
class RegisterDeal:
    """One deal of the register (all its rows), in SIPRI's spelling."""

    sipri_id: int | None
    supplier: str
    recipient: str
    designation: str
    description: str
    order_year: int | None
    order_estimate: bool
    deliveries: tuple[Delivery, ...]
    status: str = ""
    number_ordered: int | None = None
    number_ordered_estimate: bool = False
    number_delivered: int | None = None  # the total, where the register gives one
    number_delivered_estimate: bool = False
    comments: str = ""
    line: int = 0
    row: str = ""  # the deal's first line, as written

    @property
    def delivered(self) -> int | None:
        """How many were delivered in all: the register's total, else the sum of the years."""
        if self.number_delivered is not None:
            return self.number_delivered
        numbers = [d.number for d in self.deliveries]
        return sum(n for n in numbers if n is not None) if numbers and None not in numbers \
            else None

    @property
    def delivery_years(self) -> list[int]:
        return sorted(d.year for d in self.deliveries)


@dataclass(frozen=True)
class Register:
    """A register file read: its deals in file order, and what identifies it."""

    file: str
    layout: str  # "id" or "legacy"
    generated: _dt.date | None
    generated_text: str
    digest: str
    deals: list[RegisterDeal] = field(default_factory=list)

    @property
    def title(self) -> str:
        """``SIPRI Arms Transfers Database (data generated 10 Feb 2025)``."""
        when = (f"{self.generated.day} {self.generated:%b %Y}" if self.generated
                else self.generated_text or "date not given")
        return f"SIPRI Arms Transfers Database (data generated {when})"


def _decode(raw: bytes, file: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # SIPRI's older downloads are Windows-1252; every byte means something there, so a
        # binary file is caught by the header check instead
        return raw.decode("cp1252", errors="replace")


def read_register(path: str | Path) -> Register:
    """Read a SIPRI trade register CSV in either layout.

    Raises :class:`RegisterError` (file, line, column, expected) for a file that is missing,
    has no header of either layout, or has a cell that is not what its column holds.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise RegisterError(str(path), None, None,
                            "no such file; expected a SIPRI trade register CSV") from None
    except IsADirectoryError:
        raise RegisterError(str(path), None, None,
                            "is a folder; expected a SIPRI trade register CSV") from None
    except OSError as exc:
        raise RegisterError(str(path), None, None, f"cannot read: {exc.strerror}") from None
    return parse_register(_decode(raw, str(path)), file=str(path))


def parse_register(text: str, *, file: str = "register.csv") -> Register:
    """:func:`read_register` on text already read."""
    if "\x00" in text:
        raise RegisterError(file, None, None, "is not text; expected a SIPRI trade register CSV")
    lines = text.splitlines()
    rows = _rows(text, file)
    header_at = None
    for start, _, cells in rows:
        names = [c.strip() for c in cells]
        if names[:1] == [ID_HEADER] or tuple(names[:3]) == LEGACY_HEADER:
            header_at = start
            break
    if header_at is None:
        raise RegisterError(
            file, None, None, "no header line; expected a SIPRI trade register CSV with a "
            f"header starting {ID_HEADER!r} or {','.join(LEGACY_HEADER)!r}")
    generated_text, generated = _generated(lines[:header_at - 1], file)
    header = next(cells for start, _, cells in rows if start == header_at)
    body = [(s, e, c) for s, e, c in rows if s > header_at and any(x.strip() for x in c)]
    if header[0].strip() == ID_HEADER:
        deals = _id_layout(file, [h.strip() for h in header], header_at, body, lines)
        layout = "id"
    else:
        deals = _legacy_layout(file, [h.strip() for h in header], header_at, body, lines)
        layout = "legacy"
    return Register(file, layout, generated, generated_text, text_digest(text), deals)


def _rows(text: str, file: str) -> list[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of every CSV record (a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    out = []
    start = 1
    try:
        for cells in reader:
            out.append((start, reader.line_num, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise RegisterError(file, reader.line_num, None, f"not CSV ({exc})") from None
    return [r for r in out if r[2]]


def _generated(title: Sequence[str], file: str) -> tuple[str, _dt.date | None]:
    """The 'Data generated: 10 Feb 2025 10:23:14 AM' of the title lines: its text and day."""
    for line in title:
        m = _GENERATED_RE.search(line.strip().strip('"'))
        if m:
            text = m.group(1)
            words = " ".join(text.replace(",", ", ").split()[:3])  # the time left out
            for fmt in ("%d %b %Y", "%d %B %Y", "%B %d, %Y", "%Y-%m-%d"):
                try:
                    return text, _dt.datetime.strptime(words.split()[0] if fmt == "%Y-%m-%d"
                                                       else words, fmt).date()
                except ValueError:
                    continue
            return text, None
    return "", None


class _Row:
    """One register row's cells by column name, with checked conversions."""

    def __init__(self, file: str, line: int, header: list[str], cells: list[str]):
        self.file, self.line, self.header = file, line, header
        if len(cells) != len(header):
            raise RegisterError(file, line, None,
                                f"{len(cells)} cells; expected {len(header)}, one per column of "
                                "the header")
        self.cells = [c.strip() for c in cells]

    def text(self, column: str) -> str:
        return self.cells[self.header.index(column)] if column in self.header else ""

    def after(self, column: str) -> str:
        """The unnamed column after ``column`` (the older layout's '?')."""
        i = self.header.index(column) + 1
        return self.cells[i] if i < len(self.header) and self.header[i] == "" else ""

    def fail(self, column: str, message: str) -> RegisterError:
        return RegisterError(self.file, self.line, column, message)

    def year(self, column: str, *, required: bool = True) -> int | None:
        value = self.text(column).rstrip("?").strip()
        if not value and not required:
            return None
        if not re.fullmatch(r"\d{4}", value):
            raise self.fail(column, f"{_show(self.text(column))} is not a year; expected "
                                    "four digits")
        return int(value)

    def number(self, column: str) -> int | None:
        value = self.text(column).rstrip("?").strip()
        if not value:
            return None
        if not re.fullmatch(r"\d+", value):
            raise self.fail(column, f"{_show(self.text(column))} is not a number; expected a "
                                    "whole number or nothing")
        return int(value)

    def flag(self, column: str) -> bool:
        value = self.text(column)
        if column not in self.header or value == "":
            return False
        if value.lower() not in ("yes", "no"):
            raise self.fail(column, f"{_show(value)} is not an estimate flag; expected Yes or No")
        return value.lower() == "yes"

    def marked(self, column: str) -> bool:
        """The older layout's '?' beside ``column`` (or on the value itself)."""
        mark = self.after(column)
        if mark not in ("", "?"):
            raise RegisterError(self.file, self.line, f"(after {column})",
                                f"{_show(mark)} is not an uncertainty mark; expected '?' or "
                                "nothing")
        return mark == "?" or self.text(column).endswith("?")


def _check_columns(file: str, line: int, header: list[str], required: Iterable[str]) -> None:
    missing = [c for c in required if c not in header]
    if missing:
        raise RegisterError(file, line, missing[0],
                            "is missing from the header; expected the columns "
                            + ", ".join(required))


def _raw(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start - 1:end])


_SAME_ON_EVERY_ROW = ("Supplier", "Recipient", "Designation", "Order date")


def _id_layout(file: str, header: list[str], at: int, body: list[tuple[int, int, list[str]]],
               lines: list[str]) -> list[RegisterDeal]:
    """The ID layout: rows grouped by ID, one delivery each."""
    _check_columns(file, at, header, _ID_REQUIRED)
    firsts: dict[int, _Row] = {}
    deliveries: dict[int, list[Delivery]] = {}
    for start, end, cells in body:
        row = _Row(file, start, header, cells)
        ident = row.text(ID_HEADER)
        if not re.fullmatch(r"\d+", ident):
            raise row.fail(ID_HEADER, f"{_show(ident)} is not a deal ID; expected a number")
        sid = int(ident)
        first = firsts.setdefault(sid, row)
        for column in _SAME_ON_EVERY_ROW:
            if row.text(column) != first.text(column):
                raise row.fail(column, f"{_show(row.text(column))} differs from line "
                                       f"{first.line} of deal {sid} ({_show(first.text(column))})"
                                       "; expected the same on every row of a deal")
        year = row.year("Delivery year")
        assert year is not None
        for seen in deliveries.get(sid, []):
            if seen.year == year:
                raise row.fail("Delivery year", f"{year} of deal {sid} is also on line "
                                                f"{seen.line}; expected one row per deal per "
                                                "delivery year")
        deliveries.setdefault(sid, []).append(Delivery(
            year, row.number("Numbers delivered"), row.flag("Numbers delivered is estimate"),
            row.flag("Delivery year is estimate"), start, _raw(lines, start, end)))
    out = []
    for sid, row in firsts.items():
        out.append(RegisterDeal(
            sipri_id=sid, supplier=row.text("Supplier"), recipient=row.text("Recipient"),
            designation=row.text("Designation"), description=row.text("Description"),
            order_year=row.year("Order date", required=False),
            order_estimate=row.flag("Order date is estimate"),
            deliveries=tuple(sorted(deliveries[sid], key=lambda d: d.year)),
            status=row.text("Status"), line=row.line,
            row=_raw(lines, row.line, row.line)))
    return out


def _legacy_layout(file: str, header: list[str], at: int,
                   body: list[tuple[int, int, list[str]]], lines: list[str]
                   ) -> list[RegisterDeal]:
    """The older layout: one row per deal, '?' marks, delivery years as a list."""
    _check_columns(file, at, header, _LEGACY_REQUIRED)
    out = []
    for start, end, cells in body:
        row = _Row(file, start, header, cells)
        years_text = row.text("Year(s) of delivery")
        years: list[int] = []
        for part in re.split(r"[;,]", years_text):
            part = part.strip().rstrip("?").strip()
            span = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", part)
            if span and int(span.group(1)) <= int(span.group(2)):
                years.extend(range(int(span.group(1)), int(span.group(2)) + 1))
            elif re.fullmatch(r"\d{4}", part):
                years.append(int(part))
            elif part:
                raise row.fail("Year(s) of delivery",
                               f"{_show(years_text)} is not a list of years; expected years "
                               "separated by ';' (2016; 2017) or a span (2016-2018)")
        raw = _raw(lines, start, end)
        unsure = row.marked("Number delivered")
        out.append(RegisterDeal(
            sipri_id=None, supplier=row.text("Supplier"), recipient=row.text("Recipient"),
            designation=row.text("Weapon designation"),
            description=row.text("Weapon description"),
            order_year=row.year("Year of order", required=False),
            order_estimate=row.marked("Year of order"),
            deliveries=tuple(Delivery(y, None, unsure, False, start, raw)
                             for y in sorted(set(years))),
            status=row.text("status"), number_ordered=row.number("Number ordered"),
            number_ordered_estimate=row.marked("Number ordered"),
            number_delivered=row.number("Number delivered"), number_delivered_estimate=unsure,
            comments=row.text("Comments"), line=start, row=raw))
    return out


# -- names ------------------------------------------------------------------------------------

_EDGE = r"(?<![\w-]){}(?![\w-])"


@dataclass(frozen=True)
class NameMap:
    """Countries and weapon systems in the gazetteers' canonical names.

    >>> names = NameMap.load()
    >>> names.country("Turkiye"), names.system("Barak-MX Land"), names.system("Heron UAV")
    ('Turkey', 'Barak-8', 'Heron')
    """

    countries: dict[str, str]  # alias -> canonical, as written
    countries_folded: dict[str, str]
    systems: dict[str, str]  # casefolded alias -> canonical
    system_pattern: re.Pattern[str] | None

    @classmethod
    def load(cls, folder: str | Path | None = None) -> NameMap:
        """From ``actors.yaml`` and ``systems.yaml`` in ``folder`` (default: ``extract/data``)."""
        return _load_names(str(folder or DATA))

    @classmethod
    def build(cls, countries: dict[str, list[str]], systems: dict[str, list[str]]) -> NameMap:
        by_alias: dict[str, str] = {}
        for name, aliases in countries.items():
            for alias in [name, *aliases]:
                by_alias.setdefault(alias, name)
        folded = {}
        for alias, name in by_alias.items():
            folded.setdefault(alias.casefold(), name)
        sys_alias: dict[str, str] = {}
        for name, aliases in systems.items():
            for alias in [name, *aliases]:
                sys_alias.setdefault(alias.casefold(), name)
        words = sorted(sys_alias, key=len, reverse=True)
        pattern = re.compile(_EDGE.format("(?:" + "|".join(re.escape(w) for w in words) + ")"),
                             re.I) if words else None
        return cls(by_alias, folded, sys_alias, pattern)

    def country(self, name: str) -> str:
        """The canonical name of a country (SIPRI's spelling kept when the gazetteer lacks it)."""
        name = " ".join(name.split())
        return self.countries.get(name) or self.countries_folded.get(name.casefold()) or name

    def system(self, designation: str) -> str:
        """The canonical name of a system: an alias equal to the designation, else the longest
        alias standing as a name within it ("Heron UAV" is Heron, "LORA TEL" LORA); else the
        designation as written."""
        text = " ".join(designation.split())
        exact = self.systems.get(text.casefold())
        if exact:
            return exact
        if self.system_pattern is not None:
            found = [m.group(0) for m in self.system_pattern.finditer(text)]
            if found:
                return self.systems[max(found, key=len).casefold()]
        return text


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{path}: cannot read gazetteer: {exc}") from None


@lru_cache(maxsize=4)
def _load_names(folder: str) -> NameMap:
    actors = _read_yaml(Path(folder) / "actors.yaml")["countries"]
    systems = _read_yaml(Path(folder) / "systems.yaml")["systems"]
    return NameMap.build(
        {name: list(aliases or []) for name, aliases in actors.items()},
        {name: list((entry or {}).get("aliases", [])) for name, entry in systems.items()})
