"""Full-text search (``models.fulltext``) on SQLite's FTS5 and on PostgreSQL's tsvector, the
same tests on both: folding, phrases, prefixes, filters, ranking, snippets, confidential
lines, re-indexing, access, hostile queries; then the index kept by ingestion, ``hoso
reindex``, the route and the command. Inputs are built here; PostgreSQL tests run in a fresh
schema and are skipped, saying why, when no server is reachable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, text

from models import fulltext
from models.db import Database
from models.fulltext import Entry, Filters, search
from models.settings import Settings
from models.tables import Assignment, Batch, Dossier, SearchEntry, SearchText, User
from models.textquery import PageText, parse

SAVE = "Sáng kiến giúp tiết kiệm thời gian xử lý hồ sơ tại bộ phận một cửa."
WATER = "Đồng bào vùng cao được hướng dẫn xây bể lọc nước bằng cát và sỏi."


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.services)])
def db(request, tmp_path: Path) -> Database:
    url = (f"sqlite:///{tmp_path / 'hoso.sqlite'}" if request.param == "sqlite"
           else request.getfixturevalue("pg_url"))
    database = Database(url)
    database.migrate()
    return database


def add(db: Database, dossier_id: int, *, title: str = "Hồ sơ", pages: tuple[str, ...] = (),
        year: int | None = 2021, unit: str | None = "Trường THCS Hưng Hà",
        field: str | None = "Giáo dục", round: str | None = None, prior: bool = True,
        status: str = "done", decision: str | None = None, record: str = "",
        file: str = "mo-ta.docx") -> None:
    """A dossier row and its index entry, page n of ``file`` holding ``pages[n-1]``."""
    with db.session() as s:
        batch = s.scalar(select(Batch).limit(1)) or Batch()
        s.add(batch)
        s.flush()
        s.add(Dossier(id=dossier_id, batch_id=batch.id, source=f"kho/{dossier_id}",
                      fingerprint=f"{dossier_id:064d}", status=status, prior=prior, round=round,
                      decision=decision))
        s.flush()
        fulltext.put(s, [Entry(dossier_id, title, year, unit, field, round, prior, title,
                               "\n".join(x for x in (record, unit, field) if x),
                               tuple(PageText(file, 0, n, t) for n, t in enumerate(pages, 1)))])


def ids(db: Database, query: str | None, filters: Filters | None = None, **kw) -> list[int]:
    with db.session() as s:
        return [h.id for h in search(s, query, filters, **kw).hits]


def find(db: Database, query: str | None, filters: Filters | None = None, **kw):
    with db.session() as s:
        return search(s, query, filters, **kw)


# ---------------------------------------------------------------------------- words


def test_typed_without_diacritics_finds_text_with_them(db) -> None:
    add(db, 1, pages=(SAVE,))
    add(db, 2, pages=(WATER,))
    assert ids(db, "sang kien") == [1]
    assert ids(db, "SANG   KIEN!") == [1]
    assert ids(db, "dong bao") == [2]  # "đ" typed as "d"
    assert ids(db, "bo phan mot cua") == [1]
    assert ids(db, "sang kien dong bao") == []  # every word must occur


def test_typed_with_diacritics_finds_text_without_them(db) -> None:
    add(db, 1, pages=("Dong bao vung cao duoc huong dan loc nuoc.",))
    assert ids(db, "Đồng bào") == [1]
    assert ids(db, "lọc nước") == [1]


def test_title_and_record_are_searched_too(db) -> None:
    add(db, 1, title="Thẻ sơ đồ đoạn thẳng", pages=(WATER,), record="Nguyễn Thị Mẫu")
    add(db, 2, pages=(SAVE,), unit="Trạm Khuyến nông Yên Thủy")
    assert ids(db, "so do doan thang") == [1]
    assert ids(db, "nguyen thi mau") == [1]
    assert ids(db, "khuyen nong yen thuy") == [2]


def test_the_last_word_matches_as_a_prefix_unless_the_query_ends(db) -> None:
    add(db, 1, pages=("Học sinh dùng phần mềm GeoGebra để vẽ hình.",))
    assert ids(db, "phan mem geogeb") == [1]
    assert ids(db, "geogeb ") == []  # a finished word is a whole word
    assert ids(db, "geogebra") == [1]
    assert parse("kien 20").prefix is False  # numbers are whole


def test_a_phrase_needs_its_words_next_to_each_other_in_order(db) -> None:
    add(db, 1, pages=("Sáng kiến kinh nghiệm dạy học môn Toán.",))
    add(db, 2, pages=("Kinh nghiệm của sáng kiến trong dạy học.",))
    assert sorted(ids(db, "sang kien kinh nghiem")) == [1, 2]
    assert ids(db, '"sang kien kinh nghiem"') == [1]
    assert ids(db, '"kinh nghiem cua sang kien"') == [2]
    assert ids(db, '"kien sang"') == []
    assert ids(db, '"sang kien kinh nghiem" day hoc') == [1]
    assert ids(db, '"day hoc mon') == [1]  # an unclosed phrase runs to the end


# ---------------------------------------------------------------------------- filters


def test_filters_alone_list_newest_first(db) -> None:
    add(db, 1, year=2020, unit="Trường THCS Hưng Hà", field="Giáo dục", round="2020-1")
    add(db, 2, year=2021, unit="Trạm Y tế xã Tân An", field="Y tế", round="2021-1")
    add(db, 3, year=2021, unit="Trường THCS Hưng Hà", field="Giáo dục", prior=False,
        round="2026-1", status="partial", decision="accept")
    add(db, 4, year=2021, unit="Trường THCS Hưng Hà", field="Giáo dục", prior=False,
        round="2026-1", decision="reject")
    assert ids(db, "") == [4, 3, 2, 1]
    assert ids(db, None, Filters(year=2021)) == [4, 3, 2]
    assert ids(db, "", Filters(unit="truong thcs hung ha")) == [4, 3, 1]  # folded
    assert ids(db, "", Filters(unit="TRƯỜNG  THCS  Hưng Hà")) == [4, 3, 1]
    assert ids(db, "", Filters(unit="Trường THCS")) == []  # the whole name
    assert ids(db, "", Filters(field="y te")) == [2]
    assert ids(db, "", Filters(round="2026-1")) == [4, 3]
    assert ids(db, "", Filters(prior=True)) == [2, 1]
    assert ids(db, "", Filters(prior=False)) == [4, 3]
    assert ids(db, "", Filters(status="partial")) == [3]
    assert ids(db, "", Filters(decision="reject")) == [4]
    assert ids(db, "", Filters(year=2021, field="giao duc", decision="accept")) == [3]


def test_filters_apply_to_words(db) -> None:
    for i, year in enumerate((2019, 2020, 2021), 1):
        add(db, i, year=year, pages=(SAVE,), prior=i != 3, decision="accept" if i == 3 else None)
    assert ids(db, "sang kien", Filters(year=2020)) == [2]
    assert ids(db, "sang kien", Filters(prior=False)) == [3]
    assert ids(db, "sang kien", Filters(decision="accept")) == [3]
    assert ids(db, "sang kien", Filters(unit="Trạm Y tế")) == []


def test_the_decision_filter_reads_the_dossier_as_it_is_now(db) -> None:
    add(db, 1, pages=(SAVE,), prior=False)
    assert ids(db, "sang kien", Filters(decision="accept")) == []
    with db.session() as s:
        s.get(Dossier, 1).decision = "accept"
    assert ids(db, "sang kien", Filters(decision="accept")) == [1]
    assert find(db, "sang kien").hits[0].decision == "accept"


# ---------------------------------------------------------------------------- ranking, counts


def test_title_matches_rank_above_body_matches(db) -> None:
    add(db, 1, title="Bể lọc nước cho đồng bào vùng cao", pages=("Một trang khác.",))
    add(db, 2, title="Tưới tiêu", pages=(WATER + " " + WATER + " Bể lọc nước bằng cát.",))
    add(db, 3, title="Nuôi cá", pages=("Nước ao được lọc qua bể cát hằng tuần.",))
    assert ids(db, "loc nuoc")[0] == 1  # the newest two hold the words only in their pages
    assert ids(db, "be loc nuoc")[0] == 1
    assert ids(db, '"loc nuoc"')[0] == 1


def test_counts_stop_at_the_cap_and_still_rank_titles_first(db, monkeypatch) -> None:
    monkeypatch.setattr(fulltext, "COUNT_CAP", 3)
    add(db, 1, title="Sáng kiến tiết kiệm", pages=("Một trang.",))
    for i in range(2, 7):
        add(db, i, pages=(SAVE,))
    r = find(db, "sang kien", limit=3)
    assert (r.total, r.total_capped) == (3, True)
    assert [h.id for h in r.hits] == [1, 6, 5]
    r = find(db, "")
    assert (r.total, r.total_capped) == (3, True)
    none = find(db, "", Filters(year=1999))
    assert (none.total, none.total_capped) == (0, False)


def test_pages_of_results(db) -> None:
    for i in range(1, 8):
        add(db, i, pages=(SAVE,))
    r = find(db, "sang kien", limit=3, offset=3)
    assert r.total == 7 and not r.total_capped
    assert [h.id for h in r.hits] == ids(db, "sang kien", limit=10)[3:6]
    assert find(db, "sang kien", offset=50).hits == ()


# ---------------------------------------------------------------------------- snippets


def test_snippets_highlight_the_original_words_and_name_their_page(db) -> None:
    add(db, 1, pages=("Trang bìa.", "Mở đầu.\n" + SAVE, "Kết luận: đồng bào đã dùng sáng kiến."),
        file="don/ban-mo-ta.docx")
    [hit] = find(db, "sang kien").hits
    assert [(sn.file, sn.page) for sn in hit.snippets] == [("don/ban-mo-ta.docx", 2),
                                                           ("don/ban-mo-ta.docx", 3)]
    first = hit.snippets[0]
    assert [t for t, lit in first.segments if lit] == ["Sáng kiến"]
    assert "".join(t for t, _ in first.segments) == "Mở đầu. " + SAVE  # from the page text
    [hit] = find(db, "dong bao sang kien").hits  # both words on page 3: it comes first
    assert hit.snippets[0].page == 3
    assert [t for t, lit in hit.snippets[0].segments if lit] == ["đồng bào", "sáng kiến"]


def test_a_phrase_is_highlighted_as_one_piece(db) -> None:
    add(db, 1, pages=("Kinh nghiệm hay. Sáng kiến kinh nghiệm của tổ Toán.",))
    [hit] = find(db, '"sáng kiến kinh nghiệm"').hits
    assert [t for t, lit in hit.snippets[0].segments if lit] == ["Sáng kiến kinh nghiệm"]


def test_at_most_three_snippets_and_none_without_words(db) -> None:
    add(db, 1, pages=tuple(f"Trang {n}: sáng kiến số {n}." for n in range(1, 9)))
    [hit] = find(db, "sang kien").hits
    assert [sn.page for sn in hit.snippets] == [1, 2, 3]
    [hit] = find(db, "").hits
    assert hit.snippets == ()


# ---------------------------------------------------------------------------- confidential


def _dossier_with_pages(db: Database, dossier_id: int, pages: list[str]) -> None:
    from models.tables import Document, PageRow

    with db.session() as s:
        batch = s.scalar(select(Batch).limit(1)) or Batch()
        s.add(batch)
        s.flush()
        s.add(Dossier(id=dossier_id, batch_id=batch.id, source=f"moi/{dossier_id}",
                      fingerprint=f"{dossier_id:064d}", status="done", prior=False,
                      understanding={"fields": {"title": "Rau thủy canh", "confidential": "kali"}},
                      meta={"year": "2024", "unit": "HTX Nông nghiệp An Phú"}))
        s.flush()
        doc = Document(dossier_id=dossier_id, position=0, name="mo-ta.docx", path="b/mo-ta.docx",
                       status="done")
        s.add(doc)
        s.flush()
        for n, t in enumerate(pages, 1):
            s.add(PageRow(document_id=doc.id, number=n, text=t, method="word"))


SECRET_LINE = "Pha 3 phần kali nitrat với 2 phần canxi nitrat trong bể chứa."


def test_confidential_lines_are_neither_found_nor_shown(db) -> None:
    page = f"Rau thủy canh trồng trong nhà lưới.\n{SECRET_LINE}\nNăng suất tăng gấp đôi."
    _dossier_with_pages(db, 7, [page])
    with db.session() as s:
        entry = fulltext.entry_for(s.get(Dossier, 7), {("b/mo-ta.docx", 1): {SECRET_LINE}})
        fulltext.put(s, [entry])
    assert entry.year == 2024 and entry.unit == "HTX Nông nghiệp An Phú"
    assert ids(db, "kali nitrat") == [] and ids(db, "canxi") == [] and ids(db, '"bể chứa"') == []
    assert ids(db, "kali") == []  # the confidential field is not in the record either
    [hit] = find(db, "thuy canh nang suat").hits
    shown = "".join(t for sn in hit.snippets for t, _ in sn.segments)
    assert "Rau thủy canh" in shown and "Năng suất" in shown and "kali" not in shown
    with db.session() as s:
        stored = s.scalar(select(SearchText.pages).where(SearchText.dossier_id == 7))
    assert "kali" not in json.dumps(stored, ensure_ascii=False)
    assert ids(db, "an phu 2024") == [7]


# ---------------------------------------------------------------------------- keeping it current


def _fts_rows(db: Database) -> int | None:
    if db.engine.dialect.name != "sqlite":
        return None
    with db.session() as s:
        return s.scalar(text("SELECT count(*) FROM search_fts"))


def test_reindexing_replaces_the_entry(db) -> None:
    add(db, 1, title="Cũ", pages=("Máy bơm nước cũ.",))
    with db.session() as s:
        fulltext.put(s, [Entry(1, "Mới", 2022, None, None, None, True, "Mới", "",
                               (PageText("a.pdf", 0, 1, "Tấm pin mặt trời."),))])
    assert ids(db, "may bom") == [] and ids(db, "cu") == []
    assert ids(db, "pin mat troi") == [1] and ids(db, "moi") == [1]
    assert ids(db, "", Filters(year=2022)) == [1] and ids(db, "", Filters(year=2021)) == []
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(SearchEntry)) == 1
    assert _fts_rows(db) in (1, None)


def test_a_deleted_dossier_leaves_the_index(db) -> None:
    add(db, 1, pages=(SAVE,))
    add(db, 2, pages=(SAVE,))
    with db.session() as s:  # as grouping loose files deletes the dossiers it merges
        s.delete(s.get(Dossier, 1))
    assert ids(db, "sang kien") == [2]
    assert _fts_rows(db) in (1, None)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(SearchText)) == 1


# ---------------------------------------------------------------------------- access


def _reviewer(db: Database, assigned: list[int]) -> int:
    with db.session() as s:
        user = User(login="tv1", role="reviewer", password_hash="x")
        s.add(user)
        s.flush()
        for d in assigned:
            s.add(Assignment(dossier_id=d, reviewer_id=user.id))
        return user.id


def test_a_reviewer_finds_the_archive_and_their_own_dossiers(db) -> None:
    add(db, 1, pages=(SAVE,), prior=True)
    add(db, 2, pages=(SAVE,), prior=False)
    add(db, 3, pages=(SAVE,), prior=False)
    reviewer = _reviewer(db, [3])
    assert ids(db, "sang kien", reviewer_id=reviewer) == [3, 1]
    assert find(db, "sang kien", reviewer_id=reviewer).total == 2
    assert ids(db, "", reviewer_id=reviewer) == [3, 1]
    assert ids(db, "sang kien") == [3, 2, 1]
    allowed = select(Dossier.id).where(Dossier.id != 3)
    assert ids(db, "sang kien", allowed=allowed) == [2, 1]
    assert ids(db, "sang kien", allowed=allowed, reviewer_id=reviewer) == [1]


# ---------------------------------------------------------------------------- hostile input


HOSTILE = ['"', '""', '"""', "*", "**", "sang*", "*kien", "NEAR(", "NEAR(sang kien, 2)", "a OR",
           "OR", "AND NOT", "-x", "- sang", ":", "title:", "{title}: sang", "'", "''", "&|!", "!!",
           "sang & kien | !x", "(", ")", "((sang", "^sang", "\\", "%", "_", "<->", "sang <-> kien",
           "a:*", "'sang':*", "\x00", "đ" * 5000, "sáng " * 2000, "x" * 3000, "🙂", "中文 测试",
           "sang\nkien", "\t", "SELECT * FROM dossiers; --", '"NEAR" "OR" "AND"', "+", "@@"]


