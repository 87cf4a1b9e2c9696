"""The fixed-width record of the KOSTRA form 11CF (the qualification benefit, S18) and the file that holds it.

The layout is data (`kostra_data/form_11cf.json`, from Statistics Norway's published file description for
each year), not code: a new year with new positions is a new file entry. The control program reads the file
as ISO-8859-1, one record per line (it splits on line feeds and drops a carriage return), every record the
full length with spaces in blank positions; a number stands right-aligned, anything else left-aligned. A
municipality with no participants delivers a file holding a single space.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal, Required, TypedDict, cast

ENCODING = "iso-8859-1"
LINE_END = "\r\n"
EMPTY_RETURN = " "
OSLO = "0301"

FieldKind = Literal["text", "integer", "date"]
DATE_PATTERN = "%d%m%Y"


@dataclass(frozen=True)
class Field:
    name: str
    start: int  # 1-based, as in the file description
    size: int
    kind: FieldKind
    mandatory: bool
    codes: frozenset[str]  # empty: any value of the right kind

    @property
    def end(self) -> int:
        return self.start + self.size - 1

    def pad(self, value: str) -> str:
        return value.rjust(self.size) if self.kind == "integer" else value.ljust(self.size)


@dataclass(frozen=True)
class Layout:
    form: str
    year: int
    fields: tuple[Field, ...]

    @property
    def length(self) -> int:
        return self.fields[-1].end

    def field(self, name: str) -> Field:
        return self._by_name[name]

    @functools.cached_property
    def _by_name(self) -> dict[str, Field]:
        return {field.name: field for field in self.fields}


class UnknownLayout(LookupError):
    """No file description is held for the year."""


class _FieldEntry(TypedDict, total=False):
    name: Required[str]
    start: Required[int]
    size: Required[int]
    kind: Required[FieldKind]
    mandatory: Required[bool]
    codes: list[str] | Literal["municipalities"]


class _Description(TypedDict):
    form: str
    years: list[int]
    municipalities: list[str]
    fields: list[_FieldEntry]


@functools.cache
def _description() -> _Description:
    source = resources.files("kvp.rules") / "kostra_data" / "form_11cf.json"
    return cast(_Description, json.loads(source.read_text(encoding="utf-8")))


def layout_years() -> tuple[int, ...]:
    return tuple(_description()["years"])


@functools.cache
def layout_for(year: int) -> Layout:
    """The record layout Statistics Norway describes for reporting year `year`."""
    if year not in layout_years():
        raise UnknownLayout(year)
    description = _description()

    def codes(entry: _FieldEntry) -> frozenset[str]:
        listed = entry.get("codes", [])
        return frozenset(description["municipalities"] if listed == "municipalities" else listed)

    fields = tuple(
        Field(entry["name"], entry["start"], entry["size"], entry["kind"], entry["mandatory"], codes(entry))
        for entry in description["fields"]
    )
    return Layout(form=description["form"], year=year, fields=fields)


def render_record(layout: Layout, values: Mapping[str, str]) -> str:
    """One record line without its line end; a value must already fit its field (the checks see to it)."""
    parts = []
    for field in layout.fields:
        value = values.get(field.name, "")
        if len(value) > field.size:
            raise ValueError(f"{field.name} is longer than {field.size}")
        parts.append(field.pad(value))
    return "".join(parts)


def render_file(layout: Layout, records: Sequence[Mapping[str, str]]) -> bytes:
    if not records:
        return EMPTY_RETURN.encode(ENCODING)
    return "".join(render_record(layout, values) + LINE_END for values in records).encode(ENCODING)
