"""Strip scraping debris from article text without losing a real sentence.

Every later stage quotes the cleaned text by character offset, so cleaning runs
once, here, and every line it drops is kept in ``Removed`` with the rule that
dropped it: a reviewer can read what went and a wrong rule shows up at once.
The rules are line based and conservative; a line that might be prose stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from parallax.models import Removed

# ftfy's quote uncurling would rewrite quotations the report later cites; the
# remaining fixes only repair damage (mojibake, control characters, widths).
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)

# Only the encoding repairs: used to tell mojibake (worth a warning) from routine fixes.
_FTFY_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Anything but printable ASCII (and "&", which may start an HTML entity).
_NEEDS_FTFY = re.compile(r"[^\x09\x20-\x25\x27-\x7e]")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_TAG_OPEN = re.compile(r"<[a-zA-Z]+\s[^<>]*$")  # a tag cut off at the line end
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\ufeff]")

_READ_ALSO = re.compile(
    r"^[(\[]?\s*(?:read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+articles?)?"
    r"|recent\s+articles|you\s+may\s+also\s+like|recommended(?:\s+video)?|more\s+from)\b",
    re.IGNORECASE,
)
_AGENCY = (
    r"(?:AP|AFP|UPI|EPA(?:-EFE)?|REUTERS|Reuters|Getty\s+Images|Bloomberg|Shutterstock"
    r"|ANI|PTI|IANS|Xinhua|AAP|dpa|DPA|iStock|Anadolu(?:\s+Agency)?)"
)
_CREDIT_END = re.compile(
    # "Mstyslav Chernov/AP", "Dilkoff/AFP via Getty Images", "Cheng—Bloomberg/Getty Images"
    rf"(?:\S/{_AGENCY}(?:\s+via\s+{_AGENCY})?"
    # "Ukrainian Ministry of Defense/Handout via REUTERS"
    rf"|\bvia\s+{_AGENCY}"
    # "(AP Photo/Seth Wenig)", "(AP Photo/Robert F. Bukaty, File)"
    rf"|\(\s*{_AGENCY}\s+Photo\s*/[^()]*\)"
    # "Image Credit: AFP", "PHOTO: EPA-EFE", "Photo: Getty Images"
    r"|\b(?:Image\s+)?(?:Credit|Photo|Photograph|Picture)s?\s*:\s*[\w .,&/'-]{2,60}"
    # "SARAH MEYSSONNIER | Reuters"
    rf"|\|\s*{_AGENCY})"
    r"\s*[.)]?\s*$"
)
_CREDIT_TAIL = 120  # credits sit at the line end; searching only there keeps long lines cheap
_SENTENCE_END = re.compile(r"[.!?:;…\"'”’»)]$")
_HEADLINE_KEY = re.compile(r"[\W_]+")
_APOSTROPHE = re.compile(r"['’`]")
_WRAP_MIN = 40


@dataclass
class Cleaned:
    """The outcome of cleaning: text, what was removed and what was repaired."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def clean_text(raw: str) -> Cleaned:
    """Clean ``raw`` into paragraphs separated by one blank line.

    Blank-line paragraphs are what the NLP stage splits on, so each source line
    becomes a paragraph except a hard-wrapped continuation, which is re-joined.
    """
    removed: list[Removed] = []
    warnings: list[str] = []
    raw_lines = raw.splitlines()
    fixed = [_fix_line(line) for line in raw_lines]
    if any(
        f != r and _fix_line(r, _FTFY_ENCODING_ONLY) != r
        for f, r in zip(fixed, raw_lines, strict=True)
    ):
        warnings.append("repaired mis-decoded characters (mojibake)")
    lines = [_tidy_line(line, removed) for line in "\n".join(fixed).splitlines()]
    paragraphs = _join_wrapped([ln for ln in lines if ln])
    paragraphs = _drop_debris(paragraphs, removed)
    paragraphs = _drop_repeated_headline(paragraphs, removed)
    return Cleaned(text="\n\n".join(paragraphs), removed=removed, warnings=warnings)