def test_hostile_queries_return_results_or_nothing(db) -> None:
    add(db, 1, pages=(SAVE,), title="Sáng kiến")
    for query in HOSTILE:
        r = find(db, query, Filters(unit="'; DROP TABLE x; --", field='"'))
        assert r.total == 0 and r.hits == (), query
        r = find(db, query)
        assert r.total in (0, 1), query
    assert ids(db, "sang*") == [1] and ids(db, "NEAR(sang kien, 2)") == []
    assert ids(db, "SELECT * FROM dossiers; --") == []


# ---------------------------------------------------------------------------- PostgreSQL limits


@pytest.mark.services
def test_postgresql_checks_a_phrase_among_the_newest_candidates(pg_url, monkeypatch) -> None:
    db = Database(pg_url)  # (FTS5 keeps positions in its index: no such limit on SQLite)
    db.migrate()
    monkeypatch.setattr(fulltext, "PHRASE_SCAN", 2)
    add(db, 1, pages=("Sáng kiến kinh nghiệm.",))
    add(db, 2, pages=("Kinh nghiệm sáng kiến.",))
    add(db, 3, pages=("Sáng kiến kinh nghiệm hay.",))
    r = find(db, '"sang kien kinh nghiem"')
    assert [h.id for h in r.hits] == [3] and r.total_capped  # 1 is older than the 2 checked
    monkeypatch.setattr(fulltext, "PHRASE_SCAN", 3)
    r = find(db, '"sang kien kinh nghiem"')
    assert [h.id for h in r.hits] == [3, 1] and not r.total_capped


