"""The truth side of the synthetic dossiers (``samples.synth``): the requirement lists the
checker uses (profile -> documents, required sections, conditions), the ``Synth`` record of
one dossier, the findings it must raise under a given profile, and writing its files.

``expected_findings(case, profile)`` applies exactly these rules:

- missing_document(kind) for each required document kind absent;
- missing_section(key) / empty_section(key) for each required section of a present document
  (request items in the request, the profile's sections in the description) that is absent /
  present only as a heading with no content;
- novelty/applicability/benefit_not_stated(first key of the condition) when none of the
  condition's keys has a section with content in the document carrying them (the description;
  the request for nd13-don), checked only when that document exists;
- the findings injected by the generator (shares_not_100, first_applied_missing, …).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from samples import files
from samples.texts import Dossier

PROFILES = ("langson-291", "bao-cao-mo-ta", "skkn", "nd13-don")
REQUEST_REQUIRED = ("co_so", "tac_gia", "ten_sang_kien", "linh_vuc", "ngay_ap_dung",
                    "mo_ta_ban_chat", "dieu_kien", "loi_ich_tac_gia", "cam_doan")
# profile -> (documents required, {document kind: required keys}, conditions)
REQUIREMENTS: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]] = {
    "nd13-don": (("don_yeu_cau",), {"don_yeu_cau": REQUEST_REQUIRED},
                 {"novelty": ("mo_ta_ban_chat",), "applicability": ("dieu_kien",),
                  "benefit": ("loi_ich_tac_gia",)}),
    "langson-291": (("don_yeu_cau", "mo_ta"), {
        "don_yeu_cau": REQUEST_REQUIRED,
        "mo_ta": ("tom_tat", "ly_do", "muc_tieu", "pham_vi", "co_so_ly_luan", "noi_dung",
                  "danh_gia", "ket_luan", "tai_lieu")},
        {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",), "benefit": ("loi_ich",)}),
    "bao-cao-mo-ta": (("don_yeu_cau", "mo_ta"), {
        "don_yeu_cau": REQUEST_REQUIRED,
        "mo_ta": ("ten_sang_kien", "tac_gia", "linh_vuc", "thuc_trang", "noi_dung", "ket_qua")},
        {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",),
         "benefit": ("loi_ich", "ket_qua")}),
    "skkn": (("don_yeu_cau", "mo_ta"), {
        "don_yeu_cau": REQUEST_REQUIRED,
        "mo_ta": ("ly_do", "muc_tieu", "pham_vi", "co_so_ly_luan", "thuc_trang", "noi_dung",
                  "ket_qua", "ket_luan", "tai_lieu")},
        {"novelty": ("tinh_moi",), "applicability": ("kha_nang_ap_dung",),
         "benefit": ("loi_ich", "ket_qua")}),
}
NOT_STATED = {"novelty": "novelty_not_stated", "applicability": "applicability_not_stated",
              "benefit": "benefit_not_stated"}
# part headings of skkn (ĐẶT VẤN ĐỀ, GIẢI QUYẾT VẤN ĐỀ, KẾT LUẬN) carry these cues: never
# remove their sub-sections, or the truth would be ambiguous
KEEP = {"skkn": {"ly_do", "noi_dung", "ket_luan"}}
@dataclass(frozen=True)
class Synth:
    """One synthetic dossier and its truth (beyond what ``samples.files`` records)."""

    seed: int
    dossier: Dossier
    content: frozenset[tuple[str, str]]  # (document kind, key) present with content
    empty: frozenset[tuple[str, str]]  # (document kind, key) kept as a heading, no content
    injected: frozenset[tuple[str, str | None]]  # findings other than missing parts
    fields: dict  # truth fields; a field left out is not scored
    variants: frozenset[str]  # the variant classes this dossier exercises
    unscored: frozenset[tuple[str, str]] = frozenset()  # sections whose emptiness is moot

    @property
    def profile(self) -> str:
        assert self.dossier.profile
        return self.dossier.profile

    def kinds(self) -> set[str]:
        return {d.kind for d in self.dossier.documents}


def expected_findings(case: Synth, profile: str | None = None) -> frozenset[tuple[str, str | None]]:
    """(code, key) the checker must report for ``case`` judged under ``profile`` (default:
    the profile the dossier was written in)."""
    docs, required, conditions = REQUIREMENTS[profile or case.profile]
    present = case.kinds()
    out: set[tuple[str, str | None]] = {("missing_document", k) for k in docs if k not in present}
    carrier = "don_yeu_cau" if (profile or case.profile) == "nd13-don" else "mo_ta"
    unstated = {name: keys for name, keys in conditions.items()
                if carrier in present and not any((carrier, k) in case.content for k in keys)}
    for name, keys in unstated.items():
        out.add((NOT_STATED[name], keys[0]))
    covered = {k for keys in unstated.values() for k in keys}  # one finding per missing part
    for kind, keys in required.items():
        if kind not in present:
            continue
        for key in keys:
            if (kind, key) in case.content or (kind == carrier and key in covered):
                continue
            out.add(("empty_section" if (kind, key) in case.empty else "missing_section", key))
    return frozenset(out | case.injected)


# ---------------------------------------------------------------------------- writing


def write_case(case: Synth, root: Path, work: Path) -> dict:
    """Write the dossier's files under root/<name>/; return its truth (samples/truth shape
    plus a "synth" entry: content, empty, injected, unscored, findings, variants)."""
    d = case.dossier
    folder = root / d.name
    entries, sections = [], []
    for spec in d.files:
        made, secs = files.write_file(d, spec, folder, work)
        entries += made
        sections += secs
    truth = files.truth_of(d, d.name, entries, sections)
    truth["fields"] = case.fields
    truth["synth"] = {
        "seed": case.seed,
        "content": sorted(case.content), "empty": sorted(case.empty),
        "injected": sorted(case.injected, key=str), "unscored": sorted(case.unscored),
        "findings": sorted(expected_findings(case), key=str), "variants": sorted(case.variants),
    }
    return json.loads(json.dumps(truth, ensure_ascii=False))