def _fix_line(line: str, config: ftfy.TextFixerConfig = _FTFY) -> str:
    """Run ftfy on lines it could change; plain ASCII lines are left alone for speed."""
    return ftfy.fix_text(line, config=config) if _NEEDS_FTFY.search(line) else line


def _tidy_line(line: str, removed: list[Removed]) -> str:
    """Drop HTML tags (keeping the words between them) and collapse spacing."""
    line = _ZERO_WIDTH.sub("", line)
    tags = _TAG.findall(line)
    cut = _TAG_OPEN.search(_TAG.sub("", line))
    if tags or cut:
        stripped = _TAG.sub("", line)
        if cut:
            stripped = stripped[: cut.start()]
            tags.append(cut.group(0))
        removed.extend(Removed(reason="html tag", text=t) for t in tags)
        line = stripped
    return _SPACES.sub(" ", line).strip()


def _join_wrapped(lines: list[str]) -> list[str]:
    """Re-join lines a text file wrapped mid-sentence; keep every other line apart."""
    out: list[str] = []
    for line in lines:
        if (
            out
            and len(out[-1]) >= _WRAP_MIN
            and not _SENTENCE_END.search(out[-1])
            and line[0].islower()
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def debris_reason(line: str, has_next: bool) -> str | None:
    """Name the debris rule ``line`` matches, or ``None`` for a line to keep.

    A short label needs a following paragraph: a fragment at the very end is
    more likely a truncated sentence of a partial page than a section heading.
    """
    if _READ_ALSO.match(line) and len(line.split()) <= 20:
        return "read-also link"
    if _CREDIT_END.search(line[-_CREDIT_TAIL:]):
        return "photo caption or credit"
    words = line.split()
    if (
        has_next
        and len(words) <= 2
        and not _SENTENCE_END.search(line)
        and not any(ch.isdigit() for ch in line)
    ):
        return "section label"
    if not any(ch.isalnum() for ch in line):
        return "punctuation only"
    return None


#: Words a caption needs before its sentence is kept without its credit.
_CAPTION_MIN_WORDS = 8
_CAPTION_SENTENCE = re.compile(r"^(?P<prose>.*[.!?][\"'”’)]?)\s+(?P<credit>[^.!?]{2,120})$")


def caption_prose(line: str) -> tuple[str, str] | None:
    """(sentence, credit) of a photo caption whose text is a full sentence.

    "Jerome Powell speaks during a news conference ... on June 15, 2022. Drew
    Angerer/Getty Images": the credit is debris, the sentence before it says who
    did what, where and when, and outlets are quoted on it like on any other.
    """
    m = _CAPTION_SENTENCE.match(line)
    if m is None or len(m.group("prose").split()) < _CAPTION_MIN_WORDS:
        return None
    if not _CREDIT_END.search(m.group("credit")):
        return None
    return m.group("prose"), m.group("credit")


def _drop_debris(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    kept: list[str] = []
    for i, para in enumerate(paragraphs):
        reason = debris_reason(para, has_next=i + 1 < len(paragraphs))
        if reason is None:
            kept.append(para)
            continue
        caption = caption_prose(para) if reason == "photo caption or credit" else None
        if caption is not None:
            kept.append(caption[0])
            removed.append(Removed(reason="photo credit", text=caption[1]))
        else:
            removed.append(Removed(reason=reason, text=para))
    return kept


def headline_key(line: str) -> str:
    """Compare headlines ignoring case, punctuation and separators like ``|``."""
    return _HEADLINE_KEY.sub(" ", _APOSTROPHE.sub("", line.casefold())).strip()


def _drop_repeated_headline(paragraphs: list[str], removed: list[Removed]) -> list[str]:
    """Drop a headline printed twice at the top; keep the copy nearest the body."""
    head = paragraphs[:3]
    keys = [headline_key(p) for p in head]
    drop: set[int] = set()
    for i, key in enumerate(keys):
        if key and len(head[i].split()) <= 30 and key in keys[i + 1 :]:
            drop.add(i)
    for i in sorted(drop):
        removed.append(Removed(reason="repeated headline", text=paragraphs[i]))
    return [p for i, p in enumerate(paragraphs) if i not in drop]
