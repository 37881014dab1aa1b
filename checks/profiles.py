"""Rule profiles: which documents and sections a dossier needs, as TOML data files.

Each template of description (DOMAIN.md) is one profile, one file ``<key>.toml`` in
``checks/profiles/`` (shipped) or in an extra folder an admin gives: dropping a file there adds
a profile, no code. A file of the extra folder with the key of a shipped one replaces it.

    key = "bao-cao-mo-ta"              # must equal the file name
    name = "…"                         # Vietnamese, shown to people
    include = "nd13-don"               # start from that profile (here: its request items)
    [detect]   titles, keys            # how to recognise the description without a given profile
    [documents] required, optional     # document kinds (models.domain.DOCUMENT_KINDS)
    [sections.<kind>] required, optional, conditional, and [sections.<kind>.cues] key -> headings
    [conditions] novelty, applicability, benefit   # the section keys that state each condition
    [rules] shares_total, min_share, first_applied_max_years, min_months_applied,
            signatures, compare_request

``include`` merges table by table: what the file says wins, ``[sections.<kind>]`` tables and
``[rules]`` names it does not mention come from the included profile; ``[conditions]`` and
``[detect]`` are never inherited (they belong to the template's own description).

A broken file raises :class:`ProfileError` naming the file and the line: tomllib's syntax
errors carry their line; for everything else (unknown key, kind, table, rule, wrong type, key
not matching the file name, unknown include) the line of the offending key or value is found
again in the file text.

Choosing a profile for a dossier: the round's profile wins; otherwise each profile with a
``[detect]`` table is scored on the description (``detect_profile``): its title cues at the start
of the description's first lines (folded, fuzzy; only the best-matching profile's title counts),
plus how many of its required section keys were found (recall), how many found keys it knows
(precision) and how many of its ``detect.keys`` were found, each weighed by the share of the
other profiles that do not know that key (a key every template has tells none apart).
Without a description (a request alone) the caller's default profile is used, else none.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from extract.sections import find_sections
from ingest.vietnamese import fold
from models.domain import DOCUMENT_KINDS
from models.errors import ProfileError
from models.understanding import DocView

BUILTIN_DIR = Path(__file__).with_name("profiles")

# Section keys of DOMAIN.md: the description's, then the request form's items.
DESCRIPTION_KEYS = ("muc_luc", "tom_tat", "viet_tat", "danh_muc_bang", "ly_do", "muc_tieu", "pham_vi",
                    "co_so_ly_luan", "thuc_trang", "noi_dung", "ket_qua", "danh_gia", "tinh_moi",
                    "kha_nang_ap_dung", "loi_ich", "ket_luan", "tai_lieu", "phu_luc")
REQUEST_KEYS = ("co_so", "tac_gia", "ten_sang_kien", "chu_dau_tu", "linh_vuc", "ngay_ap_dung",
                "mo_ta_ban_chat", "bao_mat", "dieu_kien", "loi_ich_tac_gia", "loi_ich_to_chuc",
                "ap_dung_thu", "cam_doan")
SECTION_KEYS = DESCRIPTION_KEYS + REQUEST_KEYS
CONDITIONS = ("novelty", "applicability", "benefit")
# conditional section key -> what makes it required (the rule lives in checks.completeness)
CONDITIONAL_KEYS = ("chu_dau_tu",)

DETECT_LINES = 15  # first non-empty lines of a description looked at for its title
TITLE_MIN = 90.0  # rapidfuzz ratio between a line's start and a title cue
DETECT_MIN = 1.5  # below this score nothing is "detected"
TITLE_POINTS = 1.5  # a title alone is just enough; sections outweigh it
_FLOAT_RULES = ("shares_total", "min_share")


@dataclass(frozen=True)
class Requirement:
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    conditional: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    shares_total: float = 100.0
    min_share: float = 0.0
    first_applied_max_years: int = 0
    min_months_applied: int = 0
    signatures: tuple[str, ...] = ()
    compare_request: bool = True


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    path: Path | None
    include: str | None = None
    documents_required: tuple[str, ...] = ()
    documents_optional: tuple[str, ...] = ()
    sections: dict[str, Requirement] = field(default_factory=dict)  # document kind -> requirement
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # section key -> extra headings
    conditions: dict[str, tuple[str, ...]] = field(default_factory=dict)  # condition -> keys
    rules: Rules = Rules()
    detect_titles: tuple[str, ...] = ()
    detect_keys: tuple[str, ...] = ()

    @property
    def conditions_document(self) -> str:
        """The document that must state the three conditions: the description when the profile
        has one, else the request (nd13-don)."""
        if "mo_ta" in self.sections:
            return "mo_ta"
        return next(iter(self.sections), "don_yeu_cau")


# ------------------------------------------------------------------------------- loading


def load_profile(path: Path) -> Profile:
    """One profile file, with its ``include`` resolved: included profiles are looked up as
    ``<key>.toml`` next to the file, then among the shipped ones."""
    def find(key: str) -> Path | None:
        for folder in (path.parent, BUILTIN_DIR):
            if (folder / f"{key}.toml").is_file():
                return folder / f"{key}.toml"
        return None

    return _resolve(path, _read(path), find, ())


def load_profiles(extra_dir: Path | None = None) -> dict[str, Profile]:
    """The shipped profiles plus the admin's folder (its files win over shipped ones)."""
    files: dict[str, Path] = {}
    for folder in (BUILTIN_DIR, extra_dir):
        if folder is not None:
            files.update({p.stem: p for p in sorted(Path(folder).glob("*.toml"))})
    raw = {key: _read(p) for key, p in files.items()}
    return {key: _resolve(files[key], raw[key], files.get, ()) for key in sorted(files)}


