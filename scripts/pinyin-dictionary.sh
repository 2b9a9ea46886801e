#!/usr/bin/env bash
# Makes the on-screen keyboard's pinyin dictionary (kiosk-app/.../ui/keyboard/pinyin.tsv) from a well-kept source:
#   Debian package rime-data-pinyin-simp, file /usr/share/rime-data/pinyin_simp.dict.yaml (upstream
#   https://github.com/rime/rime-pinyin-simp), "derived from Android Pinyin IME", licence Apache-2.0
#   (/usr/share/doc/rime-data-pinyin-simp/copyright). Simplified characters and words, each with its pinyin and
#   a frequency weight.
# Keeps the CHARS most frequent single characters and the WORDS most frequent words (2+ syllables), so the
# terminal carries a few hundred kilobytes, not the whole 65 000-entry dictionary.
# Usage: bash scripts/pinyin-dictionary.sh [path/to/pinyin_simp.dict.yaml]   (installs the package when needed)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
CHARS=${CHARS:-8000}
WORDS=${WORDS:-16000}
src=${1:-/usr/share/rime-data/pinyin_simp.dict.yaml}
if [ ! -f "$src" ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends rime-data-pinyin-simp </dev/null
fi
version=$(dpkg-query -W -f='${Version}' rime-data-pinyin-simp 2>/dev/null || echo unknown)
out=kiosk-app/src/main/resources/org/govkiosk/app/ui/keyboard/pinyin.tsv
{
  echo "# Pinyin dictionary of the on-screen keyboard: text, pinyin (syllables by spaces), frequency weight."
  echo "# Made by scripts/pinyin-dictionary.sh from rime-data-pinyin-simp $version (pinyin_simp.dict.yaml,"
  echo "# https://github.com/rime/rime-pinyin-simp, derived from the Android Pinyin IME)."
  echo "# Licence: Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0 (copyright GONG Chen and"
  echo "# The Android Open Source Project). The $CHARS most frequent characters and $WORDS most frequent words."
  # Entries are "text<TAB>pin yin<TAB>weight" after the YAML header's "..." line.
  awk -F'\t' 'seen && NF >= 3 && $3 ~ /^[0-9]+$/ { print } /^\.\.\.$/ { seen = 1 }' "$src" \
    | awk -F'\t' -v chars="$CHARS" -v words="$WORDS" '
        { if (split($2, s, " ") == 1) print "c\t" $0; else print "w\t" $0 }' \
    | sort -t$'\t' -k1,1 -k4,4nr -k2,2 -k3,3 \
    | awk -F'\t' -v chars="$CHARS" -v words="$WORDS" '
        $1 == "c" && ++nc <= chars { print $2 "\t" $3 "\t" $4 }
        $1 == "w" && ++nw <= words { print $2 "\t" $3 "\t" $4 }'
} > "$out"
echo "$out: $(grep -vc '^#' "$out") entries, $(wc -c < "$out") bytes"
