#!/usr/bin/env bash
# Install the Vietnamese Tesseract model hoso uses into DEST_DIR (the Makefile passes
# .models/tessdata, which git ignores), with Debian's osd.traineddata next to it.
#
#   scripts/install-vie-model.sh DEST_DIR
#
# Which model and why: bench/models.py, results in bench/README.md. The winner is
# "4.0.0_best_int" from the npm package @tesseract.js-data/vie (tessdata_best converted to
# integers), fetched with `npm pack`, gunzipped and checked against a pinned sha256.
# Idempotent: a DEST_DIR that already holds the right files is left as it is.
# Fails loudly (non-zero exit, message on stderr) on anything unexpected.
set -euo pipefail

PACKAGE="@tesseract.js-data/vie@1.0.0"
MODEL="4.0.0_best_int"
MODEL_SHA256="112f6fd1d04ab4cb0208cad9cada8de214ae33a1e4db3750ffcda69262aef0a8"
DEBIAN_TESSDATA="${DEBIAN_TESSDATA:-/usr/share/tesseract-ocr/5/tessdata}"

die() { echo "install-vie-model: $*" >&2; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || die "usage: $0 DEST_DIR"
DEST="$1"
command -v npm >/dev/null || die "npm not found (needed to fetch $PACKAGE)"
command -v gunzip >/dev/null || die "gunzip not found"
[ -f "$DEBIAN_TESSDATA/osd.traineddata" ] \
  || die "$DEBIAN_TESSDATA/osd.traineddata missing: apt-get install tesseract-ocr-osd"

sha_ok() { [ -f "$1" ] && echo "$2  $1" | sha256sum --check --status -; }

mkdir -p "$DEST"
if sha_ok "$DEST/vie.traineddata" "$MODEL_SHA256"; then
  echo "vie.traineddata ($MODEL) already in $DEST"
else
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/hoso-vie.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$PACKAGE" >/dev/null) || die "npm pack $PACKAGE failed"
  tgz="$(ls "$tmp"/*.tgz 2>/dev/null | head -n 1)"
  [ -n "$tgz" ] || die "npm pack produced no tarball"
  tar -xzf "$tgz" -C "$tmp" "package/$MODEL/vie.traineddata.gz" \
    || die "package/$MODEL/vie.traineddata.gz not in $tgz"
  gunzip -c "$tmp/package/$MODEL/vie.traineddata.gz" > "$tmp/vie.traineddata" \
    || die "gunzip failed"
  sha_ok "$tmp/vie.traineddata" "$MODEL_SHA256" \
    || die "checksum mismatch for $MODEL/vie.traineddata (package changed?)"
  # same filesystem as the destination, then rename: never a half-written model in DEST
  cp "$tmp/vie.traineddata" "$DEST/.vie.traineddata.part"
  mv -f "$DEST/.vie.traineddata.part" "$DEST/vie.traineddata"
  echo "installed vie.traineddata ($MODEL) into $DEST"
fi

if ! cmp -s "$DEBIAN_TESSDATA/osd.traineddata" "$DEST/osd.traineddata" 2>/dev/null; then
  cp "$DEBIAN_TESSDATA/osd.traineddata" "$DEST/.osd.traineddata.part"
  mv -f "$DEST/.osd.traineddata.part" "$DEST/osd.traineddata"
  echo "copied osd.traineddata into $DEST"
fi

# the folder must work for tesseract: it lists vie among its languages
tesseract --tessdata-dir "$DEST" --list-langs 2>/dev/null | grep -qx vie \
  || die "tesseract does not list vie in $DEST"