def _read(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"at line (\d+)", str(exc))
        line = int(m.group(1)) if m else len(text.rstrip("\n").split("\n"))  # "at end of document"
        raise _error(path, line, f"TOML syntax: {exc}",
                     f"lỗi cú pháp TOML ({exc})") from exc
    _Validator(path, text).check(data)
    return data


def _resolve(path: Path, data: dict[str, Any], lookup: Callable[[str], Path | None],
             chain: tuple[str, ...]) -> Profile:
    return _build(path, _with_included(path, data, lookup, chain), data.get("include"))


def _with_included(path: Path, data: dict[str, Any], lookup: Callable[[str], Path | None],
                   chain: tuple[str, ...]) -> dict[str, Any]:
    """The file's data merged over the data of the profile it includes (recursively)."""
    include = data.get("include")
    if not include:
        return data
    chain = (*chain, data["key"])
    if include in chain:
        line = _line_of(path.read_text(encoding="utf-8"), ("include",))
        raise _error(path, line, f"include cycle: {' -> '.join((*chain, include))}",
                     f"vòng lặp include: {' → '.join((*chain, include))}")
    parent_path = lookup(include)
    if parent_path is None:
        line = _line_of(path.read_text(encoding="utf-8"), ("include",))
        raise _error(path, line, f"include of unknown profile {include!r}",
                     f"include một mẫu không có: “{include}”")
    return _merge(_with_included(parent_path, _read(parent_path), lookup, chain), data)


_OWN = ("key", "name", "include", "conditions", "detect")  # never inherited through include


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    return _merge_tables({k: v for k, v in parent.items() if k not in _OWN}, child)


