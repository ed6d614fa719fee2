#!/usr/bin/env bash
# One line per input pair: the SHA-256 of `parallax compare L R --format json`, both ways round.
# Run it before and after a change that must not alter reports, and diff the two listings.
# Usage: benches/report-digests.sh PARALLAX_BINARY [GENERATED_PAIRS_DIR]
# Reads the corpus from ${PARALLAX_CORPUS:-../shared/corpus}.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$1"
generated="${2:-}"
corpus="${PARALLAX_CORPUS:-../shared/corpus}"

digest() {
    local sum
    sum=$("$bin" compare "$1" "$2" --format json | sha256sum | cut -c1-16)
    local sum2
    sum2=$("$bin" compare "$2" "$1" --format json | sha256sum | cut -c1-16)
    printf '%s %s %s\n' "$sum" "$sum2" "$3"
}

digest "$corpus"/seeds/000_*.txt "$corpus"/seeds/003_*.txt seed
digest tests/fixtures/gazette.txt tests/fixtures/coastline.txt fixtures
digest assets/demo/left.txt assets/demo/right.txt demo
while IFS=$'\t' read -r pair _ a _ b _; do
    [ "$pair" = pair ] && continue
    digest "$corpus/pairs/$a" "$corpus/pairs/$b" "pair-$pair"
done <"$corpus/pairs/index.tsv"
if [[ -n "$generated" ]]; then
    for d in "$generated"/*/; do
        [[ -f "$d/left.txt" ]] && digest "$d/left.txt" "$d/right.txt" "generated-$(basename "$d")"
    done
fi
digest "$corpus"/rewording/asv-bbe-nt/a.txt "$corpus"/rewording/asv-bbe-nt/b.txt asv-bbe-nt
