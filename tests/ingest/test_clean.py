from __future__ import annotations

import json
import re
from typing import Any

import pytest

from parallax.ingest import clean_text
from parallax.ingest.clean import debris_reason
from tests.ingest.shared import DEV, SEEDS, needs_shared, norm


def _reasons(raw: str) -> dict[str, str]:
    return {item.text: item.reason for item in clean_text(raw).removed}


@pytest.mark.parametrize(
    "line",
    [
        "Ukrainian servicemen walk in the forest. Mstyslav Chernov/AP",
        "Ukrainian troops stand at the border. Ukrainian Ministry of Defense/Handout via REUTERS",
        "A man looks out of his apartment. Dimitar Dilkoff/AFP via Getty Images",
        "Passengers queue along a platform. Image Credit: AFP",
        "Mahomes holds the trophy. (AP Photo/Seth Wenig)",
        "A woman holds a banner in Paris SARAH MEYSSONNIER | Reuters",
    ],
)
def test_caption_lines_ending_in_a_credit_are_removed(line: str) -> None:
    assert debris_reason(line, has_next=True) == "photo caption or credit"


@pytest.mark.parametrize(
    "line",
    [
        "The agency, citing AP and Reuters reports, said 1,730 soldiers surrendered.",
        "Kwankwaso won in Kano.",
        "“They have achieved the impossible,” said Andre, 37.",
        "He said the figures came from Reuters.",
    ],
)
def test_sentences_are_not_debris(line: str) -> None:
    assert debris_reason(line, has_next=True) is None


def test_read_also_and_section_labels_are_removed_with_reasons() -> None:
    raw = "Headline of the story\n\nFirst real sentence here.\n\nRead also  Some other story\n\n"
    raw += "exchange\n\nSecond real sentence here."
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "Headline of the story\n\nFirst real sentence here.\n\nSecond real sentence here."
    )
    assert _reasons(raw) == {
        "Read also Some other story": "read-also link",
        "exchange": "section label",
    }


def test_a_fragment_at_the_end_is_kept_as_a_truncated_sentence() -> None:
    cleaned = clean_text("The count was revised on Sunday.\n\nHe ga")
    assert cleaned.text.endswith("He ga")
    assert cleaned.removed == []


def test_html_tags_go_but_the_words_inside_stay() -> None:
    raw = '<a href="https://x.example/a">Last year </a>was the hottest.\n\n<img alt="” src=””/>\n'
    cleaned = clean_text(raw)
    assert cleaned.text == "Last year was the hottest."
    assert [r.reason for r in cleaned.removed] == ["html tag"] * 3


def test_repeated_headline_keeps_one_copy() -> None:
    raw = "| Heres What To Know\n\nHere’s what to know\n\nThe body sentence is here."
    cleaned = clean_text(raw)
    assert cleaned.text == "Here’s what to know\n\nThe body sentence is here."
    assert [(r.reason, r.text) for r in cleaned.removed] == [
        ("repeated headline", "| Heres What To Know")
    ]


def test_mojibake_is_repaired_and_flagged_but_quotes_stay_curly() -> None:
    cleaned = clean_text("The caf\u00c3\u00a9 said \u201cno\u201d.")
    assert cleaned.text == "The café said “no”."
    assert cleaned.warnings


def test_spaces_collapse_and_paragraphs_are_blank_line_separated() -> None:
    raw = "One  sentence\there.\nAnother   line.\n\n\n\nThird."
    assert clean_text(raw).text == "One sentence here.\n\nAnother line.\n\nThird."


def test_hard_wrapped_lines_are_rejoined() -> None:
    raw = "This sentence was wrapped by an old editor at a fixed\ncolumn width and goes on."
    assert clean_text(raw).text == (
        "This sentence was wrapped by an old editor at a fixed column width and goes on."
    )


@needs_shared
def test_seed_text_is_clean_and_keeps_the_figures() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        text = clean_text(raw).text
        for debris in ("<img", "Read also", "Chernov/AP", "via REUTERS", "via Getty Images"):
            assert debris not in text, (path.name, debris)
        for line in raw.splitlines():
            if re.search(r"\d,\d{3}", line) and "/AP" not in line:
                assert " ".join(line.split()) in text, (path.name, line)
    joined = " ".join(clean_text(p.read_text("utf-8")).text for p in SEEDS.glob("*.txt"))
    assert "1,730" in joined


@needs_shared
def test_nothing_is_lost_silently_from_the_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        removed = {r.text for r in cleaned.removed}
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.split())
            if line and line not in cleaned.text:
                assert line in removed or any(r in line for r in removed), (path.name, line)


def _gold_sets() -> list[tuple[dict[str, str], dict[str, Any]]]:
    sets = []
    for gold_path in sorted(DEV.glob("*/gold.json")):
        articles = json.loads((gold_path.parent / "articles.json").read_text("utf-8"))
        content = {a["aid"]: a["content"] for a in articles["articles"]}
        sets.append((content, json.loads(gold_path.read_text("utf-8"))))
    seeds = {p.stem: p.read_text("utf-8") for p in SEEDS.glob("*.txt")}
    sets.append((seeds, json.loads((SEEDS.parent / "eval" / "seeds-gold.json").read_text("utf-8"))))
    return sets


def _gold_spans() -> list[tuple[str, str, str]]:
    spans = []
    for content, gold in _gold_sets():
        for question in gold["question_answers"]:
            for group in question["answer_groups"]:
                for entry in group:
                    for piece in re.split(r"\s*(?:\.\.\.|…)\s*", entry["answer"]):
                        if norm(piece):
                            spans.append((content[entry["aid"]], entry["aid"], piece))
    return spans


@needs_shared
def test_cleaning_keeps_every_gold_answer_of_the_dev_clusters() -> None:
    spans = _gold_spans()
    assert len(spans) > 100
    cache: dict[str, str] = {}
    for raw, aid, piece in spans:
        if raw not in cache:
            cache[raw] = norm(clean_text(raw).text)
        assert norm(piece) in cache[raw], (aid, piece)


def test_a_caption_that_is_a_full_sentence_keeps_its_sentence_and_loses_its_credit() -> None:
    raw = (
        "The Fed raised rates on Wednesday.\n\n"
        "Federal Reserve Board Chairman Jerome Powell speaks during a news conference in "
        "Washington on June 15, 2022. Drew Angerer/Getty Images\n\n"
        "Passengers queue along a platform. Image Credit: AFP\n\n"
        "Markets rose after the decision."
    )
    cleaned = clean_text(raw)
    assert "Jerome Powell speaks during a news conference in Washington on June 15, 2022." in (
        cleaned.text
    )
    assert "Getty" not in cleaned.text and "Passengers queue" not in cleaned.text
    assert _reasons(raw) == {
        "Drew Angerer/Getty Images": "photo credit",
        "Passengers queue along a platform. Image Credit: AFP": "photo caption or credit",
    }