def test_a_dossier_too_long_for_a_tsvector_is_indexed_up_to_the_limit(db) -> None:
    words = " ".join(f"tu{i:06d}" for i in range(150_000))  # 1.3 MB of distinct words
    add(db, 1, pages=(words,))
    assert ids(db, "tu000001") == [1]
    if db.engine.dialect.name == "postgresql":
        assert ids(db, "tu149999") == []  # past PostgreSQL's 1 MB: not indexed
    else:
        assert ids(db, "tu149999") == [1]


# ---------------------------------------------------------------------------- through ingestion


def _settings(db: Database, tmp_path: Path) -> Settings:
    url = db.engine.url.render_as_string(hide_password=False)
    url = url.replace("postgresql+psycopg://", "postgresql://")
    return Settings(home=tmp_path / "var", database_url=url, _env_file=None)


def test_ingestion_indexes_a_dossier_without_its_confidential_section(db, tmp_path) -> None:
    from ingest.fulltext import missing, reindex
    from ingest.runtime import Runtime
    from tests.builders import write_tree
    from tests.checks.dup_inputs import FARM
    from tests.fakes import FakeEngine
    from tests.ingest.test_duplicates import SECRET, description, ingest

    rt = Runtime(_settings(db, tmp_path), engine=FakeEngine())
    [farm] = ingest(rt, write_tree(tmp_path / "kho", {"2021-a/mo-ta.docx": description(
        "Dinh dưỡng thủy canh", FARM, secret_section=[SECRET])}), prior=True)
    assert ids(db, "dinh duong thuy canh") == [farm]
    assert ids(db, "kali nitrat") == [] and ids(db, "magie sunfat") == []
    [hit] = find(db, "thuy canh").hits
    assert all("kali" not in t for sn in hit.snippets for t, _ in sn.segments)
    assert hit.prior and hit.status == "done"
    with db.session() as s:  # a database from before the index: hoso reindex fills it
        s.execute(delete(SearchText))
        s.execute(delete(SearchEntry))
    assert ids(db, "thuy canh") == [] and missing(rt) == 1
    assert reindex(rt) == 1 and missing(rt) == 0
    assert ids(db, "thuy canh") == [farm] and ids(db, "kali nitrat") == []
    assert reindex(rt) == 0 and reindex(rt, everything=True) == 1
    assert ids(db, "thuy canh") == [farm]


