"""Synthetic evaluation dossiers: a new random dossier per seed, with its ground truth.

``synth_case(seed)`` draws everything from ``random.Random(seed)`` (deterministic):

1. facts — sector, unit, place, topic and title, 1–4 authors (shares summing to 100), the
   addressee, field, dates, sometimes an investor and confidential information;
2. documents — the request (``samples.forms.request_form``, random ``FormStyle``: title
   wording, two-column header, footnote digits, date style …), the description written from
   the phrase bank (``samples.synth_bank``) in the profile's outline with heading variants
   (``samples.synth_outline``), sometimes a proof of application and the council's minutes;
3. removals and defects — a required section removed or left empty, a condition section
   removed, the description removed, a request item or field line removed, shares not
   summing to 100, first application after submission, title or authors differing between
   request and description, the request's date line or whole signature removed;
4. filing — one file per document, each in a random input kind with mild scan settings.

The truth (``Synth``) records what has content, what was left empty, the injected findings
and the fields; ``expected_findings(case, profile)`` applies the checker's rules (the
requirement lists below, DOMAIN.md's profiles) under any profile, because a dossier
understood without a given profile is judged under the detected or default one.
``write_case`` writes the files and returns a truth dict shaped like ``samples/truth``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta

from samples import synth_outline as ol
from samples.content._kit import SIGN
from samples.forms import in_words, minutes, proof, request_form
from samples.synth_bank import (
    COMMUNES,
    FEMALE,
    MALE,
    PLACES,
    SECTORS,
    SURNAMES,
    TITLE_FORMULAS,
    Sector,
    Topic,
    fill,
)
from samples.synth_truth import KEEP, PROFILES, REQUIREMENTS, Synth, expected_findings, write_case

__all__ = ["PROFILES", "Synth", "expected_findings", "synth_case", "synth_dossier", "write_case"]
from samples.texts import (
    Author,
    Defect,
    Document,
    Dossier,
    FileSpec,
    FormStyle,
    Helper,
    Item,
    Minutes,
    Para,
    Proof,
    Request,
    Scan,
)

REQUEST_REMOVABLE = ("linh_vuc", "mo_ta_ban_chat", "dieu_kien", "loi_ich_tac_gia")
REQUEST_TITLES = ("ĐƠN YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "ĐƠN ĐỀ NGHỊ CÔNG NHẬN SÁNG KIẾN",
                  "PHIẾU YÊU CẦU CÔNG NHẬN SÁNG KIẾN", "ĐƠN ĐĂNG KÝ SÁNG KIẾN")
DESC_TITLES = {"langson-291": ("BẢN MÔ TẢ SÁNG KIẾN", "THUYẾT MINH SÁNG KIẾN", "BÁO CÁO SÁNG KIẾN"),
               "bao-cao-mo-ta": ("BÁO CÁO MÔ TẢ SÁNG KIẾN",),
               "skkn": ("SÁNG KIẾN KINH NGHIỆM",)}
IMAGE_KINDS = ("scanned_pdf", "photo", "tiff", "mixed_pdf", "broken_text_pdf")
DIGITAL_KINDS = ("born_digital_pdf", "docx", "doc", "docx_tcvn3", "docx_vni")
KIND_WEIGHTS = {"born_digital_pdf": 5, "scanned_pdf": 5, "docx": 4, "tiff": 2, "photo": 1,
                "mixed_pdf": 1, "broken_text_pdf": 1, "doc": 1, "docx_tcvn3": 1, "docx_vni": 1}
FILE_NAMES = {"don_yeu_cau": ("don-yeu-cau", "Don yeu cau cong nhan sang kien", "01_don_de_nghi",
                              "phieu-yeu-cau"),
              "mo_ta": ("bao-cao-mo-ta", "Ban mo ta sang kien", "02_thuyet_minh", "skkn"),
              "xac_nhan": ("giay-xac-nhan", "xac nhan ap dung"),
              "bien_ban": ("bien-ban-hop-xet", "bien ban hoi dong")}
EXT = {"born_digital_pdf": "pdf", "scanned_pdf": "pdf", "mixed_pdf": "pdf", "broken_text_pdf": "pdf",
       "tiff": "tif", "photo": "jpg", "docx": "docx", "docx_tcvn3": "docx", "docx_vni": "docx",
       "doc": "doc"}


def synth_dossier(seed: int) -> Dossier:
    return synth_case(seed).dossier


# ---------------------------------------------------------------------------- facts


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        middles, givens = MALE if rng.random() < 0.5 else FEMALE
        name = f"{rng.choice(SURNAMES)} {rng.choice(middles)} {rng.choice(givens)}"
        if name not in taken:
            taken.add(name)
            return name


def _shares(rng: random.Random, n: int) -> list[float]:
    if n == 3 and rng.random() < 0.15:
        return [33.3, 33.3, 33.4]
    cuts = sorted(rng.sample(range(2, 18), n - 1)) if n > 1 else []
    bounds = [0, *cuts, 20]
    return [float(5 * (b - a)) for a, b in zip(bounds, bounds[1:])]


@dataclass
class _Facts:
    sector: Sector
    topic: Topic
    province: str
    district: str
    unit: str
    request: Request
    slots: dict[str, str]


def _facts(rng: random.Random, variants: set[str]) -> _Facts:
    sector = rng.choice(SECTORS)
    province = rng.choice(sorted(PLACES))
    district = rng.choice(PLACES[province])
    commune = rng.choice(COMMUNES)
    fmt = {"p": province, "d": district, "c": commune, "P": province.upper(), "D": district.upper()}
    unit = rng.choice(sector.units).format(**fmt)
    topic = rng.choice(sector.topics)
    title = rng.choice(TITLE_FORMULAS).format(core=topic.core)
    if rng.random() < 0.4:
        title += f" tại {unit}"
    n = rng.choices((1, 2, 3, 4), weights=(4, 3, 2, 1))[0]
    taken: set[str] = set()
    qualifications = list(sector.qualifications)
    if rng.random() < 0.3:  # kĩ / kỹ spelled both ways
        qualifications = [q.replace("Kỹ", "Kĩ") for q in qualifications]
        variants.add("spell_ki")
    authors = tuple(
        Author(_name(rng, taken), date(rng.randint(1966, 1998), rng.randint(1, 12), rng.randint(1, 28)),
               unit if i == 0 or rng.random() < 0.8 else rng.choice(sector.units).format(**fmt),
               rng.choice(sector.positions), rng.choice(qualifications), share)
        for i, share in enumerate(_shares(rng, n)))
    signed = date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
    slots = {"subject": topic.subject, "subject_cap": topic.subject[0].upper() + topic.subject[1:],
             "tool": topic.tool, "metric": topic.metric, "problem": topic.problem, "unit": unit,
             "place": f"huyện {district}, tỉnh {province}", "p": province, "year": str(signed.year),
             "y0": str(signed.year - 1)}
    agency = (rng.choice(sector.agencies).format(**fmt), unit.upper()) if rng.random() < 0.5 else ()
    if agency:
        variants.add("agency")
    style = FormStyle(
        title=rng.choice(REQUEST_TITLES),
        republic=rng.choice(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        motto=rng.choice(("Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc")),
        agency=agency, footnotes=rng.random() < 0.5, date_style=rng.choice(("words", "slash")),
        share_suffix=rng.choice(("", "%")),
        unit_confirm=("XÁC NHẬN CỦA ĐƠN VỊ", "(Ký tên, đóng dấu)") if rng.random() < 0.25 else (),
        essence_inline=rng.random() < 0.3)
    if style.footnotes:
        variants.add("footnotes")
    helpers = tuple(
        Helper(_name(rng, taken), date(rng.randint(1970, 1999), rng.randint(1, 12), rng.randint(1, 28)),
               unit, rng.choice(sector.positions), rng.choice(qualifications),
               "Tham gia áp dụng thử, tổng hợp số liệu")
        for _ in range(rng.randint(1, 2))) if rng.random() < 0.3 else ()
    request = Request(
        addressee=rng.choice(sector.addressees).format(**fmt),
        authors=authors, title=title[0].upper() + title[1:],
        investor=f"{unit} (bố trí kinh phí thực hiện)" if rng.random() < 0.3 else None,
        field=topic.field + rng.choice(("", ".")),
        first_applied=signed - timedelta(days=rng.randint(120, 700)),
        essence=tuple(f"{s[0].upper()}{s[1:]}." for s in topic.steps[:rng.randint(2, 4)]),
        confidential=(f"Tệp dữ liệu gốc và tài khoản quản trị của {topic.tool}."
                      if rng.random() < 0.2 else None),
        conditions=f"Có sự đồng thuận của lãnh đạo đơn vị; cán bộ thực hiện được hướng dẫn về {topic.tool}.",
        benefit_author=fill(rng, "Sau {n} tháng, {metric} tăng từ {a}% lên {b}%.", slots),
        benefit_org=(fill(rng, "Đơn vị áp dụng thử đánh giá {tool} dễ thực hiện, hiệu quả rõ.", slots)
                     if rng.random() < 0.4 else None),
        helpers=helpers, place=district, signed=signed, style=style)
    return _Facts(sector, topic, province, district, unit, request, slots)


# ---------------------------------------------------------------------------- description


def _strip_item(items: list[Item], key: str, empty: bool) -> list[Item]:
    """Remove a keyed item (and the body paragraphs under it), or keep its label alone."""
    i = next(n for n, it in enumerate(items) if isinstance(it, Para) and it.key == key)
    j = i + 1
    while j < len(items) and isinstance(items[j], Para) and items[j].style == "body" \
            and not items[j].key:
        j += 1
    it = items[i]
    assert isinstance(it, Para)
    keep = [Para(f"{it.heading}:", key=key, label=it.heading)] if empty else []
    return items[:i] + keep + items[j:]


def _unsign(items: list[Item], names: set[str], date_only: bool) -> list[Item]:
    """Drop the place-and-date line (and, unless ``date_only``, the signers' names)."""
    out = [it for it in items if not (isinstance(it, Para) and it.style == "right")]
    if not date_only:
        out = [it for it in out if not (isinstance(it, Para) and it.style == "sign" and it.text in names)]
    return out


def _pick_input(rng: random.Random, kind: str) -> str:
    kinds = [k for k in KIND_WEIGHTS if not (k == "photo" and kind == "mo_ta")]
    return rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]


