"""The synthetic dossier generator: deterministic, varied, and its truth says what it wrote."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from samples import synth_stack
from samples.synth import PROFILES, expected_findings, synth_case, synth_dossier, write_case
from samples.synth_truth import REQUIREMENTS
from samples.texts import Para, Table
from samples.truth import norm

SEEDS = range(150)
CASES = [synth_case(s) for s in SEEDS]


def keyed_items(doc):
    return [it for it in doc.items if isinstance(it, Para | Table) and it.key]


def test_same_seed_same_dossier_other_seed_other_dossier() -> None:
    assert synth_case(7) == synth_case(7)
    assert synth_dossier(7) == synth_case(7).dossier
    assert synth_dossier(7).request != synth_dossier(8).request


def test_all_profiles_and_variant_classes_occur() -> None:
    profiles = Counter(c.profile for c in CASES)
    assert set(profiles) == set(PROFILES)
    seen = set().union(*(c.variants for c in CASES))
    wanted = {
        "num_roman", "num_arabic", "num_dotted", "num_paren", "num_none", "part_phan", "part_Phan",
        "part_abc", "part_chuong", "case_upper", "case_title", "spell_li", "spell_ki", "footnotes",
        "inline", "unnumbered_sub", "docx_styles", "agency", "slip", "section_removed",
        "section_empty", "condition_removed", "document_removed", "proof_removed", "field_removed",
        "date_removed", "request_item_removed", "request_item_empty",
        *(f"input_{k}" for k in ("born_digital_pdf", "scanned_pdf", "photo", "tiff", "docx", "doc",
                                 "docx_tcvn3", "docx_vni", "mixed_pdf")),
    }
    assert wanted <= seen, wanted - seen
    codes = {code for c in CASES for code, _ in expected_findings(c)}
    assert {"missing_document", "missing_section", "empty_section", "novelty_not_stated",
            "shares_not_100", "first_applied_missing", "first_applied_after_submission",
            "title_mismatch", "authors_mismatch"} <= codes


def test_shares_sum_to_100_unless_the_defect_is_injected() -> None:
    for c in CASES:
        total = sum(a.share for a in c.dossier.request.authors)
        assert (abs(total - 100) > 0.5) == (("shares_not_100", None) in c.injected), c.seed


def test_removals_are_recorded_and_really_absent() -> None:
    for c in CASES:
        d = c.dossier
        kinds = {doc.kind for doc in d.documents}
        for gone in d.missing:
            if gone == "mo_ta":
                assert "mo_ta" not in kinds
                assert ("missing_document", "mo_ta") in expected_findings(c)
                continue
            holders = c.kinds() & {"don_yeu_cau", "mo_ta"}
            assert any((kind, gone) not in c.content for kind in holders), (c.seed, gone)
        for kind, key in c.empty:
            doc = d.document(kind)
            i = next(n for n, it in enumerate(doc.items) if getattr(it, "key", None) == key)
            head = doc.items[i]
            assert isinstance(head, Para) and head.text.rstrip(":") == head.heading.rstrip(":")
            after = doc.items[i + 1] if i + 1 < len(doc.items) else None
            assert not (isinstance(after, Para) and after.style == "body" and after.label is None)
        written = {(doc.kind, it.key) for doc in d.documents for it in keyed_items(doc)}
        assert c.content | c.empty == written


def test_expected_findings_follow_the_requirement_lists() -> None:
    for c in CASES:
        found = expected_findings(c)
        docs, required, conditions = REQUIREMENTS[c.profile]
        lacking = {key for kind, keys in required.items() if kind in c.kinds()
                   for key in keys if (kind, key) not in c.content}
        reported = {key for code, key in found if code in ("missing_section", "empty_section")}
        # an unstated condition's finding stands for its keys: no second finding for them
        covered = {k for code, key in found if code.endswith("_not_stated")
                   for keys in conditions.values() if keys[0] == key for k in keys}
        assert reported == lacking - covered, c.seed
        assert not reported & covered, c.seed
    # a request-only dossier judged under a description profile lacks the description
    nd13 = next(c for c in CASES if c.profile == "nd13-don")
    assert ("missing_document", "mo_ta") in expected_findings(nd13, "bao-cao-mo-ta")
    assert ("missing_document", "mo_ta") not in expected_findings(nd13)


def test_write_case_as_docx_and_born_digital_pdf(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.profile != "nd13-don" and "mo_ta" in c.kinds())
    d = case.dossier
    specs = []
    for spec, inp in zip(d.files, ("born_digital_pdf", "docx"), strict=False):
        stem = spec.name.rsplit(".", 1)[0].replace("-trang-{n}", "")
        specs.append(dataclasses.replace(spec, input=inp, scan=None, scanned_pages=(),
                                         name=f"{stem}.{'pdf' if inp.endswith('pdf') else 'docx'}"))
    case = dataclasses.replace(case, dossier=dataclasses.replace(d, files=tuple(specs)))
    truth = write_case(case, tmp_path, tmp_path)
    folder = tmp_path / d.name
    for entry in truth["files"]:
        assert (folder / entry["path"]).stat().st_size > 0
    pdf_entry = truth["files"][0]
    reader = pypdf.PdfReader(folder / pdf_entry["path"])
    assert len(reader.pages) == len(pdf_entry["pages"])
    first = norm(reader.pages[0].extract_text())
    assert norm(d.request.authors[0].name) in first
    keys = {(s["document"], s["key"]) for s in truth["sections"]}
    assert keys == {(doc.kind, it.key) for doc in d.documents[:2] for it in keyed_items(doc)}
    assert {tuple(f) for f in truth["synth"]["findings"]} == expected_findings(case)


def test_stack_truth_matches_its_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    tiny = Image.new("L", (20, 28), 255)
    monkeypatch.setattr(synth_stack, "scan_image", lambda page, scan, n: tiny)
    monkeypatch.setattr(synth_stack, "_raster", lambda pdf, dpi, skew, seed: synth_stack.PdfPage(
        image=synth_stack.jpeg_bytes(tiny, 50), image_px=tiny.size, image_dpi=dpi))
    for seed in (1, 2, 3):
        st = synth_stack.synth_stack(seed, 5)
        pages = len(pypdf.PdfReader(io.BytesIO(st.pdf)).pages)
        assert pages == len(st.kinds)
        assert len(st.starts) == 5 and st.starts[0] == 1 and list(st.starts) == sorted(st.starts)
        for start in st.starts:
            assert st.kinds[start - 1] is not None
            assert start == 1 or st.kinds[start - 2] is None or st.kinds[start - 1] == "don_yeu_cau"
        for i, secs in enumerate(st.sections):
            end = st.starts[i + 1] - 1 if i + 1 < len(st.starts) else pages
            assert all(st.starts[i] <= s["page"] <= end for s in secs)
