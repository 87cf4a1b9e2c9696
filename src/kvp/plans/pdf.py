"""The participant's plan (individuell plan) as a PDF, in the participant's language and in bokmål, side by
side where they differ (sotjl. §§ 28-30 and § 42; E1, E15).

The document is a table of rows. A row has a left cell in the participant's language and a right cell in
bokmål; a row whose two cells are the same (names, dates, numbers, free text) spans both columns once. For
a participant who reads bokmål every row is the same on both sides, so the plan is one bokmål column. Free
text (goals, activity titles and descriptions) is printed exactly as written, once, never translated.

Static texts are English msgids translated with gettext, the same ids the UI uses. A language without a
catalogue yet (not in settings.LANGUAGES) gets an English column, and the document says so.

Fonts (kvp.fonts): DejaVu Sans, Noto Sans Arabic and Noto Sans Ethiopic. fpdf2 shapes right-to-left and
complex scripts with HarfBuzz and puts right-to-left text in visual order (Unicode bidi) as each line is drawn.
Characters no font here can show (Tamil, Thai, emoji, …) print as "?", with a note, and the whole text is
kept in a PDF comment beside it.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils import formats, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext
from fpdf import FPDF
from fpdf.bidi import auto_detect_base_direction
from fpdf.enums import Align, MethodReturnValue, TextDirection
from fpdf.unicode_script import UnicodeScript, get_unicode_script

from kvp.fonts import ARABIC, FAMILIES, LATIN, add_fonts
from kvp.participants.languages import LANGUAGE_CHOICES
from kvp.plans.models import Activity, Origin
from kvp.rules.measures import MEASURE_LABELS, MeasureType
from kvp.rules.skills import DIGITAL_LABELS, Cefr, DigitalLevel
from kvp.rules.texts import N_

BOKMAL = "nb"
FALLBACK = "en"

# The msgids this module introduces (the rest are the UI's own: field labels, measure types, statuses, …).
TITLE = N_("Individual plan – Qualification Programme")
NOT_AVAILABLE = N_("Your language (%(language)s) is not available in KVP yet; this column is in English.")
WRITTEN_IN = N_("Written in %(language)s")
CANNOT_SHOW = N_(
    "This PDF cannot show some of the letters in this text; they are printed as “?”. "
    "The whole text is in the comment beside it, and in KVP."
)
AGREED = N_(
    "Version %(version)s was agreed on %(participant_date)s by the participant and on %(counsellor_date)s by "
    "%(counsellor)s."
)
DRAFT = N_("Draft: not yet agreed by both")
EARLIER = N_("This is an earlier version of the plan.")
NO_QUALIFICATION = N_("No formal qualification")
NO_GOALS = N_("No goals yet.")
NO_ACTIVITIES = N_("No activities yet.")
PAGE = N_("Page %(page)s of %(pages)s")
LAW = N_(
    "sosialtjenesteloven §§ 28-30 and § 42: the plan is made together with you, and great weight is put on your view."
)


@dataclass(frozen=True)
class AgreementInfo:
    """The agreed version of the plan and who confirmed it when (sotjl. § 28: made together)."""

    version: int
    participant_confirmed_on: datetime.date
    counsellor_confirmed_on: datetime.date
    counsellor: str


# --- Content: the plan as rows --------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """A paragraph in a cell. Styles: title, heading, subheading, strong, label, body, note."""

    text: str
    style: str = "body"
    original: str = ""  # the whole text, kept in a PDF comment, when the fonts cannot show all of it


@dataclass(frozen=True)
class Row:
    left: tuple[Text, ...]
    right: tuple[Text, ...]
    space: float = 0.0  # mm above the row (none at the top of a page)
    keep_with_next: bool = False
    rule: bool = False  # a thin line above the row

    @property
    def spans(self) -> bool:
        """The same on both sides: printed once across both columns."""
        return self.left == self.right


@dataclass(frozen=True)
class Columns:
    """Which language each column is in."""

    left: str
    right: str = BOKMAL
    requested: str = BOKMAL  # the participant's preferred language

    @property
    def single(self) -> bool:
        return self.left == self.right

    @property
    def substituted(self) -> bool:
        """The participant's language has no catalogue yet: the left column is English instead."""
        return self.left != self.requested

    def both(self, make: Callable[[], str]) -> tuple[str, str]:
        """`make()` evaluated with the left and then the right column's language active."""
        with translation.override(self.left):
            left = str(make())
        with translation.override(self.right):
            right = str(make())
        return left, right