def _scan(rng: random.Random, seed: int, photo: bool, stamp: bool) -> Scan:
    skew = round(rng.uniform(-2, 2), 1)
    return Scan(dpi=200 if photo else rng.choice((200, 240, 300)), skew=skew,
                skews=tuple((p, round(rng.uniform(-2, 2), 1)) for p in (2, 3) if rng.random() < 0.5),
                noise=round(rng.uniform(0, 0.0015), 4), blur=round(rng.uniform(0, 0.6), 1),
                jpeg=rng.randint(70, 88), stamp_pages=(1,) if stamp else (), photo=photo,
                color=photo or stamp, seed=seed)


def _file(rng: random.Random, seed: int, kind: str, n: int) -> FileSpec:
    inp = _pick_input(rng, kind)
    base = rng.choice(FILE_NAMES[kind])
    name = f"{base}-trang-{{n}}.jpg" if inp == "photo" else f"{base}.{EXT[inp]}"
    scan = _scan(rng, seed * 10 + n, inp == "photo", kind in ("xac_nhan", "bien_ban")) \
        if inp in IMAGE_KINDS else None
    pages = tuple(sorted(rng.sample((1, 2, 3), rng.randint(1, 2)))) if inp == "mixed_pdf" else ()
    return FileSpec(name, (kind,), inp, scan=scan, scanned_pages=pages,
                    headings=rng.choice(("styles", "bold")))


