"""The ``hoso`` command line.

    hoso ingest PATH... [--round R] [--profile P] [--prior] [--json]
    hoso show ID [--json] [--text]
    hoso search QUERY [--json] [--year Y] [--field F] [--unit U] [--round R] [--prior/--submissions]
    hoso reindex [--all]   the full-text index of dossiers understood before it existed
    hoso import-archive FOLDER [--metadata CSV]   the archive of recognised initiatives
    hoso template add FILE | list | remove ID     template text that never counts as similar
    hoso separator [-o FILE] [--count N]   separator sheets to put between dossiers of a stack
    hoso worker [--queues hoso,ocr]  a worker for the distributed mode (Redis broker)
    hoso serve [--port 8000] [--host H]   the JSON API (api/app.py), on 127.0.0.1 by default
    hoso user add LOGIN --role R | token LOGIN | list     accounts and API tokens

Messages for people are in Vietnamese; JSON keys are English (DESIGN.md's report).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from sqlalchemy import select

from ingest.archive import archive_entries
from ingest.duplicates import check_duplicates, unchecked
from ingest.intake import collect
from ingest.jobs import dossiers_formed, register
from ingest.runner import run_embedded
from ingest.runtime import Runtime
from models.errors import BadInput, HosoError, NotFound, ProfileError
from models.report import build_report
from models.settings import Settings
from models.tables import Dossier, TemplateText, User

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="hoso: hồ sơ đề nghị công nhận sáng kiến → văn bản sạch, có kiểm tra.")
err = Console(stderr=True)
KIND_VI = {"don_yeu_cau": "đơn", "mo_ta": "mô tả", "xac_nhan": "xác nhận", "bien_ban": "biên bản",
           "to_trinh": "tờ trình", "quyet_dinh": "quyết định", "khac": "khác"}
STATUS_VI = {"done": "xong", "partial": "một phần", "failed": "lỗi", "pending": "chờ",
             "processing": "đang xử lý"}


def _runtime() -> Runtime:
    return Runtime(Settings())


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="tệp, thư mục hoặc ZIP", exists=True)],
    round: Annotated[str | None, typer.Option(help="đợt xét")] = None,
    profile: Annotated[str | None, typer.Option(help="mẫu mô tả (langson-291, skkn…)")] = None,
    prior: Annotated[bool, typer.Option(help="hồ sơ đã được công nhận trước đây (kho lưu trữ)")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, một báo cáo mỗi dòng")] = False,
    text: Annotated[bool, typer.Option("--text", help="kèm văn bản từng trang (với --json)")] = False,
) -> None:
    """Nhận tệp, thư mục, ZIP; xử lý đến hết; in một dòng cho mỗi hồ sơ."""
    rt = _runtime()
    try:
        known = rt.profiles  # an admin's broken profile file stops here, naming its line
    except ProfileError as exc:
        _fail(exc)
    if profile is not None and profile not in known:
        _fail(ProfileError(f"unknown profile {profile!r}; known: {', '.join(sorted(known))}",
                           message=f"Không có mẫu hồ sơ “{profile}”. Các mẫu hiện có: "
                                   f"{', '.join(sorted(known))}."))
    intake = collect(paths, rt.limits)
    registered = register(rt, intake, round=round, profile=profile, prior=prior)
    formed = _process(rt, registered)
    with rt.db.session() as s:
        reports = [build_report(s.get(Dossier, i), with_text=text and as_json) for i in formed]
    for r in registered:
        if not r.new:
            err.print(f"[yellow]Hồ sơ {r.source} đã có trong hệ thống (mã {r.dossier_id}); "
                      "không tạo bản sao.[/]")
        elif r.files_already_stored:
            err.print(f"[yellow]{r.source}: {r.files_already_stored} tệp đã được lưu trước "
                      "đây (cùng nội dung); không lưu bản sao.[/]")
    if as_json:
        for report in reports:
            sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        out = _out()
        out.print(_table(reports))
        for report in reports:
            _understanding(out, report)


def _process(rt: Runtime, registered: list) -> list[int]:
    """Read every registered file to the end; return the dossiers formed, each compared with
    the archive (a comparison a dead worker left undone is done here)."""
    dossier_ids = sorted({r.dossier_id for r in registered})
    with rt.db.session() as s:
        doc_ids = [d.id for i in dossier_ids for d in s.get(Dossier, i).documents]
    with Progress(TextColumn("[bold]Đang xử lý tệp"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("files", total=len(doc_ids))
        run_embedded(rt, doc_ids, on_progress=lambda done, total: bar.update(
            task, completed=done, total=total))
    formed = dossiers_formed(rt, registered)
    for dossier_id in unchecked(rt, formed):
        check_duplicates(rt, dossier_id)
    return formed


@app.command("import-archive")
def import_archive(
    folder: Annotated[Path, typer.Argument(help="thư mục kho hồ sơ", exists=True, file_okay=False)],
    metadata: Annotated[Path | None, typer.Option(help="tệp CSV: path,title,year,unit,status,"
                                                       "decision (mỗi dòng một hồ sơ)")] = None,
) -> None:
    """Nhập kho hồ sơ sáng kiến đã được công nhận (để so trùng các hồ sơ mới)."""
    rt = _runtime()
    try:
        entries = archive_entries(folder, metadata)
    except HosoError as exc:
        _fail(exc)
    registered, metas = [], {}
    for entry in entries:
        if entry.error:
            err.print(f"[red]{entry.path}: {entry.error}[/]")
            continue
        got = register(rt, collect([entry.path], rt.limits), prior=True)
        registered.extend(got)
        for r in got:
            metas[r.dossier_id] = entry.meta
    with rt.db.session() as s:
        for dossier_id, meta in metas.items():
            s.get(Dossier, dossier_id).meta = meta or None
    formed = _process(rt, registered)
    with rt.db.session() as s:
        reports = [build_report(s.get(Dossier, i)) for i in formed]
    _out().print(_table(reports))
    err.print(f"Đã nhập {len(formed)} hồ sơ vào kho; các hồ sơ mới sẽ được so trùng với kho này.")


template_app = typer.Typer(add_completion=False, no_args_is_help=True,
                           help="Văn bản mẫu (tiêu đề, nhãn biểu mẫu, văn bản pháp luật trích dẫn) "
                                "không tính vào độ trùng lặp.")
app.add_typer(template_app, name="template")


@template_app.command("add")
def template_add(
    file: Annotated[Path, typer.Argument(help="tệp văn bản (UTF-8)", exists=True, dir_okay=False)],
    name: Annotated[str | None, typer.Option(help="tên gợi nhớ")] = None,
) -> None:
    """Đăng ký văn bản mẫu."""
    text = file.read_text(encoding="utf-8-sig")
    if not text.strip():
        _fail(BadInput("empty template", message=f"Tệp {file} không có nội dung."))
    rt = _runtime()
    with rt.db.session() as s:
        row = TemplateText(name=name or file.stem, text=text)
        s.add(row)
        s.flush()
        err.print(f"Đã đăng ký văn bản mẫu “{row.name}” (mã {row.id}); áp dụng cho các lần so "
                  "trùng từ nay.")


@template_app.command("list")
def template_list() -> None:
    """Các văn bản mẫu đã đăng ký."""
    rt = _runtime()
    with rt.db.session() as s:
        rows = list(s.scalars(select(TemplateText).order_by(TemplateText.id)))
    t = Table(title="Văn bản mẫu đã đăng ký")
    for col in ("Mã", "Tên", "Số ký tự", "Đầu văn bản"):
        t.add_column(col)
    for r in rows:
        t.add_row(str(r.id), r.name, str(len(r.text)), " ".join(r.text.split())[:60])
    _out().print(t)


@template_app.command("remove")
def template_remove(template_id: Annotated[int, typer.Argument(help="mã văn bản mẫu")]) -> None:
    """Bỏ một văn bản mẫu."""
    rt = _runtime()
    with rt.db.session() as s:
        row = s.get(TemplateText, template_id)
        if row is None:
            _fail(NotFound(f"template {template_id}"))
        s.delete(row)
    err.print(f"Đã bỏ văn bản mẫu mã {template_id}.")


@app.command()
def separator(
    output: Annotated[Path, typer.Option("--output", "-o", help="tệp PDF sẽ ghi")] = Path(
        "to-phan-cach.pdf"),
    count: Annotated[int, typer.Option(help="số tờ", min=1, max=1000)] = 10,
    first: Annotated[int, typer.Option(help="số thứ tự của tờ đầu tiên", min=1)] = 1,
) -> None:
    """In tờ phân cách hồ sơ (có mã QR) để đặt giữa các hồ sơ khi quét cả chồng."""
    from extract.separator import separator_pdf

    output.write_bytes(separator_pdf(count, first))
    err.print(f"Đã ghi {count} tờ phân cách vào {output}. In ra và đặt một tờ giữa hai hồ sơ "
              "trước khi quét.")


@app.command()
def show(
    dossier_id: Annotated[int, typer.Argument(help="mã hồ sơ")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    text: Annotated[bool, typer.Option("--text", help="kèm văn bản từng trang")] = False,
) -> None:
    """Xem một hồ sơ."""
    rt = _runtime()
    with rt.db.session() as s:
        dossier = s.get(Dossier, dossier_id)
        if dossier is None:
            _fail(NotFound(f"dossier {dossier_id}"))
        report = build_report(dossier, with_text=text)
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=None) + "\n")
        return
    out = _out()
    out.print(_table([report]))
    _understanding(out, report)
    for f in report["files"]:
        out.print(f"[bold]{f['path']}[/] — {f['type'] or '?'}, {f['kind']}, "
                  f"{f['page_count'] if text else f['pages']} trang")
        if f["searchable_pdf"]:
            out.print(f"  PDF tìm kiếm được: {rt.store.path(f['searchable_pdf'])}")
        if text:
            for page in f["pages"]:
                out.rule(f"trang {page['number']}" + (" (OCR)" if page["ocr"] else ""))
                out.print(page["text"], markup=False, highlight=False)
    for issue in report["issues"]:
        out.print(f"[red]{issue['code']}[/] {issue['file'] or ''} "
                  f"{'tr. ' + str(issue['page']) if issue['page'] else ''}: {issue['message']}")


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="từ cần tìm (có hoặc không dấu); \"cụm từ\" trong "
                                              "ngoặc kép; \"\" để chỉ lọc")],
    as_json: Annotated[bool, typer.Option("--json", help="JSON, như GET /api/search")] = False,
    year: Annotated[int | None, typer.Option(help="năm")] = None,
    field: Annotated[str | None, typer.Option(help="lĩnh vực")] = None,
    unit: Annotated[str | None, typer.Option(help="đơn vị")] = None,
    round: Annotated[str | None, typer.Option(help="đợt xét")] = None,
    prior: Annotated[bool | None, typer.Option(
        "--prior/--submissions", help="chỉ kho đã công nhận / chỉ hồ sơ đề nghị")] = None,
    limit: Annotated[int, typer.Option(help="số kết quả", min=1, max=100)] = 20,
) -> None:
    """Tìm hồ sơ theo nội dung (tên, tác giả, đơn vị, lĩnh vực, văn bản các trang)."""
    from api.search import results_json
    from models.fulltext import Filters
    from models.fulltext import search as find

    rt = _runtime()
    with rt.db.session() as s:
        found = find(s, query, Filters(year=year, field=field, unit=unit, round=round, prior=prior),
                     limit=limit)
    if as_json:
        sys.stdout.write(json.dumps(results_json(found), ensure_ascii=False) + "\n")
        return
    out = _out()
    more = "hơn " if found.total_capped else ""
    out.print(f"{more}{found.total} hồ sơ", highlight=False)
    for h in found.hits:
        where = ", ".join(str(x) for x in (h.unit, h.year, h.field) if x)
        out.print(Text.assemble((f"{h.id}. ", "bold"), (h.title or "(chưa có tên)", "bold"),
                                f" — {where}" if where else "",
                                " (kho)" if h.prior else f" ({STATUS_VI.get(h.status, h.status)})"))
        for sn in h.snippets:
            out.print(Text.assemble(f"   {sn.file}, tr. {sn.page}: ",
                                    *((t, "reverse") if lit else t for t, lit in sn.segments)))


@app.command()
def reindex(
    everything: Annotated[bool, typer.Option("--all", help="lập lại chỉ mục cho mọi hồ sơ")] = False,
) -> None:
    """Lập chỉ mục tìm kiếm toàn văn cho các hồ sơ đã phân tích trước khi có chỉ mục."""
    from ingest.fulltext import reindex as run_reindex

    rt = _runtime()
    with Progress(TextColumn("[bold]Đang lập chỉ mục"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("index", total=None)
        done = run_reindex(rt, everything=everything,
                           on_progress=lambda n, total: bar.update(task, completed=n, total=total))
    err.print(f"Đã lập chỉ mục tìm kiếm cho {done} hồ sơ.")


@app.command()
def serve(
    port: Annotated[int, typer.Option(help="cổng", min=1, max=65535)] = 8000,
    host: Annotated[str | None, typer.Option(help="địa chỉ lắng nghe (mặc định HOSO_HOST, "
                                                  "127.0.0.1)")] = None,
    embedded_workers: Annotated[bool, typer.Option(
        "--workers/--no-workers", help="chạy worker trong máy này (chế độ nhúng)")] = True,
) -> None:
    """Chạy API (http://127.0.0.1:PORT/api/docs) trên máy này, kèm worker xử lý tệp."""
    import uvicorn

    from api.app import create_app
    from ingest.fulltext import missing
    from ingest.jobs import pending_documents
    from ingest.runner import enqueue, plan, start_worker, stop_worker

    rt = _runtime()
    stops = []
    if embedded_workers and not rt.settings.broker_url:  # embedded mode: our own worker
        enqueue(rt, pending_documents(rt))  # what a stopped server left unread
        cores = rt.settings.worker_count
        proc = start_worker(rt, plan(cores, cores))
        stops.append(lambda: stop_worker(proc))
    host = host or rt.settings.host
    with rt.db.session() as s:
        if s.scalar(select(User.id).limit(1)) is None:
            err.print("[yellow]Chưa có tài khoản nào; tạo tài khoản quản trị bằng: "
                      "hoso user add admin --role admin[/]")
    if unindexed := missing(rt):
        err.print(f"[yellow]{unindexed} hồ sơ chưa có trong chỉ mục tìm kiếm; lập chỉ mục bằng: "
                  "hoso reindex[/]")
    err.print(f"Trang web: http://{host}:{port}/  ·  API: http://{host}:{port}/api/docs")
    try:
        uvicorn.run(create_app(rt.settings, on_shutdown=stops), host=host, port=port,
                    log_level="warning")
    finally:  # the server did not start (port taken …): the worker goes too
        for stop in stops:
            stop()


@app.command()
def worker(
    concurrency: Annotated[int, typer.Option(help="số tiến trình (0 = số lõi CPU)")] = 0,
    queues: Annotated[str, typer.Option(
        help="hàng đợi nhận việc, cách nhau bằng dấu phẩy: hoso (đọc tệp, hoàn tất), "
             "ocr (nhận dạng chữ từng phần của bản quét dài); 'ocr' để dành máy này cho OCR")] = "hoso,ocr",
) -> None:
    """Chạy một worker (chế độ phân tán: HOSO_BROKER_URL=redis://…)."""
    import os

    from ingest.runner import resume
    from ingest.tasks import QUEUE, QUEUES, make_app

    chosen = [q.strip() for q in queues.split(",") if q.strip()]
    if not chosen or set(chosen) - set(QUEUES):
        _fail(BadInput(f"queues {queues!r}", message=f"Hàng đợi không hợp lệ: “{queues}”; "
                                                     f"chọn trong: {', '.join(QUEUES)}."))
    rt = _runtime()
    # work a killed worker left behind is redone; a worker that reads files also runs the
    # duplicate checks that never ran (an OCR-only machine keeps no archive index)
    done = resume(rt, compare=QUEUE in chosen)
    err.print(f"Đã xếp lại {done.queued} tệp chưa xong; so trùng {done.compared} hồ sơ còn sót.")
    make_app(rt.settings).worker_main(
        ["worker", "--pool", "prefork", "--queues", ",".join(chosen),
         "--concurrency", str(concurrency or rt.settings.worker_count), "--loglevel", "INFO",
         "--hostname", f"hoso-{os.getpid()}@%h"])


def _out() -> Console:
    """Wide enough for dossier paths when the output goes to a file or a pipe."""
    return Console() if sys.stdout.isatty() else Console(width=160)


def _table(reports: list[dict]) -> Table:
    t = Table(title="Hồ sơ", show_lines=False)
    for col, kw in [("Mã", {"justify": "right"}), ("Nguồn", {}), ("Tệp", {"justify": "right"}),
                    ("Trang", {"justify": "right"}), ("OCR", {"justify": "right"}),
                    ("Tin cậy", {"justify": "right"}), ("Tài liệu", {}), ("Trạng thái", {}),
                    ("Vấn đề", {})]:
        t.add_column(col, **kw)
    for r in reports:
        pages = sum(f["pages"] for f in r["files"])
        ocr = sum(f["ocr_pages"] for f in r["files"])
        confs = [f["mean_confidence"] for f in r["files"] if f["mean_confidence"] is not None]
        conf = f"{sum(confs) / len(confs):.1f}" if confs else "—"
        codes: dict[str, int] = {}
        for issue in r["issues"]:
            codes[issue["code"]] = codes.get(issue["code"], 0) + 1
        problems = ", ".join(f"{c}×{n}" if n > 1 else c for c, n in codes.items()) or "—"
        kinds = ", ".join(dict.fromkeys(
            KIND_VI[k] for f in r["files"] if f["status"] == "done"
            for k in ([seg["kind"] for seg in f["documents"]] or [f["kind"]]))) or "—"
        t.add_row(str(r["id"]), r["source"], str(len(r["files"])), str(pages), str(ocr), conf,
                  kinds, STATUS_VI.get(r["status"], r["status"]), problems)
    return t


LABEL_VI = {"identical": "giống hệt", "minor_changes": "sửa ít", "ocr_noisy": "khác do nhận dạng"}
HOW_VI = {"round": "theo đợt", "detected": "tự nhận", "default": "mặc định", "none": "không có"}
FORMED_VI = {"folder": "thư mục", "file": "tệp", "zip": "ZIP", "stack": "tách từ chồng quét",
             "group": "ghép các tệp rời"}


def _understanding(out: Console, r: dict) -> None:
    """Per dossier: how it was formed, its profile, the sections found, what is missing."""
    if r["status"] == "failed":
        return
    formed = FORMED_VI.get(r["formed_by"], r["formed_by"])
    f = r.get("formation") or {}
    if r["formed_by"] == "stack":
        formed += f" (trang {f['first_page']}–{f['last_page']}, phần {f['part']}/{f['parts']})"
    out.print(f"[bold]{r['id']}. {r['source']}[/] — {formed}; mẫu: {r['profile'] or '—'} "
              f"({HOW_VI.get(r['profile_how'] or 'none')})")
    by_doc: dict[str, list[str]] = {}
    for sec in r["sections"]:
        if not sec.get("empty") and sec["key"] not in by_doc.setdefault(sec["document"], []):
            by_doc[sec["document"]].append(sec["key"])
    for kind, keys in by_doc.items():
        out.print(f"  Mục của {KIND_VI.get(kind, kind)} ({len(keys)}): {', '.join(keys)}",
                  highlight=False)
    if not by_doc:
        out.print("  Không tìm thấy mục nào.")
    missing = r["completeness"]["missing"]
    if missing:
        out.print("  [red]Thiếu:[/] " + "; ".join(f"{m.get('label') or m['key']} ({m['key']})"
                                                  for m in missing), highlight=False)
    others = [x for x in r["completeness"]["findings"] if x.get("key") not in
              {m["key"] for m in missing}]
    for x in others:
        page = f" (tr. {x['page']})" if x.get("page") else ""
        out.print(f"  [yellow]{x['code']}[/]{page}: {x['message']}", highlight=False)
    if not missing and not others:
        out.print("  [green]Đủ thành phần.[/]")
    for d in r.get("duplicates", []):
        if d.get("excluded"):
            continue
        who = f"hồ sơ {d['dossier']} ({d['source']}" + (f", {d['year']}" if d.get("year") else "") \
            + (", kho đã công nhận" if d.get("prior") else "") + ")"
        out.print(f"  [red]Nghi trùng lặp[/] với {who}: giống {d['similarity']:.0%}, "
                  f"{d['coverage']:.0%} nội dung của hồ sơ này có trong hồ sơ kia; "
                  f"{len(d['passages'])} đoạn trùng.", highlight=False)
        if d.get("title"):
            out.print(f"    Tên sáng kiến kia: {d['title']}", highlight=False)
        for p in sorted(d["passages"], key=lambda p: -(p.get("words") or 0))[:2]:
            ours, theirs = p["ours"], p["theirs"]
            text = " ".join(ours["text"].split())
            where = f"tr. {ours['page']} ↔ tr. {theirs['page']}"
            label = LABEL_VI.get(p["label"], p["label"])
            secret = " (đoạn của hồ sơ kia được bảo mật)" if theirs.get("withheld") else ""
            out.print(f"    {where}, {label}, {p['score']:.0f}%{secret}: “{text[:160]}"
                      f"{'…' if len(text) > 160 else ''}”", highlight=False)


user_app = typer.Typer(add_completion=False, no_args_is_help=True,
                       help="Tài khoản: thư ký, thành viên hội đồng, lưu trữ, quản trị.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    login: Annotated[str, typer.Argument(help="tên đăng nhập")],
    role: Annotated[str, typer.Option(help="secretariat | reviewer | archivist | admin")],
    name: Annotated[str, typer.Option(help="họ và tên")] = "",
    unit: Annotated[str | None, typer.Option(help="đơn vị công tác")] = None,
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="đọc mật khẩu từ đầu vào chuẩn (mặc định: tạo ngẫu nhiên)")] = False,
) -> None:
    """Tạo tài khoản; in mật khẩu tạo ngẫu nhiên nếu không đọc từ đầu vào."""
    import secrets

    from api.audit import record
    from api.auth import create_user

    password = sys.stdin.readline().rstrip("\n") if password_stdin else secrets.token_urlsafe(12)
    rt = _runtime()
    try:
        with rt.db.session() as s:
            user = create_user(s, login, role, password, name=name, unit=unit)
            record(s, None, "user_created", object_type="user", object_id=user.id,
                   detail={"login": user.login, "role": role, "via": "cli"}, login="(cli)")
    except HosoError as exc:
        _fail(exc)
    err.print(f"Đã tạo tài khoản [bold]{user.login}[/] ({role}).")
    if not password_stdin:
        print(password)