def columns_for(language: str) -> Columns:
    """Bokmål alone for a bokmål or nynorsk reader (the plan is written in bokmål); else the participant's
    language (English if it has no catalogue yet) on the left and bokmål on the right."""
    requested = language or BOKMAL
    if requested in {BOKMAL, "nn"}:
        return Columns(left=BOKMAL, requested=BOKMAL)
    available = {code for code, _name in settings.LANGUAGES}
    return Columns(left=requested if requested in available else FALLBACK, requested=requested)


def language_name(code: str, *, in_sentence: bool = False) -> str:
    """The language's name in the active language, e.g. "Somali"; in a sentence in Norwegian, where
    language names are written in lower case, "somali"."""
    names = dict(LANGUAGE_CHOICES)
    name = str(names[code]) if code in names else code
    if in_sentence and translation.get_language() in {"nb", "nn"}:
        name = name[:1].lower() + name[1:]
    return name


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: Any) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%d.%m.%Y}"
    try:
        return f"{datetime.date.fromisoformat(str(value)):%d.%m.%Y}"
    except ValueError:
        return ""


def _period(starts: Any, ends: Any) -> str:
    start, end = _date(starts), _date(ends)
    return f"{start} – {end}" if start or end else "—"


def _hours(value: Any) -> str:
    """Hours in the active language's way: "37,5" in bokmål, "37.5" in English, "20" in both."""
    try:
        hours = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    places = 0 if hours == hours.to_integral_value() else 1
    return formats.number_format(hours, decimal_pos=places, use_l10n=True)


def _measure(code: str) -> str:
    try:
        return gettext(MEASURE_LABELS[MeasureType(code)])
    except ValueError:
        return code


def _cefr(code: str) -> str:
    try:
        return gettext(Cefr(code).label)
    except ValueError:
        return code


def _digital(code: str) -> str:
    try:
        return gettext(DIGITAL_LABELS[DigitalLevel(code)])
    except ValueError:
        return code


def _choice(choices: Iterable[tuple[Any, Any]], code: str) -> str:
    return str(dict(choices).get(code, code))


def _weekdays(days: Iterable[Any]) -> str:
    return ", ".join(str(WEEKDAYS[day]) for day in days if isinstance(day, int) and day in WEEKDAYS)


class _Builder:
    def __init__(self, columns: Columns) -> None:
        self.columns = columns
        self.rows: list[Row] = []

    def add(self, left: Iterable[Text], right: Iterable[Text], **kwargs: Any) -> None:
        self.rows.append(Row(left=tuple(left), right=tuple(right), **kwargs))

    def translated(self, make: Callable[[], str], style: str = "body", **kwargs: Any) -> None:
        left, right = self.columns.both(make)
        self.add([Text(left, style)], [Text(right, style)], **kwargs)

    def field(self, label: str, value: Callable[[], str] | str, *, space: float = 1.6) -> None:
        """A label and its value. A value that reads the same in both languages (a name, a date) goes once
        across both columns, under the two labels; otherwise each column has "label: value"."""
        labels = self.columns.both(lambda: gettext(label))
        values = self.columns.both(value) if callable(value) else (value, value)
        if values[0] == values[1] and labels[0] != labels[1]:
            self.add([Text(labels[0], "label")], [Text(labels[1], "label")], space=space, keep_with_next=True)
            self.free(values[0], space=0.2)
        else:
            self.free(f"{labels[0]}: {values[0]}", right=f"{labels[1]}: {values[1]}", space=space)

    def free(
        self, text: str, style: str = "body", *, right: str | None = None, written_in: str = "", space: float = 0.0
    ) -> None:
        """Text as written (once across both columns, unless `right` differs), with a note of the language
        it is written in and of letters the fonts cannot show."""
        texts = (text, text if right is None else right)
        shown = tuple(printable(one) for one in texts)
        notes: list[Callable[[], str]] = []
        if written_in:
            notes.append(lambda: gettext(WRITTEN_IN) % {"language": language_name(written_in, in_sentence=True)})
        if shown != texts:
            notes.append(lambda: gettext(CANNOT_SHOW))
        cells = [(Text(one, style, whole if one != whole else ""),) for one, whole in zip(shown, texts, strict=True)]
        self.rows.append(Row(cells[0], cells[1], space=space, keep_with_next=bool(notes)))
        if notes:
            pairs = [self.columns.both(note) for note in notes]
            self.add(
                [Text(left, "note") for left, _r in pairs], [Text(right, "note") for _l, right in pairs], space=0.4
            )