def synth_case(seed: int) -> Synth:
    """A new random dossier (deterministic per seed) and its truth."""
    rng = random.Random(seed)
    variants: set[str] = set()
    f = _facts(rng, variants)
    req = f.request
    profile = rng.choice(PROFILES)
    has_desc = profile != "nd13-don"
    kinds = ["don_yeu_cau"] + (["mo_ta"] if has_desc else []) + \
        (["xac_nhan"] if rng.random() < 0.35 else []) + (["bien_ban"] if rng.random() < 0.25 else [])
    specs = [_file(rng, seed, k, n) for n, k in enumerate(kinds)]
    inputs = {s.docs[0]: s.input for s in specs}
    injected: set[tuple[str, str | None]] = set()
    missing: list[str] = []
    defects: list[Defect] = []
    empty: set[tuple[str, str]] = set()

    # --- plan removals and defects
    first_gone = rng.random() < 0.08
    date_gone = rng.random() < 0.1
    unsigned = date_gone and rng.random() < 0.4
    if first_gone:
        req = replace(req, essence=req.essence)  # the line is emptied below
    elif rng.random() < 0.08 and not date_gone:
        req = replace(req, first_applied=req.signed + timedelta(days=rng.randint(10, 90)))
        injected.add(("first_applied_after_submission", None))
        defects.append(Defect("first_applied_after_submission", "first application after the request"))
    if len(req.authors) > 1 and rng.random() < 0.1:
        a = req.authors[-1]
        req = replace(req, authors=req.authors[:-1] + (replace(a, share=a.share + rng.choice((-10, 10))),))
        injected.add(("shares_not_100", None))
        defects.append(Defect("shares_not_100", f"shares sum to {sum(x.share for x in req.authors):g}"))

    # --- the request
    items = list(request_form(req).items)
    names = {a.name for a in req.authors}
    if first_gone:
        items = _strip_item(items, "ngay_ap_dung", empty=True)
        injected.add(("first_applied_missing", None))
        empty.add(("don_yeu_cau", "ngay_ap_dung"))
        variants.add("field_removed")
    if date_gone:
        items = _unsign(items, names, date_only=not unsigned)
        injected.add(("signature_missing" if unsigned else "date_missing", "don_yeu_cau"))
        variants.add("unsigned" if unsigned else "date_removed")
    req_cut = has_desc and rng.random() < 0.08 or not has_desc and rng.random() < 0.55
    if req_cut:
        key = rng.choice(REQUEST_REMOVABLE)
        gone_empty = rng.random() < 0.35
        items = _strip_item(items, key, empty=gone_empty)
        (empty.add(("don_yeu_cau", key)) if gone_empty else None)
        missing.append(key)
        variants.add("request_item_empty" if gone_empty else "request_item_removed")
    documents = [Document("don_yeu_cau", tuple(items))]

    # --- the description
    decision = None
    if profile == "bao-cao-mo-ta" and rng.random() < 0.7:
        decision = (f"{rng.randint(5, 240)}/QĐ-{rng.choice(('UBND', 'TTYT', 'BQLDA', 'KBNN', 'PGDĐT'))}",
                    req.signed - timedelta(days=rng.randint(5, 60)))
    desc_title, desc_names = req.title, [a.name for a in req.authors]
    desc_gone = has_desc and rng.random() < 0.08
    if has_desc and not desc_gone:
        if rng.random() < 0.1:
            other = rng.choice([t for t in f.sector.topics if t is not f.topic])
            desc_title = rng.choice(TITLE_FORMULAS).format(core=other.core)
            desc_title = desc_title[0].upper() + desc_title[1:]
            injected.add(("title_mismatch", None))
            defects.append(Defect("title_mismatch", desc_title))
        if rng.random() < 0.1:
            desc_names[-1] = _name(rng, set(desc_names) | names)
            injected.add(("authors_mismatch", None))
            defects.append(Defect("authors_mismatch", desc_names[-1]))
        documents.append(_description(rng, profile, f, inputs["mo_ta"], desc_title, desc_names, decision,
                                      first_gone, empty, missing, variants))
    elif desc_gone:
        missing.append("mo_ta")
        variants.add("document_removed")

    # --- proof and minutes
    authors = tuple(a.name for a in req.authors)
    if "xac_nhan" in kinds and (first_gone or rng.random() < 0.3):
        kinds.remove("xac_nhan")
        variants.add("proof_removed")
    if "xac_nhan" in kinds:
        documents.append(proof(Proof(
            agency=req.style.agency or (f.unit.upper(),), number=f"{rng.randint(3, 150)}/XN",
            place=req.place, signed=req.signed - timedelta(days=rng.randint(2, 20)), confirmer=f.unit,
            applied_at=f.unit, since=req.first_applied, effect=(f"- {req.benefit_author}",),
            signer_title="THỦ TRƯỞNG ĐƠN VỊ", signer=_name(rng, set(names))), req.title, authors))
    if "bien_ban" in kinds:
        chair, secretary = _name(rng, set(names)), _name(rng, set(names))
        documents.append(minutes(Minutes(
            agency=req.style.agency or (f.unit.upper(),), number=f"{rng.randint(1, 30):02d}/BB-HĐSK",
            place=req.place, held=req.signed - timedelta(days=rng.randint(3, 30)), hour="14 giờ 00 phút",
            venue=f"phòng họp {f.unit}", council=f"Hội đồng sáng kiến cơ sở {f.unit}",
            members=((chair, "Chủ tịch Hội đồng"), (secretary, "Thư ký Hội đồng")), present=2, total=2,
            votes_for=2, opinions=("Sáng kiến có tính thực tiễn, đề nghị công nhận.",), chair=chair,
            secretary=secretary), req.title, authors))
    specs = [s for s in specs if s.docs[0] in {d.kind for d in documents}]
    if any(s.headings == "styles" and s.input.startswith("doc") for s in specs):
        variants.add("docx_styles")

    # --- truth
    keyed = {(d.kind, it.key) for d in documents for it in d.items if getattr(it, "key", None)}
    content = frozenset(keyed - empty)
    if profile == "bao-cao-mo-ta" and ("mo_ta", "ten_sang_kien") not in content:
        injected.discard(("title_mismatch", None))  # the description no longer states a title
    unscored = frozenset({("don_yeu_cau", "bao_mat")} if req.confidential is None else set())
    field = req.field if ("don_yeu_cau", "linh_vuc") in content else (
        req.field if ("mo_ta", "linh_vuc") in content else None)
    fields = {
        "title": req.title,
        "authors": [{"name": a.name, "birth_date": a.birth_date.isoformat(), "unit": a.unit,
                     "position": a.position, "qualification": a.qualification,
                     "share_percent": a.share} for a in req.authors],
        "addressee": req.addressee, "unit": req.authors[0].unit, "field": field,
        "first_applied": None if first_gone else req.first_applied.isoformat(),
        "investor": req.investor, "confidential": req.confidential,
        "decisions": [[decision[0], decision[1].isoformat()]] if decision and any(
            d.kind == "mo_ta" for d in documents) else [],
    }
    if not date_gone:
        fields["year"] = req.signed.year
    for kind, key in sorted(empty):
        defects.append(Defect("empty_section", f"{kind}: {key}"))
    variants.update(f"input_{s.input}" for s in specs)
    variants.add(f"profile_{profile}")
    dossier = Dossier(
        name=f"synth-{seed:05d}-{profile}", profile=profile, sector=f.sector.name, unit=f.unit,
        documents=tuple(documents), files=tuple(specs), request=req, missing=tuple(missing),
        defects=tuple(defects), notes=f"synthetic dossier, seed {seed}")
    return Synth(seed, dossier, content, frozenset(empty), frozenset(injected), fields,
                 frozenset(variants), unscored)