def _merge_tables(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    out = dict(parent)
    for name, value in child.items():
        if isinstance(value, dict) and isinstance(out.get(name), dict):
            out[name] = _merge_tables(out[name], value)
        else:
            out[name] = value
    return out


def _build(path: Path, data: dict[str, Any], include: str | None) -> Profile:
    sections: dict[str, Requirement] = {}
    cues: dict[str, tuple[str, ...]] = {}
    for kind, table in data.get("sections", {}).items():
        sections[kind] = Requirement(tuple(table.get("required", ())), tuple(table.get("optional", ())),
                                     tuple(table.get("conditional", ())))
        for key, headings in table.get("cues", {}).items():
            cues[key] = tuple(dict.fromkeys((*cues.get(key, ()), *headings)))
    docs = data.get("documents", {})
    detect = data.get("detect", {})
    rules = {k: tuple(v) if isinstance(v, list) else float(v) if k in _FLOAT_RULES else v
             for k, v in data.get("rules", {}).items()}
    return Profile(
        key=data["key"], name=data.get("name", data["key"]), path=path, include=include,
        documents_required=tuple(docs.get("required", ())),
        documents_optional=tuple(docs.get("optional", ())),
        sections=sections, cues=cues,
        conditions={k: tuple(v) for k, v in data.get("conditions", {}).items()},
        rules=Rules(**rules),
        detect_titles=tuple(detect.get("titles", ())), detect_keys=tuple(detect.get("keys", ())),
    )


# ---------------------------------------------------------------------------- validation

_STR_LIST = "list of strings"
_SCHEMA: dict[str, Any] = {  # table -> name -> expected type ("table" for nested ones)
    "": {"key": str, "name": str, "include": str, "detect": "table", "documents": "table",
         "sections": "table", "conditions": "table", "rules": "table"},
    "detect": {"titles": _STR_LIST, "keys": _STR_LIST},
    "documents": {"required": _STR_LIST, "optional": _STR_LIST},
    "section": {"required": _STR_LIST, "optional": _STR_LIST, "conditional": _STR_LIST, "cues": "table"},
    "conditions": {name: _STR_LIST for name in CONDITIONS},
    "rules": {"shares_total": float, "min_share": float, "first_applied_max_years": int,
              "min_months_applied": int, "signatures": _STR_LIST, "compare_request": bool},
}
_TYPE_VI = {str: "chuỗi", float: "số", int: "số nguyên", bool: "true/false",
            "table": "bảng [..]", _STR_LIST: "danh sách chuỗi [\"…\"]"}


class _Validator:
    def __init__(self, path: Path, text: str) -> None:
        self.path, self.text = path, text

    def fail(self, where: tuple[str, ...], en: str, vi: str, value: str | None = None) -> ProfileError:
        return _error(self.path, _line_of(self.text, where, value), en, vi)

    def check(self, data: dict[str, Any]) -> None:
        self.table(data, "", ())
        if "key" not in data:
            raise self.fail((), "missing 'key'", "thiếu dòng key = \"…\"")
        if data["key"] != self.path.stem:
            raise self.fail(("key",), f"key {data['key']!r} does not match the file name {self.path.name}",
                            f"key “{data['key']}” phải trùng tên tệp “{self.path.stem}”")
        for name in ("required", "optional"):
            self.values(data.get("documents", {}).get(name, ()), DOCUMENT_KINDS, ("documents", name),
                        "document kind", "loại tài liệu")
        self.values(data.get("detect", {}).get("keys", ()), SECTION_KEYS, ("detect", "keys"),
                    "section key", "mục")
        for name, keys in data.get("conditions", {}).items():
            self.values(keys, SECTION_KEYS, ("conditions", name), "section key", "mục")
        self.values(data.get("rules", {}).get("signatures", ()), DOCUMENT_KINDS, ("rules", "signatures"),
                    "document kind", "loại tài liệu")
        for kind, table in data.get("sections", {}).items():
            where = ("sections", kind)
            if kind not in DOCUMENT_KINDS:
                raise self.fail(where, f"unknown document kind {kind!r}", f"loại tài liệu không có: “{kind}”")
            if not isinstance(table, dict):
                raise self.fail(where, f"{kind} must be a table", f"“{kind}” phải là một bảng [..]")
            self.table(table, "section", where)
            for name in ("required", "optional"):
                self.values(table.get(name, ()), SECTION_KEYS, (*where, name), "section key", "mục")
            self.values(table.get("conditional", ()), CONDITIONAL_KEYS, (*where, "conditional"),
                        "conditional section key", "mục có điều kiện")
            for key, headings in table.get("cues", {}).items():
                if key not in SECTION_KEYS:
                    raise self.fail((*where, "cues", key), f"unknown section key {key!r}",
                                    f"mục không có: “{key}”")
                self.typed(headings, _STR_LIST, (*where, "cues", key))

    def table(self, table: dict[str, Any], schema: str, where: tuple[str, ...]) -> None:
        known = _SCHEMA[schema]
        for name, value in table.items():
            if (schema, name) in (("", "sections"), ("section", "cues")):  # checked by the caller
                self.typed(value, "table", (*where, name))
                continue
            if name not in known:
                what = "rule" if schema == "rules" else "table or key"
                vi = "quy tắc" if schema == "rules" else "bảng hoặc khoá"
                raise self.fail((*where, name), f"unknown {what} {name!r}", f"{vi} không có: “{name}”")
            self.typed(value, known[name], (*where, name))
            if known[name] == "table":
                self.table(value, name, (*where, name))

    def typed(self, value: Any, expected: Any, where: tuple[str, ...]) -> None:
        ok = {
            _STR_LIST: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "table": lambda v: isinstance(v, dict),
            float: lambda v: isinstance(v, int | float) and not isinstance(v, bool),
            int: lambda v: isinstance(v, int) and not isinstance(v, bool),
        }.get(expected, lambda v: isinstance(v, expected))(value)
        if not ok:
            name = getattr(expected, "__name__", expected)
            raise self.fail(where, f"{'.'.join(where)} must be a {name}",
                            f"“{'.'.join(where)}” phải là {_TYPE_VI[expected]}")

    def values(self, values: Iterable[str], known: Sequence[str], where: tuple[str, ...],
               what: str, what_vi: str) -> None:
        for value in values:
            if value not in known:
                raise self.fail(where, f"unknown {what} {value!r} in {'.'.join(where)}",
                                f"{what_vi} không có: “{value}” (trong {'.'.join(where)})", value)


def _error(path: Path, line: int | None, en: str, vi: str) -> ProfileError:
    at = f", dòng {line}" if line else ""
    return ProfileError(f"{path}:{line or '?'}: {en}", message=f"Tệp mẫu hồ sơ {path.name}{at}: {vi}",
                        path=path, line=line)


_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGN = re.compile(r"^\s*([A-Za-z0-9_.\-\"' ]+?)\s*=")


def _line_of(text: str, where: tuple[str, ...], value: str | None = None) -> int | None:
    """The 1-based line of the key (or table) at ``where``, or of ``value`` in that key's
    list; else the line of the nearest enclosing table."""
    def parts(dotted: str) -> tuple[str, ...]:
        return tuple(p.strip().strip("\"'") for p in dotted.split("."))

    table: tuple[str, ...] = ()
    best, best_len = None, -1
    lines = text.split("\n")
    for i, line in enumerate(lines, 1):
        header = _HEADER.match(line)
        assign = None if header else _ASSIGN.match(line)
        if header:
            table = parts(header.group(1))
            path = table
        elif assign:
            path = table + parts(assign.group(1))
        else:
            continue
        if path[:len(where)] == where:
            best = i
            break
        if where[:len(path)] == path and len(path) > best_len:
            best, best_len = i, len(path)
    if best is None or value is None:
        return best
    for j in range(best, len(lines) + 1):
        if f'"{value}"' in lines[j - 1] or f"'{value}'" in lines[j - 1]:
            return j
        if j > best and (_HEADER.match(lines[j - 1]) or _ASSIGN.match(lines[j - 1])):
            break
    return best


def common_profile(profiles: Mapping[str, Profile]) -> Profile | None:
    """What every description profile agrees on, for a dossier with no profile: the documents
    and section keys they all require, any key of theirs stating each condition, their common
    signatures; other rules at their defaults. None when there are no profiles."""
    group = [p for p in profiles.values() if "mo_ta" in p.documents_required] or list(profiles.values())
    if not group:
        return None

    def common(seqs: Iterable[Sequence[str]]) -> tuple[str, ...]:
        seqs = list(seqs)
        return tuple(x for x in seqs[0] if all(x in s for s in seqs[1:])) if seqs else ()

    kinds = common([tuple(p.sections) for p in group])
    sections = {k: Requirement(common(p.sections[k].required for p in group), (),
                               common(p.sections[k].conditional for p in group)) for k in kinds}
    conditions = {c: tuple(dict.fromkeys(k for p in group for k in p.conditions.get(c, ())))
                  for c in CONDITIONS}
    rules = Rules(signatures=common(p.rules.signatures for p in group),
                  compare_request=all(p.rules.compare_request for p in group))
    return Profile(key="", name="(chung)", path=None, documents_required=common(
        p.documents_required for p in group), sections=sections, conditions=conditions, rules=rules)


# ------------------------------------------------------------------------------- choosing


def choose_profile(docs: Sequence[DocView], profiles: Mapping[str, Profile], *, given: str | None,
                   default: str | None) -> tuple[Profile | None, str]:
    """The dossier's profile and how it was chosen: "round" | "detected" | "default" | "none"."""
    if given:
        if given not in profiles:
            raise ProfileError(f"unknown profile {given!r}; known: {', '.join(sorted(profiles))}",
                               message=f"Không có mẫu hồ sơ “{given}” "
                                       f"(có: {', '.join(sorted(profiles))}).")
        return profiles[given], "round"
    descriptions = [d for d in docs if d.kind == "mo_ta"]
    if descriptions:
        cues: dict[str, tuple[str, ...]] = {}
        for p in profiles.values():
            for key, headings in p.cues.items():
                cues[key] = tuple(dict.fromkeys((*cues.get(key, ()), *headings)))
        found = {s.key for d in descriptions for s in find_sections(d, cues)}  # empty ones too
        titles = [line for d in descriptions for line in _first_lines(d)]
        detected = detect_profile(titles, found, profiles)
        if detected:
            return detected, "detected"
    if default and default in profiles:
        return profiles[default], "default"
    return None, "none"


def detect_profile(title_lines: Sequence[str], found_keys: Iterable[str],
                   profiles: Mapping[str, Profile]) -> Profile | None:
    """The description's profile from its first lines and the section keys found in it, or
    None when no profile scores at least DETECT_MIN."""
    scores = detect_scores(title_lines, found_keys, profiles)
    if not scores:
        return None
    key, score = max(scores.items(), key=lambda kv: (kv[1], kv[0]))
    return profiles[key] if score >= DETECT_MIN else None


def _known_keys(p: Profile) -> set[str]:
    req = p.sections.get("mo_ta", Requirement())
    return {*req.required, *req.optional, *req.conditional, *p.detect_keys,
            *(key for keys in p.conditions.values() for key in keys)}


def detect_scores(title_lines: Sequence[str], found_keys: Iterable[str],
                  profiles: Mapping[str, Profile]) -> dict[str, float]:
    found = set(found_keys)
    candidates = {k: p for k, p in profiles.items() if p.detect_titles or p.detect_keys}
    title = {k: max((_title_ratio(line, t) for line in title_lines for t in p.detect_titles), default=0.0)
             for k, p in candidates.items()}
    top = max(title.values(), default=0.0)
    known = {k: _known_keys(p) for k, p in candidates.items()}
    scores = {}
    for k, p in candidates.items():
        req = p.sections.get("mo_ta", Requirement())
        recall = len(found & set(req.required)) / len(req.required) if req.required else 0.0
        precision = len(found & known[k]) / len(found) if found else 0.0
        # a typical key tells this profile from another only where the other does not know it
        typical = sum(sum(key not in known[o] for o in known if o != k) / max(1, len(known) - 1)
                      for key in found & set(p.detect_keys)) / len(p.detect_keys) \
            if p.detect_keys else 0.0
        points = TITLE_POINTS if top >= TITLE_MIN and title[k] == top else 0.0
        scores[k] = points + recall + precision + typical
    return scores


def _first_lines(doc: DocView) -> list[str]:
    lines = [line for page in doc.pages[:1] for line in page.text.split("\n") if line.strip()]
    return lines[:DETECT_LINES]


def _title_key(text: str) -> str:
    text = re.sub(r"[^A-Z0-9 ]+", " ", fold(text).upper())
    return re.sub(r"^[\d ]+", "", " ".join(text.split()))


def _title_ratio(line: str, title: str) -> float:
    """How well the start of ``line`` matches ``title`` (0-100), folded and fuzzy."""
    key, cue = _title_key(line), _title_key(title)
    if len(key) < len(cue) - 2:
        return 0.0
    return max(fuzz.ratio(key[:n], cue) for n in (len(cue) - 1, len(cue), len(cue) + 1))