# ---------------------------------------------------------------------------- route and command


def test_the_route_gives_a_reviewer_the_archive_and_their_dossiers(db, tmp_path) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from ingest.runtime import Runtime
    from tests.api.people import accounts

    settings = _settings(db, tmp_path)
    people = accounts(Runtime(settings))
    add(db, 1, pages=(SAVE,), prior=True, title="Một cửa điện tử")
    add(db, 2, pages=(SAVE,), prior=False)
    add(db, 3, pages=(SAVE,), prior=False)
    with db.session() as s:
        s.add(Assignment(dossier_id=3, reviewer_id=people["reviewer"]["id"]))
    client = TestClient(create_app(settings))

    def got(login: str, query: str) -> dict:
        r = client.get(f"/api/search?{query}", headers=people[login]["headers"])
        assert r.status_code == 200, r.text
        return r.json()

    assert [d["id"] for d in got("reviewer", "q=sang+kien")["items"]] == [3, 1]
    assert [d["id"] for d in got("reviewer2", "q=sang+kien")["items"]] == [1]
    assert [d["id"] for d in got("archivist", "q=sang+kien")["items"]] == [3, 2, 1]
    body = got("admin", "q=mot+cua+dien&prior=true&year=2021&unit=truong+thcs+hung+ha")
    assert body["total"] == 1 and body["total_capped"] is False
    [item] = body["items"]
    assert set(item) >= {"id", "title", "year", "unit", "field", "round", "status", "decision",
                         "prior", "snippets"}
    assert item["title"] == "Một cửa điện tử" and item["status"] == "done"
    [sn] = item["snippets"]
    assert sn["file"] == "mo-ta.docx" and sn["page"] == 1
    assert ["một cửa", True] in sn["segments"]
    for query in ("q=%22", "q=NEAR(", "q=a+OR", "q=%26%7C%21", "q=" + "x" * 1000):
        got("reviewer", query)
    bad = client.get("/api/search?limit=101", headers=people["admin"]["headers"])
    assert bad.status_code == 422
    assert client.get("/api/search?q=x").status_code == 401


def test_the_command_prints_results_as_json(db, tmp_path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    settings = _settings(db, tmp_path)
    monkeypatch.setenv("HOSO_HOME", str(settings.home))
    monkeypatch.setenv("HOSO_DATABASE_URL", settings.db_url)
    add(db, 1, pages=(SAVE,), title="Một cửa điện tử")
    add(db, 2, pages=(WATER,), year=2019)
    run = CliRunner().invoke(app, ["search", "sang kien", "--json"])
    assert run.exit_code == 0, run.output
    body = json.loads(run.stdout)
    assert body["total"] == 1 and body["items"][0]["id"] == 1
    run = CliRunner().invoke(app, ["search", "", "--year", "2019"])
    assert run.exit_code == 0 and "Hồ sơ" in run.stdout and "1 hồ sơ" in run.stdout