def _description(rng: random.Random, profile: str, f: _Facts, inp: str, title: str, names: list[str],
                 decision: tuple[str, date] | None, first_gone: bool, empty: set[tuple[str, str]],
                 missing: list[str], variants: set[str]) -> Document:
    req = f.request
    authors = {a.name: a for a in req.authors}
    shown = [f"{n} – {authors[n].position}, {authors[n].qualification}" if n in authors else n
             for n in names] if profile == "bao-cao-mo-ta" and rng.random() < 0.5 else names
    blocks = ol.outline(rng, profile, f.topic, f.slots, req.field, req.first_applied, title, shown,
                        decision, variants)
    if first_gone:
        blocks = [b for b in blocks if b.key != "ngay_ap_dung"]
    _, required, _ = REQUIREMENTS[profile]
    r = rng.random()
    present = [b.key for b in blocks if b.key]
    if r < 0.45:  # a required section removed or emptied
        pool = [k for k in required["mo_ta"] if k in present and k not in KEEP.get(profile, ())]
        i_of = {b.key: i for i, b in enumerate(blocks)}
        emptiable = [k for k in pool if i_of[k] + 1 == len(blocks)
                     or blocks[i_of[k] + 1].level <= blocks[i_of[k]].level]
        if r < 0.15 and emptiable:
            key = rng.choice(emptiable)
            blocks[i_of[key]].body = []
            empty.add(("mo_ta", key))
            variants.add("section_empty")
        else:
            key = rng.choice(pool)
            blocks = [b for b in blocks if b.key != key]
            variants.add("section_removed")
        missing.append(key)
    elif r < 0.65:  # a condition section removed (sometimes left empty)
        key = rng.choice(ol.CONDITION_KEYS)
        if rng.random() < 0.3:
            next(b for b in blocks if b.key == key).body = []
            empty.add(("mo_ta", key))
        else:
            blocks = [b for b in blocks if b.key != key]
        missing.append(key)
        variants.add("condition_removed")
    style = ol.pick_style(rng, profile, inp in DIGITAL_KINDS)
    if profile != "bao-cao-mo-ta":
        variants.update({f"num_{style.section}", f"sub_{style.sub}",
                         "case_upper" if style.upper else "case_title"})
    if profile == "skkn":
        variants.add(f"part_{style.part}")
    if any("Lí" in b.heading or "lí" in b.heading for b in blocks):
        variants.add("spell_li")
    items: list[Item] = []
    authors_line = None
    if profile != "bao-cao-mo-ta" and rng.random() < 0.5:
        authors_line = ("Tác giả: " if len(names) == 1 else "Nhóm tác giả: ") + ", ".join(names)
    kind_title = rng.choice(DESC_TITLES[profile])
    items += ol.cover(kind_title, title, authors_line) if profile != "bao-cao-mo-ta" else [ol.T(kind_title)]
    items += ol.render(blocks, style, variants)
    if style.slip:
        items = ol.apply_slip(items, rng)
        variants.add("slip")
    role = "Tác giả" if len(names) == 1 else "Nhóm tác giả"
    items += SIGN(f"{req.place}, {in_words(req.signed)}", role, *names)
    return Document("mo_ta", tuple(items))
