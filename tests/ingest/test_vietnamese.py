import unicodedata

import pytest

from ingest.vietnamese import (
    drop_stacked_tones,
    fold,
    looks_broken,
    nfc,
    syllable_ok,
    text_quality,
)

GOOD = ("Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. Sáng kiến giúp giảm "
        "thời gian xử lý hồ sơ của người dân, nâng cao chất lượng phục vụ; quyết định công nhận "
        "được ban hành ngày 03 tháng 8 năm 2020. Nguyễn Thị Hường, giáo viên trường THPT.")


@pytest.mark.parametrize("word", ["việt", "công", "nghiêng", "quốc", "gìn", "giữ", "khuyến",
                                  "thuở", "uống", "ngoặt", "Hường", "đường", "khoảng", "yêu"])
def test_real_syllables_pass(word: str) -> None:
    assert syllable_ok(word)


@pytest.mark.parametrize("word", ["cơng", "Viêt", "nhât", "cươc", "ơng", "thành̀"])
def test_impossible_syllables_fail(word: str) -> None:
    assert not syllable_ok(word)


def test_good_text_is_not_broken_and_broken_text_is() -> None:
    assert not looks_broken(GOOD)
    broken = (GOOD.replace("ộ", "ơ").replace("ệ", "ê").replace("ấ", "â").replace("ố", "ơ")
              .replace("ờ", "ơ"))
    assert text_quality(broken).impossible >= 3
    assert looks_broken(broken)


def test_abbreviations_are_not_judged() -> None:
    assert text_quality("Căn cứ QĐ số 12/QĐ-UBND và NĐ 13/2012/NĐ-CP của HĐND").impossible == 0


def test_fold_and_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Đồng Nai")
    assert nfc(decomposed) == "Đồng Nai"
    assert fold(decomposed) == "Dong Nai"



def test_page_without_any_stacked_diacritic_is_broken() -> None:
    # dropping the tone of ệ/ộ/ấ… often leaves a real syllable ("bênh"), so the checker also
    # notices a long Vietnamese text with no letter carrying two marks
    text = drop_stacked_tones((GOOD + " ") * 3)
    assert "Viêt" in text and "Cơng" not in text
    assert text_quality(text).stacked == 0
    assert looks_broken(text)