def plan_rows(
    snapshot: dict[str, Any], *, language: str, agreed: AgreementInfo | None, printed_on: datetime.date
) -> list[Row]:
    """The plan's content as rows of the two-column table (see the module docstring)."""
    columns = columns_for(language)
    build = _Builder(columns)
    version = int(snapshot.get("version") or 0)
    build.translated(lambda: gettext(TITLE), "title", keep_with_next=True)
    if columns.substituted:
        name = columns.requested
        build.translated(
            lambda: gettext(NOT_AVAILABLE) % {"language": language_name(name, in_sentence=True)}, "note", space=1.5
        )

    build.field(N_("Participant"), _str(snapshot.get("participant")), space=4)
    build.field(N_("Office"), _str(snapshot.get("office")))
    build.field(N_("Counsellor"), _str(snapshot.get("counsellor")) or "—")
    period = snapshot.get("period") or {}
    build.field(N_("Programme period"), _period(period.get("starts_on"), period.get("ends_on")))
    build.field(N_("Version"), str(version))
    build.field(N_("Printed on"), _date(printed_on))
    _agreement(build, version, agreed)

    build.translated(lambda: gettext(N_("Goals")), "heading", space=7, keep_with_next=True)
    goals = snapshot.get("goals") or []
    for goal in goals:
        text = f"{_str(goal.get('number'))}. {_str(goal.get('text'))}"
        build.free(text, written_in=_str(goal.get("language")), space=2)
    if not goals:
        build.translated(lambda: gettext(NO_GOALS), space=1)

    build.translated(lambda: gettext(N_("Activities")), "heading", space=7, keep_with_next=True)
    activities = snapshot.get("activities") or []
    for activity in activities:
        _activity(build, activity)
    if not activities:
        build.translated(lambda: gettext(NO_ACTIVITIES), space=1)
    return build.rows


def _agreement(build: _Builder, version: int, agreed: AgreementInfo | None) -> None:
    """Agreed by both (with the dates), or a draft; a draft also says which version was agreed, if any."""
    if agreed is None or agreed.version != version:
        earlier = agreed is not None and agreed.version > version
        build.translated(lambda: gettext(EARLIER if earlier else DRAFT), "strong", space=3)
    if agreed is not None:
        values = {
            "version": agreed.version,
            "participant_date": _date(agreed.participant_confirmed_on),
            "counsellor_date": _date(agreed.counsellor_confirmed_on),
            "counsellor": agreed.counsellor,
        }
        style = "strong" if agreed.version == version else "body"
        build.translated(lambda: gettext(AGREED) % values, style, space=3 if style == "strong" else 1)


def _activity(build: _Builder, activity: dict[str, Any]) -> None:
    """One activity; its rows stay together on a page when they fit on one."""
    first = len(build.rows)
    _activity_rows(build, activity)
    for index in range(first, len(build.rows) - 1):
        build.rows[index] = dataclasses.replace(build.rows[index], keep_with_next=True)


