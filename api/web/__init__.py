"""The web pages the council works in, in Vietnamese: server-rendered (Jinja2) with a little
plain JavaScript (``static/hoso.js``) that sends the page's actions to the JSON API, so every
rule lives once, in the API and ``api.access``.

    api.web.session   sign in and out, the home page of each role
    api.web.upload    upload files, ZIPs and stack scans; progress, problems, re-upload
    api.web.queue     the review queue: filters, risk order, counts, bulk assignment
    api.web.summary   a round's summary: counts, score distribution, warned dossiers
    api.web.dossier   a dossier: fields, documents, outline, findings, matches, scores, decision
    api.web.viewer    a page's image beside its text; re-OCR; two dossiers' passages compared
    api.web.archive   full-text search of every dossier, past and present
    api.web.admin     accounts and the audit log
"""

from fastapi import APIRouter

from api.web import admin, archive, dossier, queue, session, summary, upload, viewer

router = APIRouter(include_in_schema=False)
for _module in (session, upload, queue, summary, dossier, viewer, archive, admin):
    router.include_router(_module.router)
