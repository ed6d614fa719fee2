#!/usr/bin/env bash
# Wall time and peak memory of `parallax compare L R --format json` against
# `git diff --no-index --word-diff=porcelain L R`, in one run, on the seed pair and on the
# generated 10k/100k/1M-word pairs; then how much of the generator's known structure parallax
# recovered. Usage: benches/measure.sh [SIZES] (default 10000,100000,1000000).
#
# Needs: hyperfine and /usr/bin/time (Debian packages, installed if missing), git, jq, the long
# text (benches/fetch-corpus.sh). The machine is shared and noisy, so both tools are timed in
# one hyperfine run per pair, interleaved, and the ratio of their fastest runs is reported.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${1:-10000,100000,1000000}"
target="${CARGO_TARGET_DIR:-target}"
corpus="${PARALLAX_CORPUS:-../shared/corpus}"
pairs="$target/bench-pairs/measure"

missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v jq >/dev/null || missing+=(jq)
if [[ ${#missing[@]} -gt 0 ]]; then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
runs="${RUNS:-20}"
benches/fetch-corpus.sh
cargo build --release --quiet --bin parallax --example bench_pairs
parallax="$target/release/parallax"
"$target/release/examples/bench_pairs" generate "$pairs" "$sizes"

# Peak resident memory in MiB of one run of a command, stdout to /dev/null.
peak() {
    local log
    log=$(mktemp)
    /usr/bin/time -f '%M' -o "$log" "$@" >/dev/null || true
    # time writes "Command exited with non-zero status N" first when N != 0 (git diff: 1).
    tail -n1 "$log" | awk '{ printf "%.1f", $1 / 1024 }'
    rm -f "$log"
}

# Fastest and mean wall time in ms of parallax and git on one pair, from one hyperfine run:
# "p_min p_mean g_min g_mean".
times() {
    local json
    json=$(mktemp)
    hyperfine -N -i -w 3 -r "$runs" --export-json "$json" \
        "$parallax compare $1 $2 --format json" \
        "git diff --no-index --word-diff=porcelain $1 $2" >/dev/null 2>&1
    jq -r '[.results[] | (.min * 1000), (.mean * 1000)] | map(. * 100 | round / 100) | @tsv' "$json"
    rm -f "$json"
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
printf '%-8s %9s %9s | %16s %9s | %16s %9s | %7s\n' \
    pair "L words" "R words" "parallax min/mean" "MiB" "git min/mean" "MiB" "time x"
scores=()
for c in "${cases[@]}"; do
    IFS='|' read -r name left right manifest <<<"$c"
    read -r pmin pmean gmin gmean <<<"$(times "$left" "$right")"
    pm=$(peak "$parallax" compare "$left" "$right" --format json)
    gm=$(peak git diff --no-index --word-diff=porcelain "$left" "$right")
    printf '%-8s %9d %9d | %16s %9s | %16s %9s | %7s\n' "$name" "$(words "$left")" "$(words "$right")" \
        "$pmin/$pmean ms" "$pm" "$gmin/$gmean ms" "$gm" \
        "$(awk -v a="$pmin" -v b="$gmin" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.001) }')"
    if [[ -n "$manifest" ]]; then
        report="$pairs/$name/report.json"
        "$parallax" compare "$left" "$right" --format json >"$report"
        scores+=("$name $("$target/release/examples/bench_pairs" score "$manifest" "$report")")
    fi
done
echo "($runs runs each, interleaved in one hyperfine run; time x = parallax min / git min; wall time includes process start-up)"

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
