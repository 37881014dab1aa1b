"""The shared spaCy pipeline and the form labels it finds.

What spaCy does for us:

- **Language and tokens.** ``nlp()`` is spaCy's Vietnamese language (``spacy.blank("vi")``,
  without pyvi word segmentation) with a tokenizer of our own on its vocabulary: it splits
  letters from digits and punctuation, so "Kính gửi1:" gives "Kính", "gửi", "1", ":" and
  "(60%)." gives "(", "60", "%", ")", ".". Every character of the text stays in the Doc
  (line breaks become space tokens), so token offsets point into the page text.
- **Folded norms.** Each token's ``NORM`` is its diacritic-free lower-case form
  ("Lĩnh" -> "linh", "Đầu" -> "dau"), so a label typed or OCR'd without accents still matches.
- **Label rules as patterns.** The request form and the description templates are read through
  their labels ("Kính gửi", "Lĩnh vực áp dụng sáng kiến", "Chủ đầu tư tạo ra sáng kiến",
  "Ngày sáng kiến được áp dụng lần đầu", "Quyết định số" …). Each label is one spaCy
  ``Matcher`` pattern over folded norms; words of four letters or more (three inside a longer
  phrase) match with one edit allowed (spaCy's ``FUZZY1``), so OCR slips such as "gửl" for
  "gửi" or "linh vục" still match.
  Which label starts where is all ``find_labels`` returns; reading the value after a label is
  plain string work in ``extract.fields``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ingest.vietnamese import fold

# label name -> the phrases that write it (folded, lower case). Order does not matter; where
# two phrases of one label overlap, the longer match wins.
LABELS: dict[str, tuple[str, ...]] = {
    "addressee": ("kinh gui",),
    "title": ("de nghi xet cong nhan sang kien", "de nghi cong nhan sang kien",
              "dang ky xet cong nhan sang kien", "ten sang kien", "ten de tai", "de tai"),
    "investor": ("chu dau tu tao ra sang kien", "chu dau tu"),
    "field": ("linh vuc ap dung sang kien", "linh vuc ap dung"),
    "first_applied": ("ngay sang kien duoc ap dung lan dau hoac ap dung thu",
                      "ngay sang kien duoc ap dung lan dau", "ngay ap dung lan dau",
                      "thoi gian ap dung"),
    "confidential": ("nhung thong tin can duoc bao mat", "thong tin can duoc bao mat",
                     "thong tin can bao mat"),
    "authors": ("ho va ten tac gia", "ho ten tac gia", "ho va ten nhom tac gia", "nhom tac gia",
                "tac gia", "dong tac gia", "nguoi thuc hien"),
    "decision": ("quyet dinh so",),
    # items that end the value of the one before them
    "essence": ("mo ta ban chat cua sang kien", "mo ta ban chat", "mo ta sang kien"),
    "conditions": ("nhung dieu kien can thiet", "dieu kien can thiet"),
    "benefit": ("danh gia loi ich",),
    "helpers": ("danh sach nhung nguoi",),
    "pledge": ("toi chung toi xin cam doan", "xin cam doan"),
    "we": ("chung toi", "toi"),
    "council": ("hoi dong co so da xet cong nhan",),
}

_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S", re.UNICODE)
_SPACE = re.compile(r"\s+")


class FoldingTokenizer:
    """Letters, digits and each punctuation mark are tokens; other whitespace than one space
    becomes a space token, so ``doc.text`` is the input text. NORM is the folded lower case."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        def gap(between: str) -> None:
            """Text between tokens: one leading space becomes the previous token's, the
            rest (more spaces, line breaks) a token of its own, so offsets stay exact."""
            if words and not spaces[-1] and between[0] == " ":
                spaces[-1] = True
                between = between[1:]
            if between:
                words.append(between)
                spaces.append(False)

        pos = 0
        for m in _TOKEN.finditer(text):
            if m.start() > pos:
                gap(text[pos:m.start()])
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        if pos < len(text):
            gap(text[pos:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token in doc:
            token.norm_ = fold(token.text).lower()
        return doc


@cache
def nlp() -> Language:
    """spaCy's Vietnamese language with the folding tokenizer (built once)."""
    import spacy

    lang = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    lang.tokenizer = FoldingTokenizer(lang.vocab)
    return lang


def _pattern(phrase: str) -> list[dict]:
    """Folded words; one edit allowed in words of 4+ letters (3+ inside a longer phrase)."""
    words = phrase.split()
    least = 3 if len(words) > 1 else 4
    return [{"NORM": {"FUZZY1": w}} if len(w) >= least else {"NORM": w} for w in words]


@cache
def label_matcher() -> Matcher:
    matcher = Matcher(nlp().vocab)
    for name, phrases in LABELS.items():
        matcher.add(name, [_pattern(p) for p in phrases])
    return matcher


@dataclass(frozen=True)
class Label:
    name: str  # a key of LABELS
    start: int  # character offsets of the label in the text
    end: int
    line_start: bool  # only numbering, bullets or a title in capitals stand before it on its line


_LEAD = re.compile(r"^\s*(?:[-+•*]\s*|(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s*)*$", re.IGNORECASE)


def find_labels(text: str) -> list[Label]:
    """Every label in ``text``, in order; overlapping matches keep the longest."""
    doc = nlp()(text)
    spans = [(doc.vocab.strings[mid], s, e) for mid, s, e in label_matcher()(doc)]
    spans.sort(key=lambda x: (x[1], -(x[2] - x[1])))
    out: list[Label] = []
    taken = -1
    for name, s, e in spans:
        if s < taken:
            continue
        taken = e
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        line_begin = text.rfind("\n", 0, start) + 1
        out.append(Label(name, start, end, bool(_LEAD.match(text[line_begin:start]))))
    return out


def folded(text: str) -> str:
    """Lower-case, diacritic-free, whitespace collapsed: the key for vocabulary look-ups."""
    return _SPACE.sub(" ", fold(text).lower()).strip()


# OCR reads the form's en dash between two words ("Nông nghiệp – trồng trọt") as "—", "~-",
# "~", "=" or "-": a lone dash-like token between words is put back to "–", what the form had.
_DASH = re.compile(r"(?<=\S)[ \t]+[~=\-–—]{1,3}[.,]{0,2}[ \t]+(?=\S)")


def en_dash(text: str) -> str:
    """A lone dash-like token between two words written as the en dash "–"."""
    return _DASH.sub(" – ", text)


def is_label(text: str) -> bool:
    """The text opens (past a bullet or a number) with a form label: a value left blank."""
    lead = _LEAD_ITEM.match(text)
    rest = text[lead.end():] if lead else text
    return any(lab.start == 0 for lab in find_labels(rest[:120]))


_LEAD_ITEM = re.compile(r"^\s*(?:[-+•*]\s*|(?:\d{1,2}|[IVX]{1,4}|[a-zđ])[.)]\s*)*")

