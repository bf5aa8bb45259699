"""How a message shows on a screen: our English glosses left off, whatever it quotes from a file kept as written."""

from __future__ import annotations

import functools
import re

from . import common, imports, limits, pages, reports, store, tables

# A message names its file or record, says in Thai what happened and may end with a short English gloss
# for the log and the command line: "(file too large)", or ": the file is damaged (...)". A screen shows
# the Thai alone. What a message quotes from a file is never changed: the glosses left off are those our
# own messages write (found in the words of this package), and at the end of a message one more group of
# English words that follows Thai text; nothing inside a quoted value is touched.
_THAI = re.compile(r"[\u0E00-\u0E7F]")
_QUOTES = re.compile(r"['\"“”‘’]")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|“[^”\n]*”|‘[^’\n]*’")
_ENGLISH_PHRASE = re.compile(r"[A-Za-z]+[ ,;:/-]+[a-z]{2,}|[a-z]{2,}[ ,;:/-]+[A-Za-z]+|^[a-z]{3,}$")
_GROUP_TEXT = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_LAST_GROUP = re.compile(r"(?<=[\u0E00-\u0E7F)\]'\"”’])\s+\(((?:[^()]|\([^()]*\))*)\)\s*$")
_TAIL = re.compile(r"(?<=[\u0E00-\u0E7F)\]'\"”’])\s*[:—–-]\s+(?=[A-Za-z])[^\u0E00-\u0E7F'\"“”‘’]*$")


def _is_gloss(text: str) -> bool:
    return (
        not _THAI.search(text) and not _QUOTES.search(text) and "://" not in text and bool(_ENGLISH_PHRASE.search(text))
    )


def _texts(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)


@functools.cache
def _our_glosses() -> re.Pattern[str]:
    """Every English gloss our messages write, as a pattern (a placeholder stands for any short text)."""
    found = set()
    for module in (common, imports, limits, pages, reports, store, tables):
        for value in vars(module).values():
            for text in _texts(value):
                for group in _GROUP_TEXT.finditer(text):
                    inner = group.group(1)
                    if _is_gloss(_PLACEHOLDER.sub("x", inner)):
                        parts = _PLACEHOLDER.split(inner)
                        found.add(r".{0,300}?".join(re.escape(part) for part in parts))
    alternatives = "|".join(sorted(found, key=len, reverse=True)) or "(?!)"
    return re.compile(r"\s*\((?:" + alternatives + r")\)")


def without_gloss(message: str) -> str:
    """A message as a screen shows it: its English glosses left out (files and the command line keep them)."""
    text = str(message)
    quoted = [m.span() for m in _QUOTED.finditer(text)]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in quoted)

    text = _our_glosses().sub(lambda m: "" if free(*m.span()) else m.group(0), text)
    last = _LAST_GROUP.search(text)
    if last and free(*last.span()) and _is_gloss(last.group(1)):
        text = text[: last.start()]
    tail = _TAIL.search(text)
    if tail and free(*tail.span()) and _is_gloss(tail.group(0).lstrip(" :—–-")):
        text = text[: tail.start()]
    return text.strip()
