"""TCVN3 and VNI conversion: tables, code-point forms, capitals, detection, mixed runs.

Inputs are built from known Unicode text with ``encode`` (the inverse of ``decode``), or
written out byte by byte where the point is a specific byte ("ư" is 0xAD, "ẳ" is "aú").
"""

from __future__ import annotations

import unicodedata

import pytest

from ingest import legacy
from ingest.legacy import decode, decode_runs, encode, font_encoding, is_caps_font, probe_encoding

TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
BASES = "aăâeêioôơuưy"


def all_letters() -> list[str]:
    """Every Vietnamese vowel with every tone, and đ: 12 x 6 + 1 = 73 lowercase letters."""
    letters = [unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES]
    return letters + ["đ"]


LOWER = all_letters()
UPPER = [c.upper() for c in LOWER]
SENTENCE = "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"


def decode_all(runs: list[tuple[str, str]]) -> str:
    """What a reader gets back from ``encode``'s runs (H fonts restore capitals)."""
    texts, _ = decode_runs(runs)
    return "".join(texts)


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
@pytest.mark.parametrize("letter", LOWER + UPPER)
def test_every_letter_round_trips(encoding: str, letter: str) -> None:
    for word in (letter, f"x{letter}n", f"Ng{letter}"):
        runs = encode(word, encoding)
        assert all(legacy.font_encoding(font) == encoding for _, font in runs), runs
        assert decode_all(runs) == word


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_sentences_round_trip(encoding: str) -> None:
    for text in (SENTENCE, SENTENCE.upper(), "QUYẾT ĐỊNH công nhận sáng kiến", "Ấn Độ, Ẳng"):
        assert decode_all(encode(text, encoding)) == text


def test_tcvn3_u_horn_is_the_soft_hyphen_byte() -> None:
    runs = encode("trường", "tcvn3")
    assert runs == [("tr\u00adêng", ".VnTime")]
    assert decode("tr\u00adêng", "tcvn3") == "trường"


def test_tcvn3_accented_capitals_go_to_the_h_font_typed_lowercase() -> None:
    assert encode("QUYẾT ĐỊNH số 12", "tcvn3") == [
        ("quyÕt ®Þnh", ".VnTimeH"), (" sè 12", ".VnTime")]
    assert encode("Ấn", "tcvn3", font=".VnArial") == [("Ê", ".VnArialH"), ("n", ".VnArial")]
    assert encode("Ấn", "tcvn3", font=".VnArialH") == [("Ê", ".VnArialH"), ("n", ".VnArial")]
    # capitals TCVN3 has codes for stay in the body font
    assert encode("ĐƯỜNG", "tcvn3") == [("®\u00adêng", ".VnTimeH")]
    assert encode("ƯƠ Đ", "tcvn3") == [("¦¥ §", ".VnTime")]


def test_vni_is_base_letter_plus_marks() -> None:
    assert encode("sáng kiến", "vni") == [("saùng kieán", "VNI-Times")]
    assert encode("ẳ Ẳ", "vni", font="VNI-Helve") == [("aú AÚ", "VNI-Helve")]
    assert decode("aú AÚ", "vni") == "ẳ Ẳ"


def test_characters_no_legacy_font_has_go_to_times_new_roman() -> None:
    assert encode("Señor €5", "tcvn3") == [
        ("Se", ".VnTime"), ("ñ", "Times New Roman"), ("or ", ".VnTime"), ("€", "Times New Roman"),
        ("5", ".VnTime")]
    assert decode_all(encode("Señor Việt", "vni")) == "Señor Việt"


# --------------------------------------------------------------------------- decoding


