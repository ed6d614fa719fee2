#!/usr/bin/env bash
# Wall time and peak memory of `parallax compare L R --format json` against
# `git diff --no-index --word-diff=porcelain L R`, in one run, on the seed pair, the
# generated 10k/100k/1M-word pairs and the real-rewording pair asv-bbe-nt; then how much of the generator's known structure parallax
# recovered. Usage: benches/measure.sh [SIZES] (default 10000,100000,1000000).
#
# Needs: /usr/bin/time and jq (Debian packages, installed if missing), git, the long text
# (benches/fetch-corpus.sh). The machine is shared and noisy, so the two tools take turns
# (`bench_pairs race`), and the ratios of their median and of their fastest runs are reported.
# BASELINE=path/to/an/older/parallax joins the turns, and its median / git's is the last column.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes="${1:-10000,100000,1000000}"
target="${CARGO_TARGET_DIR:-target}"
corpus="${PARALLAX_CORPUS:-../shared/corpus}"
pairs="$target/bench-pairs/measure"

missing=()
[[ -x /usr/bin/time ]] || missing+=(time)
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

# Fastest and median wall time in ms of parallax and git on one pair, run by turns:
# "p_min p_median g_min g_median".
times() {
    "$target/release/examples/bench_pairs" race "$runs" "$parallax" "$1" "$2" ${BASELINE:+"$BASELINE"}
}

words() { cat "$@" | wc -w; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 0.001) }'; }

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
rewording="$corpus/rewording/asv-bbe-nt"
if [[ -f "$rewording/a.txt" && -f "$rewording/b.txt" ]]; then
    cases+=("asv-bbe|$rewording/a.txt|$rewording/b.txt|")
else
    echo "measure: SKIPPING the rewording pair: not found under $corpus (set PARALLAX_CORPUS)" >&2
fi

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(git --version)"
printf '%-8s %9s %9s | %18s %9s | %18s %9s | %5s %5s %s\n' \
    pair "L words" "R words" "parallax min/median" "MiB" "git min/median" "MiB" "x med" "x min" \
    "${BASELINE:+| baseline x med}"
scores=()
for c in "${cases[@]}"; do
    IFS='|' read -r name left right manifest <<<"$c"
    # Assigned first: a failure inside a here-string would not stop the script.
    t=$(times "$left" "$right")
    read -r pmin pmed gmin gmed bmin bmed <<<"$t"
    pm=$(peak "$parallax" compare "$left" "$right" --format json)
    gm=$(peak git diff --no-index --word-diff=porcelain "$left" "$right")
    baseline=""
    [[ -n "${BASELINE:-}" ]] && baseline="| $(ratio "$bmed" "$gmed") ($bmin/$bmed ms)"
    printf '%-8s %9d %9d | %18s %9s | %18s %9s | %5s %5s %s\n' "$name" "$(words "$left")" "$(words "$right")" \
        "$pmin/$pmed ms" "$pm" "$gmin/$gmed ms" "$gm" "$(ratio "$pmed" "$gmed")" "$(ratio "$pmin" "$gmin")" "$baseline"
    if [[ -n "$manifest" ]]; then
        report="$pairs/$name/report.json"
        "$parallax" compare "$left" "$right" --format json >"$report"
        scores+=("$name $("$target/release/examples/bench_pairs" score "$manifest" "$report")")
    fi
done
echo "($runs runs each, the two tools by turns; x med = parallax median / git median, x min = parallax fastest / git fastest; wall time includes process start-up)"

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