def _activity_rows(build: _Builder, activity: dict[str, Any]) -> None:
    measure = str(activity.get("measure_type", ""))
    build.translated(lambda: _measure(measure), "label", space=6, keep_with_next=True, rule=True)
    build.free(_str(activity.get("title")), "subheading", space=0.5)
    if activity.get("description"):
        build.free(str(activity["description"]), space=1)
    if activity.get("provider"):
        build.field(N_("Provider or workplace"), str(activity["provider"]))
    build.field(N_("Hours per week"), lambda: _hours(activity.get("hours_per_week", "")))
    if activity.get("weekdays"):
        build.field(N_("Weekdays"), lambda: _weekdays(activity["weekdays"]))
    build.field(N_("Period"), _period(activity.get("starts_on"), activity.get("ends_on")))
    if activity.get("goal"):
        build.field(N_("Goal it serves"), str(activity["goal"]))
    if activity.get("formal_qualification"):
        build.field(N_("Formal qualification it gives"), str(activity["formal_qualification"]))
    else:
        build.field(N_("Formal qualification it gives"), lambda: gettext(NO_QUALIFICATION))
    if activity.get("norwegian_needed"):
        build.field(N_("Norwegian needed"), lambda: _cefr(str(activity["norwegian_needed"])))
    if activity.get("digital_needed"):
        build.field(N_("Digital skills needed"), lambda: _digital(str(activity["digital_needed"])))
    build.field(N_("Status"), lambda: _choice(Activity.Status.choices, str(activity.get("status", ""))))
    build.field(N_("Proposed by"), lambda: _choice(Origin.choices, str(activity.get("origin", ""))))


# --- Scripts: which font writes a paragraph, and what no font can show ---------------------------------


@functools.cache
def _coverage() -> frozenset[int]:
    """The characters some family in the chain can show in both styles."""
    pdf = FPDF()
    add_fonts(pdf)
    covered: set[int] = set()
    for family, files in FAMILIES.items():
        regular, *others = (set(getattr(pdf.fonts[f"{family.lower()}{style}"], "cmap", {})) for style in files)
        covered |= regular.intersection(*others)
    return frozenset(covered)


def printable(text: str) -> str:
    """The text with characters no font here can show replaced by "?" (a last resort: see the module
    docstring). Line breaks are kept, other control characters become spaces, and invisible formatting
    characters (joiners, direction marks) are kept for shaping and bidi."""
    coverage = _coverage()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out = []
    for char in text:
        if char == "\n" or ord(char) in coverage or unicodedata.category(char) == "Cf":
            out.append(char)
        elif unicodedata.category(char) == "Cc":
            out.append(" ")
        else:
            out.append("?")
    return "".join(out)


def family_for(paragraph: str) -> str:
    """Noto Sans Arabic for a paragraph with Arabic-script letters (DejaVu has only some of them, and one
    word must not mix two fonts' letters); DejaVu Sans for the rest. Either takes what it lacks from the
    fallback chain."""
    return ARABIC if any(unicodedata.bidirectional(char) == "AL" for char in paragraph) else LATIN


_DRAWN_AS_THEY_ARE = {UnicodeScript.COMMON, UnicodeScript.LATIN, UnicodeScript.GREEK, UnicodeScript.CYRILLIC}


def shaping_for(paragraph: str) -> TextDirection | None:
    """The paragraph's direction if HarfBuzz is to shape it (right-to-left and complex scripts), else None:
    Latin, Greek and Cyrillic letters are drawn as they are, which takes a fraction of the time."""
    if all(get_unicode_script(char) in _DRAWN_AS_THEY_ARE for char in paragraph):
        return None
    return auto_detect_base_direction(paragraph)


# --- Layout and drawing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    weight: str
    size: float
    height: float
    grey: int = 0


STYLES = {
    "title": _Style("B", 15, 7),
    "heading": _Style("B", 12.5, 6),
    "subheading": _Style("B", 10.5, 5),
    "strong": _Style("B", 9.5, 4.7),
    "body": _Style("", 9.5, 4.7),
    "label": _Style("", 7.5, 3.6, grey=90),
    "note": _Style("", 7.5, 3.5, grey=90),
    "footer": _Style("", 7, 3.2, grey=90),
}
PARAGRAPH_GAP = 0.6
MARGIN = 18.0
TOP = 14.0
BOTTOM = 10.0
GUTTER = 7.0
HEADER = 7.0  # the column names at the top of each page, when there are two columns