@user_app.command("token")
def user_token(
    login: Annotated[str, typer.Argument(help="tên đăng nhập")],
    name: Annotated[str, typer.Option(help="tên gợi nhớ của mã")] = "cli",
) -> None:
    """Tạo mã truy cập API cho một tài khoản và in ra (chỉ hiện một lần)."""
    from api.audit import record
    from api.auth import issue_token

    rt = _runtime()
    with rt.db.session() as s:
        user = s.scalar(select(User).where(User.login == login.strip().lower()))
        if user is None:
            _fail(NotFound(f"user {login}", message=f"Không có tài khoản “{login}”."))
        token, secret = issue_token(s, user, name)
        record(s, None, "token_created", object_type="token", object_id=token.id,
               detail={"for": user.login, "via": "cli"}, login="(cli)")
    print(secret)


@user_app.command("list")
def user_list() -> None:
    """Liệt kê tài khoản."""
    rt = _runtime()
    t = Table(title="Tài khoản")
    for col in ("Mã", "Đăng nhập", "Họ tên", "Vai trò", "Đơn vị", "Hoạt động"):
        t.add_column(col)
    with rt.db.session() as s:
        for u in s.scalars(select(User).order_by(User.id)):
            t.add_row(str(u.id), u.login, u.name, u.role, u.unit or "—", "có" if u.active else "khoá")
    _out().print(t)


@app.command("demo-accounts")
def demo_accounts_command() -> None:
    """Tài khoản dùng thử cho mỗi vai trò (mật khẩu mới mỗi lần chạy) — dùng với mẫu có sẵn."""
    from api.auth import ROLE_VI
    from api.demo import demo_accounts

    rt = _runtime()
    t = Table(title="Tài khoản dùng thử (mật khẩu đổi mỗi lần chạy make run)")
    for col in ("Vai trò", "Tên đăng nhập", "Mật khẩu"):
        t.add_column(col)
    for d in demo_accounts(rt):
        t.add_row(ROLE_VI[d.role], d.login, d.password)
    _out().print(t)


def _fail(exc: HosoError) -> None:
    err.print(f"[red]{exc.message}[/] ({exc.code})")
    raise typer.Exit(2)


if __name__ == "__main__":
    app()
