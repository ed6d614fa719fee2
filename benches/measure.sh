#!/usr/bin/env bash
# Wall time and peak memory of `parallax compare L R --format json` against
# `git diff --no-index --word-diff=porcelain L R`, in one run, on the seed pair and on the
# generated 10k/100k/1M-word pairs; then how much of the generator's known structure parallax
# recovered. Usage: benches/measure.sh [SIZES] (default 10000,100000,1000000).
#
# Needs: /usr/bin/time (Debian package `time`), git, the long text (benches/fetch-corpus.sh).
# Each command runs once: this machine is shared, so rerun the script for a second reading.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${1:-10000,100000,1000000}"
target="${CARGO_TARGET_DIR:-target}"
corpus="${PARALLAX_CORPUS:-../shared/corpus}"
pairs="$target/bench-pairs/measure"

if [[ ! -x /usr/bin/time ]]; then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq time
fi
benches/fetch-corpus.sh
cargo build --release --quiet --bin parallax --example bench_pairs
parallax="$target/release/parallax"
"$target/release/examples/bench_pairs" generate "$pairs" "$sizes"

# Run a command once with stdout to /dev/null; print "seconds peak_MiB". The wall time is taken
# here in nanoseconds (/usr/bin/time rounds to 10 ms); the peak RSS comes from /usr/bin/time.
measure() {
    local log start end
    log=$(mktemp)
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$log" "$@" >/dev/null || true
    end=$(date +%s%N)
    # time writes "Command exited with non-zero status N" first when N != 0 (git diff: 1).
    tail -n1 "$log" | awk -v ns=$((end - start)) '{ printf "%.3f %.1f", ns / 1e9, $1 / 1024 }'
    rm -f "$log"
}

words() { cat "$@" | wc -w; }

cases=()
seeds="$corpus/seeds"
if [[ -f "$seeds/000_7e1e6eb906015e66.txt" && -f "$seeds/003_37f7f28ba670c285.txt" ]]; then
    cases+=("seed|$seeds/000_7e1e6eb906015e66.txt|$seeds/003_37f7f28ba670c285.txt|")
else
    echo "measure: SKIPPING the seed pair: not found under $corpus (set PARALLAX_CORPUS)" >&2
fi
for n in ${sizes//,/ }; do
    cases+=("$n|$pairs/$n/left.txt|$pairs/$n/right.txt|$pairs/$n/manifest.json")
done

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(git --version)"
printf '%-8s %9s %9s | %10s %10s | %10s %10s | %8s %8s\n' \
    pair "L words" "R words" "parallax s" "MiB" "git s" "MiB" "time x" "mem x"
scores=()
for c in "${cases[@]}"; do
    IFS='|' read -r name left right manifest <<<"$c"
    read -r pt pm <<<"$(measure "$parallax" compare "$left" "$right" --format json)"
    read -r gt gm <<<"$(measure git diff --no-index --word-diff=porcelain "$left" "$right")"
    printf '%-8s %9d %9d | %10s %10s | %10s %10s | %8s %8s\n' "$name" "$(words "$left")" "$(words "$right")" \
        "$pt" "$pm" "$gt" "$gm" \
        "$(awk -v a="$pt" -v b="$gt" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.001) }')" \
        "$(awk -v a="$pm" -v b="$gm" 'BEGIN { printf "%.1f", a / b }')"
    if [[ -n "$manifest" ]]; then
        report="$pairs/$name/report.json"
        "$parallax" compare "$left" "$right" --format json >"$report"
        scores+=("$name $("$target/release/examples/bench_pairs" score "$manifest" "$report")")
    fi
done
echo "(time x, mem x: parallax / git; wall time includes process start-up)"

echo
echo "Recovered structure (LEFT body passages wholly inside unchanged verses):"
printf '%-8s %22s %22s %20s %20s\n' pair "moved: identical+moved" "kept: identical, in order" "deleted: unlinked" "moved links correct"
for s in "${scores[@]}"; do
    name="${s%% *}"
    json="${s#* }"
    jq -r --arg n "$name" '
        def pct(a; b): if b == 0 then "-" else "\(a)/\(b) \((100 * a / b) | floor)%" end;
        [$n, pct(.moved_recovered; .moved_unchanged), pct(.kept_recovered; .kept_unchanged),
         pct(.deleted_unlinked; .deleted), pct(.moved_links_right; .moved_links)] | @tsv' <<<"$json" |
        awk -F'\t' '{ printf "%-8s %22s %22s %20s %20s\n", $1, $2, $3, $4, $5 }'
done