def test_known_samples() -> None:
    assert decode("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3") == (
        "Cộng hoà xã hội chủ nghĩa Việt Nam")
    assert decode("quyÕt ®Þnh cña bé tr\u00adëng", "tcvn3", caps=True) == "QUYẾT ĐỊNH CỦA BỘ TRƯỞNG"
    assert decode("QUYÕT §ÞNH", "tcvn3", caps=True) == "QUYẾT ĐỊNH"
    assert decode("saùng kieán coäng hoaø xaõ hoäi chuû nghóa Vieät nam", "vni") == (
        "sáng kiến cộng hoà xã hội chủ nghĩa Việt nam")
    assert decode("Ñoäc laäp - Töï do - Haïnh phuùc", "vni") == "Độc lập - Tự do - Hạnh phúc"


def test_vni_marks_typed_separately_and_stray_marks() -> None:
    assert decode("VEÂØ", "vni") == "VỀ"  # circumflex and tone typed as two marks
    assert decode("chiùnh", "vni") == "chính"  # i + acute mark instead of the one-byte í
    assert decode("ñaïo )ï.", "vni") == "đạo )."  # a mark after ")" is a typing slip


def test_output_is_nfc() -> None:
    for text, enc in (("Vieät", "vni"), ("ViÖt", "tcvn3"), ("Vie\u0302\u0323t", "vni")):
        out = decode(text, enc)
        assert out == unicodedata.normalize("NFC", out)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_code_point_forms_decode_alike(encoding: str) -> None:
    """cp1252 (what Word stores), Latin-1 (C1 controls) and symbol-font private use."""
    cp1252 = "".join(t for t, _ in encode(SENTENCE, encoding)) + " … – “x”"
    raw = cp1252.encode("cp1252")
    latin1 = raw.decode("latin-1")
    private = "".join(chr(0xF000 + b) for b in raw)
    expected = SENTENCE + " … – “x”"
    assert "\x85" in latin1 and "\uf085" in private
    for form in (cp1252, latin1, private):
        assert decode(form, encoding) == expected


def test_pdf_substitutes_for_tcvn3() -> None:
    """PDF text layers of the corpus give U+2212 for "ư" and U+2219 for "ã"."""
    assert decode("tr\u2212êng x\u2219 héi", "tcvn3") == "trường xã hội"


def test_capitals_typed_in_a_lowercase_tcvn3_font() -> None:
    """TCVN3 has no accented capitals; a typist in caps gets "PHÇN"; we give "PHẦN"."""
    assert decode("PHÇN THø NHÊT: KÕ ho¹ch", "tcvn3") == "PHẦN THỨ NHẤT: Kế hoạch"
    assert decode("I. MôC §ÝCH Vµ YªU CÇU HÖ THèNG", "tcvn3") == "I. MỤC ĐÍCH VÀ YÊU CẦU HỆ THỐNG"
    assert decode("Kü thuËt", "tcvn3") == "Kỹ thuật"  # a capitalised word stays as it is
    assert decode("Sè TT", "tcvn3") == "Số TT"  # as displayed: title case beside an acronym
    assert decode("Sè 12/Q§-UBND ngµy", "tcvn3") == "Số 12/QĐ-UBND ngày"


# --------------------------------------------------------------------------- fonts


@pytest.mark.parametrize(("font", "encoding", "caps"), [
    (".VnTime", "tcvn3", False), (".VnTimeH", "tcvn3", True), (".VnArial", "tcvn3", False),
    (".VnArialH", "tcvn3", True), (".VnCentury", "tcvn3", False), (".VnBahamasBH", "tcvn3", True),
    ("ABCDEF+.VnTime", "tcvn3", False), ("ABCDEF+.VnTimeH", "tcvn3", True),
    ("ABCDEF+.VnTimeH,Bold", "tcvn3", True), ("VNTime", "tcvn3", False),
    ("VnTimeH(Ds)", "tcvn3", True), ("VNSTCVN3", "tcvn3", False),
    ("VNI-Times", "vni", False), ("VNI-Helve", "vni", False), ("VNI-Aptima", "vni", False),
    ("VNI-Helve-Condense", "vni", False), ("ABCDEF+VNI-Times", "vni", False),
    ("ABCDEF+VNI-Times-Bold", "vni", False), ("VNSVNI2", "vni", False),
    ("Times New Roman", None, False), ("Arial", None, False), ("Symbol", None, False),
    ("Helvetica", None, False), ("", None, False), (None, None, False),
])  # fmt: skip
def test_font_names(font: str | None, encoding: str | None, caps: bool) -> None:
    assert font_encoding(font) == encoding
    assert is_caps_font(font) is caps


