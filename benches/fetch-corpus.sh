#!/usr/bin/env bash
# Install the long public-domain text the benchmarks derive their pairs from, and dump it as
# plain text: the World English Bible with Deuterocanon (Debian package sword-text-web,
# module engWEB2015eb: 1.26M words as dumped, about 0.9M of verse text once the generator drops
# the section headings that diatheke repeats), read out with diatheke.
#
# The text is written outside the repository (never commit it):
#   ${PARALLAX_LONG_TEXT:-${CARGO_TARGET_DIR:-target}/bench-corpus/web.txt}
set -euo pipefail
cd "$(dirname "$0")/.."

out="${PARALLAX_LONG_TEXT:-${CARGO_TARGET_DIR:-target}/bench-corpus/web.txt}"
if [[ -s "$out" ]]; then
    echo "fetch-corpus: $out already there" >&2
    exit 0
fi

if ! command -v diatheke >/dev/null || [[ ! -d /usr/share/sword/modules/texts/ztext/engWEB2015eb ]]; then
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends sword-text-web diatheke
fi

mkdir -p "$(dirname "$out")"
diatheke -b engWEB2015eb -f plain -k "Genesis 1:1-Revelation 22:21" >"$out.tmp"
mv "$out.tmp" "$out"
echo "fetch-corpus: wrote $out ($(wc -w <"$out") words)" >&2
