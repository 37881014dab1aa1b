"""Near-duplicate detection on small known inputs: each case of the issue, positive and
negative, through the same functions the service runs (index -> retrieve -> align -> decide)."""

from __future__ import annotations

import random

import pytest

from checks.boilerplate import Boilerplate
from checks.dup_index import PrintIndex
from checks.dup_text import Body, pack, unpack
from checks.duplicates import find_duplicates
from tests.checks.dup_inputs import (
    FARM,
    SCHOOL,
    SCHOOL_AGAIN,
    TITLE,
    body,
    description,
    edit,
)

ARCHIVE_ID, FARM_ID = 1, 2


def archive(*extra: tuple[int, Body]) -> tuple[PrintIndex, dict[int, Body]]:
    bodies = {ARCHIVE_ID: body(description(TITLE, SCHOOL), title=TITLE),
              FARM_ID: body(description("Ứng dụng tưới nhỏ giọt cho cà chua", FARM),
                            title="Ứng dụng tưới nhỏ giọt cho cà chua"),
              **dict(extra)}
    index = PrintIndex()
    for k, b in bodies.items():
        index.add(k, b.prints()[1])
    return index, bodies


def check(new: Body, *extra: tuple[int, Body]) -> dict:
    index, bodies = archive(*extra)
    return {m.other: m for m in find_duplicates(new, index, bodies.get)}


def test_exact_copy_is_one_identical_passage_with_full_coverage() -> None:
    found = check(body(description(TITLE, SCHOOL), title=TITLE))
    assert set(found) == {ARCHIVE_ID}
    m = found[ARCHIVE_ID]
    assert m.coverage == 1.0 and m.their_coverage == 1.0 and m.similarity == 1.0
    assert {p.label for p in m.passages} == {"identical"}
    assert {k for p in m.passages for k in p.ours.sections} == {"ly_do", "noi_dung", "ket_qua"}
    assert {k for p in m.passages for k in p.theirs.sections} == {"ly_do", "noi_dung", "ket_qua"}


def test_same_body_under_new_title_is_found_and_the_title_does_not_count() -> None:
    title = "Sáng kiến thẻ sơ đồ đoạn thẳng trong dạy toán lớp 4"
    found = check(body(description(title, SCHOOL), title=title))
    assert set(found) == {ARCHIVE_ID}
    assert found[ARCHIVE_ID].coverage == 1.0
    shown = " ".join(p.ours.text for p in found[ARCHIVE_ID].passages)
    assert title not in shown and TITLE not in shown


@pytest.mark.parametrize("rate", [0.05, 0.10, 0.20])
def test_edited_copies_are_found_as_minor_changes(rate: float) -> None:
    found = check(body(description(TITLE, edit(SCHOOL, rate)), title=TITLE))
    assert set(found) == {ARCHIVE_ID}
    m = found[ARCHIVE_ID]
    assert m.coverage >= 0.9 - rate
    assert all(p.label == "minor_changes" for p in m.passages)
    assert all(p.score < 100 for p in m.passages)


def test_reordered_paragraphs_each_found_where_they_are() -> None:
    shuffled = SCHOOL[:]
    random.Random(3).shuffle(shuffled)
    m = check(body(description(TITLE, shuffled)))[ARCHIVE_ID]
    assert m.coverage >= 0.95
    assert len(m.passages) >= 3  # out of order: no single passage can hold them
    for p in m.passages:  # every passage says where it is on both sides
        assert " ".join(p.ours.text.split()) in " ".join(p.theirs.text.split()) or p.score >= 90


def test_one_section_lifted_into_a_new_dossier_is_found_with_its_sections() -> None:
    lifted = FARM[:4] + SCHOOL[2:4] + FARM[4:]  # SCHOOL's "content" paragraphs, moved
    m = check(body(description("Giải pháp mới về tưới tiêu", lifted)))
    assert ARCHIVE_ID in m
    got = m[ARCHIVE_ID]
    assert 0.15 < got.coverage < 0.6
    assert {p.theirs.section for p in got.passages} == {"noi_dung"}
    assert all(p.theirs.page == 2 for p in got.passages)


def test_two_sections_lifted_into_a_new_dossier_are_found_in_both() -> None:
    lifted = SCHOOL[0:2] + FARM[:3] + SCHOOL[4:7]  # SCHOOL's reasons and its results
    got = check(body(description("Giải pháp mới", lifted)))[ARCHIVE_ID]
    assert {k for p in got.passages for k in p.theirs.sections} == {"ly_do", "ket_qua"}
    assert 0.4 < got.coverage < 0.8


def test_scanned_copy_with_ocr_slips_is_labelled_ocr_noisy() -> None:
    def ocr_slips(text: str) -> str:  # what Tesseract does to Vietnamese: marks dropped or changed
        return (text.replace("ệ", "ê").replace("ố", "ô").replace("ừ", "ư").replace("ạ", "a")
                .replace("l", "1", 2))
    doc = description(TITLE, [ocr_slips(p) for p in SCHOOL], ocr=True)
    m = check(body(doc))[ARCHIVE_ID]
    assert m.coverage >= 0.95
    assert {p.label for p in m.passages} == {"ocr_noisy"}


def test_same_topic_and_near_identical_title_written_independently_is_not_a_duplicate() -> None:
    title = "Một số biện pháp giúp học sinh lớp 4 giải tốt toán có lời văn"
    assert check(body(description(title, SCHOOL_AGAIN), title=title)) == {}


def test_shared_template_and_quoted_laws_alone_are_not_a_duplicate() -> None:
    """Same header, headings, quoted laws and title formula as both archived dossiers."""
    assert check(body(description(TITLE, SCHOOL_AGAIN[:2]))) == {}
    assert set(check(body(description(TITLE, FARM[:3])))) == {FARM_ID}  # its own text does count


def test_text_many_archived_dossiers_share_counts_as_template() -> None:
    """A provincial rule nobody registered, quoted by 30 archived dossiers, raises nothing;
    the same rule in one archived dossier would."""

    rng = random.Random(7)
    words = " ".join(FARM + SCHOOL_AGAIN).split()
    others = []
    for k in range(30):
        paras = [" ".join(rng.choice(words) for _ in range(40)) for _ in range(3)]
        others.append((100 + k, body(description(f"Sáng kiến {k}", paras, rule=True))))
    new = body(description("Sáng kiến mới", SCHOOL_AGAIN, rule=True))
    assert check(new, *others) == {}
    assert 100 in check(new, others[0])  # one dossier quoting it: that is shared text


def test_registered_template_text_never_counts() -> None:
    from tests.checks.dup_inputs import PROVINCE_RULE

    plain = check(body(description("Mới", SCHOOL_AGAIN, rule=True)),
                  (9, body(description("Khác", FARM, rule=True))))
    assert 9 in plain
    bp = Boilerplate.standard([PROVINCE_RULE])
    registered = check(body(description("Mới", SCHOOL_AGAIN, rule=True), boilerplate=bp),
                       (9, body(description("Khác", FARM, rule=True), boilerplate=bp)))
    assert registered == {}


def test_bodies_survive_storage() -> None:
    b = body(description(TITLE, SCHOOL), title=TITLE, confidential=SCHOOL[3])
    again = unpack(pack(b))
    assert again.text == b.text and again.lines == b.lines
    assert (again.own == b.own).all() and (again.confidential == b.confidential).all()