# --------------------------------------------------------------------------- content probe


def test_probe_finds_each_encoding() -> None:
    text = "QuyÕt ®Þnh vÒ viÖc c«ng nhËn s¸ng kiÕn cña c¸n bé, c«ng chøc n¨m 2003"
    assert probe_encoding(text) == "tcvn3"
    assert probe_encoding("Quyeát ñònh veà vieäc coâng nhaän saùng kieán naêm 2003") == "vni"
    assert probe_encoding(private_use(text)) == "tcvn3"


def private_use(text: str) -> str:
    return "".join(chr(0xF000 + b) for b in text.encode("cp1252"))


@pytest.mark.parametrize("text", [
    SENTENCE, "Quyết định về việc công nhận sáng kiến năm 2003", "Señor Núñez, déjà vu, où",
    "Straße, Müller, Ærø, façade, naïve", "Bao cao tong ket nam 2003", "", "Señor",
    "Saùng",  # too short to say
])  # fmt: skip
def test_probe_says_none_for_other_text(text: str) -> None:
    assert probe_encoding(text) is None


# --------------------------------------------------------------------------- runs


def test_runs_font_first_and_other_fonts_untouched() -> None:
    runs = [("Hµ Néi", ".VnTime"), (" Señor ", "Times New Roman"), ("quyÕt ®Þnh", ".VnTimeH"),
            ("saùng kieán", "VNI-Times"), ("", ".VnTime")]
    texts, found = decode_runs(runs)
    assert texts == ["Hà Nội", " Señor ", "QUYẾT ĐỊNH", "sáng kiến", ""]
    assert found == "tcvn3"


def test_runs_in_unnamed_fonts_decoded_only_by_default() -> None:
    runs = [("Hµ Néi", "Times New Roman"), ("\uf0b7", "Symbol"), ("Hà Nội", "Arial")]
    assert decode_runs(runs)[0] == ["Hµ Néi", "\uf0b7", "Hà Nội"]
    texts, found = decode_runs(runs, default="tcvn3")
    assert texts == ["Hà Nội", "\uf0b7", "Hà Nội"]  # symbol font and Unicode left alone
    assert found == "tcvn3"


def test_run_in_the_other_encoding_under_one_font_name() -> None:
    """The corpus's mixed document: VNI text in a font named "VNSTCVN3"."""
    runs = [("C¬ së vµ luËn cø cña dù ¸n", "VNSTCVN3"),
            ("Phaân heä thoâng tin quaûn lyù vaên baûn", "VNSTCVN3"),
            ("Chieác", "VNSTCVN3"),  # one word, read as the decisive run before it
            ("Tæng hîp kinh phÝ", "VNSTCVN3")]
    texts, _ = decode_runs(runs)
    assert texts == ["Cơ sở và luận cứ của dự án", "Phân hệ thông tin quản lý văn bản", "Chiếc",
                     "Tổng hợp kinh phí"]


def test_words_of_the_other_encoding_inside_a_run() -> None:
    texts, _ = decode_runs([("KÕt nèi m¹ng cho UBND tØnh vµ c¸c SÔÛ, HUYEÄN", ".VnTime")])
    assert texts == ["Kết nối mạng cho UBND tỉnh và các SỞ, HUYỆN"]


def test_ascii_only_runs_in_an_h_font_are_capitals() -> None:
    assert decode_runs([("Server", "VnArialH(Ds)")])[0] == ["SERVER"]