@dataclass(frozen=True)
class _Line:
    text: str
    style: _Style
    align: Align
    family: str
    direction: TextDirection | None  # None: not shaped
    gap: float = 0.0  # mm above the line
    original: str = ""

    @property
    def height(self) -> float:
        return self.gap + self.style.height


@dataclass
class _Block:
    """A row, measured: its cells as lines (one cell if it spans), placed at `y` on a page."""

    cells: list[list[_Line]]
    space: float
    keep_with_next: bool
    rule: bool
    y: float = 0.0
    space_used: float = 0.0

    @property
    def height(self) -> float:
        return max((sum(line.height for line in cell) for cell in self.cells), default=0.0)


class _Renderer:
    def __init__(self, columns: Columns, title: str) -> None:
        self.columns = columns
        self.pdf = FPDF(format="A4")
        self.pdf.set_title(title)
        self.pdf.set_author("NAV")
        self.pdf.set_lang(columns.right)
        add_fonts(self.pdf)
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN, TOP, MARGIN)
        self.pdf.c_margin = 0
        self.pdf.add_page()  # fpdf2 measures text on a page; drawing starts on this one
        self.full = self.pdf.w - 2 * MARGIN
        self.column = (self.full - GUTTER) / 2
        self.top = TOP + (0 if columns.single else HEADER)
        self.bottom = self.pdf.h - BOTTOM - _height(self.footer(999, 999)) - 4

    def _use(self, style: _Style, family: str, direction: TextDirection | None) -> None:
        self.pdf.set_font(family, style.weight, style.size)
        self.pdf.set_text_color(style.grey)
        self.pdf.set_text_shaping(direction is not None, direction=direction)

    def lines(self, texts: Iterable[Text], width: float) -> list[_Line]:
        """Texts broken into lines that fit `width`."""
        out: list[_Line] = []
        for number, text in enumerate(texts):
            style = STYLES[text.style]
            for index, paragraph in enumerate(text.text.split("\n")):
                gap = PARAGRAPH_GAP if number or index else 0.0
                out.extend(self._paragraph(paragraph, style, width, gap, "" if index else text.original))
        return out

    def _paragraph(self, paragraph: str, style: _Style, width: float, gap: float, original: str) -> Iterator[_Line]:
        """One paragraph's lines, broken in logical order; fpdf2 shapes each line (if it needs it) and puts it
        in visual order when it is drawn. A paragraph that starts right-to-left is so on every line, right aligned."""
        direction = shaping_for(paragraph)
        family = family_for(paragraph)
        self._use(style, family, direction)
        text = printable(paragraph)
        broken = self.pdf.multi_cell(width, style.height, text, dry_run=True, output=MethodReturnValue.LINES)
        assert isinstance(broken, list)  # noqa: S101 - the LINES output is the list of lines
        align = Align.R if direction == TextDirection.RTL else Align.L
        for number, line in enumerate([str(line) for line in broken] or [""]):
            first = number == 0
            yield _Line(line, style, align, family, direction, gap if first else 0.0, original if first else "")

    def measure(self, row: Row) -> _Block:
        if row.spans:
            cells = [self.lines(row.left, self.full)]
        else:
            cells = [self.lines(row.left, self.column), self.lines(row.right, self.column)]
        return _Block(cells, row.space, row.keep_with_next, row.rule)

    def footer(self, page: int, pages: int) -> list[list[_Line]]:
        """The law line and the page number, in both languages (once if they are the same)."""
        law = self.columns.both(lambda: gettext(LAW))
        number = self.columns.both(lambda: gettext(PAGE) % {"page": page, "pages": pages})
        left = (Text(law[0], "footer"), Text(number[0], "footer"))
        right = (Text(law[1], "footer"), Text(number[1], "footer"))
        if left == right:
            return [self.lines(left, self.full)]
        return [self.lines(left, self.column), self.lines(right, self.column)]

    def paginate(self, blocks: list[_Block]) -> list[list[_Block]]:
        """Blocks placed on pages: a block goes whole to the next page if it does not fit (with the blocks
        it keeps with, such as a heading with its first row); a block taller than a page is split by lines."""
        pages: list[list[_Block]] = [[]]
        room = self.bottom - self.top
        y = self.top
        for index, block in enumerate(blocks):
            chain, following = block.space + block.height, index
            while blocks[following].keep_with_next and following + 1 < len(blocks) and chain < room:
                following += 1
                chain += blocks[following].space + blocks[following].height
            if y > self.top and y + min(chain, room) > self.bottom:
                pages.append([])
                y = self.top
            while True:
                space = block.space if y > self.top else 0.0
                head, rest = _split(block, self.bottom - y - space, at_top=y <= self.top)
                head.y, head.space_used = y + space, space
                pages[-1].append(head)
                y += space + head.height
                if rest is None:
                    break
                pages.append([])
                y, block = self.top, rest
        return pages

    def draw(self, pages: list[list[_Block]]) -> bytes:
        for number, blocks in enumerate(pages, start=1):
            if number > 1:
                self.pdf.add_page()
            if not self.columns.single:
                self._column_names()
            for block in blocks:
                if block.rule and block.space_used:
                    y = block.y - block.space_used / 2
                    self.pdf.set_draw_color(200)
                    self.pdf.line(MARGIN, y, MARGIN + self.full, y)
                self._cells(block.cells, block.y)
            footer = self.footer(number, len(pages))
            self._cells(footer, self.pdf.h - BOTTOM - _height(footer))
        return bytes(self.pdf.output())

    def _column_names(self) -> None:
        """Each column's language, in that language, at the top of every page."""
        left = self.columns.both(lambda: language_name(self.columns.left))[0]
        right = self.columns.both(lambda: language_name(self.columns.right))[1]
        self._cells(
            [self.lines([Text(left, "label")], self.column), self.lines([Text(right, "label")], self.column)], TOP
        )
        self.pdf.set_draw_color(160)
        self.pdf.line(MARGIN, TOP + HEADER - 2.5, MARGIN + self.full, TOP + HEADER - 2.5)

    def _cells(self, cells: list[list[_Line]], top: float) -> None:
        width = self.full if len(cells) == 1 else self.column
        for column, cell in enumerate(cells):
            x = MARGIN + column * (self.column + GUTTER)
            y = top
            for line in cell:
                y += line.gap
                self._use(line.style, line.family, line.direction)
                self.pdf.set_xy(x, y)
                self.pdf.cell(width, line.style.height, line.text, align=line.align)
                if line.original:  # the whole text, for letters the font cannot show
                    self.pdf.text_annotation(x + width + 1, y + 3, line.original, w=3, h=3, name="Comment")
                y += line.style.height


