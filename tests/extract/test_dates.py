from datetime import date

import pytest

from extract.dates import find_dates, parse_date


@pytest.mark.parametrize(("text", "expected"), [
    ("ngày 03 tháng 8 năm 2020", date(2020, 8, 3)),
    ("Hà Nội, ngày 26 tháng 02 năm 2024", date(2024, 2, 26)),
    ("ngay 3 thang 8 nam 2020", date(2020, 8, 3)),  # diacritics lost
    ("NGÀY 1 THÁNG 4 NĂM 2023", date(2023, 4, 1)),
    ("áp dụng từ 03/8/2020", date(2020, 8, 3)),
    ("03-08-2020", date(2020, 8, 3)),
    ("03.08.2020", date(2020, 8, 3)),
    ("ngày 3 / 8 / 2020", date(2020, 8, 3)),
    ("3 tháng 8, 2020", date(2020, 8, 3)),
    ("từ tháng 9/2023", date(2023, 9, 1)),
    ("tháng 10 năm 2024", date(2024, 10, 1)),
])
def test_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_day_before_month_and_impossible_dates_refused() -> None:
    assert parse_date("05/06/2021") == date(2021, 6, 5)
    assert parse_date("31/02/2021") is None
    assert parse_date("Quyết định số 12/2013/TT-BKHCN") is None  # a document number
    assert parse_date("Nghị định 13/2012/NĐ-CP") is None


def test_all_dates_in_order_with_offsets_and_precision() -> None:
    text = "Áp dụng thử từ tháng 9/2023, chính thức ngày 02 tháng 01 năm 2024; báo cáo 15/3/2024."
    found = find_dates(text)
    assert [d.iso() for d in found] == ["2023-09-01", "2024-01-02", "2024-03-15"]
    assert [d.precision for d in found] == ["month", "day", "day"]
    assert text[found[1].start:found[1].end] == "ngày 02 tháng 01 năm 2024"


def test_every_samples_first_application_date_is_found_in_its_text() -> None:
    from samples import truth

    for t in truth.load():
        first = (t.get("fields") or {}).get("first_applied")
        if not first:
            continue
        text = " ".join(p["text"] for f in t["files"] for p in f.get("pages", []))
        assert first in {d.iso() for d in find_dates(text)}, t["dossier"]