def _height(cells: list[list[_Line]]) -> float:
    return max((sum(line.height for line in cell) for cell in cells), default=0.0)


def _split(block: _Block, room: float, *, at_top: bool) -> tuple[_Block, _Block | None]:
    """The part of a block that fits in `room`, and the rest for the next page (None if all of it fits).
    At the top of a page at least one line goes, so that every page makes progress."""
    if block.height <= room:
        return block, None
    heads: list[list[_Line]] = []
    tails: list[list[_Line]] = []
    for cell in block.cells:
        used, count = 0.0, 0
        while count < len(cell) and used + cell[count].height <= room:
            used += cell[count].height
            count += 1
        if at_top and cell:
            count = max(count, 1)
        heads.append(cell[:count])
        tails.append([dataclasses.replace(line, gap=0.0) if n == 0 else line for n, line in enumerate(cell[count:])])
    return _Block(heads, block.space, False, block.rule), _Block(tails, 0.0, block.keep_with_next, False)


def plan_pdf(
    snapshot: dict[str, Any], *, language: str, agreed: AgreementInfo | None, printed_on: datetime.date
) -> bytes:
    """The plan as an A4 PDF: the participant's language and bokmål side by side where they differ."""
    columns = columns_for(language)
    rows = plan_rows(snapshot, language=language, agreed=agreed, printed_on=printed_on)
    with translation.override(columns.right):
        title = gettext(TITLE)
    renderer = _Renderer(columns, title)
    return renderer.draw(renderer.paginate([renderer.measure(row) for row in rows]))
