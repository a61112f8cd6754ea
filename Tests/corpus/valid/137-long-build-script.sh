#!/usr/bin/env bash
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 4)}
CONFIGS=(debug release)
declare -A FLAGS=([debug]="-O0 -g" [release]="-O2 -DNDEBUG")
log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }
command -v cc >/dev/null || die "no C compiler"
build_one() {
  local cfg=$1 out="$BUILD_DIR/$1" src obj
  mkdir -p "$out"
  local -a objs=()
  for src in "$ROOT"/src/*.c; do
    [[ -e $src ]] || continue
    obj="$out/$(basename "${src%.c}").o"
    if [[ ! -f $obj || $src -nt $obj ]]; then
      log "cc ${src#$ROOT/} (${cfg})"
      cc ${FLAGS[$cfg]} -c "$src" -o "$obj" || return
    fi
    objs+=("$obj")
  done
  (( ${#objs[@]} > 0 )) || { log "nothing to link"; return 0; }
  cc -o "$out/app" "${objs[@]}" -lm
}
for cfg in "${CONFIGS[@]}"; do
  build_one "$cfg" &
  while (( $(jobs -rp | wc -l) >= JOBS )); do wait -n; done
done
wait
tar -C "$BUILD_DIR" -czf "$ROOT/dist.tar.gz" "${CONFIGS[@]}" 2>/dev/null &&
  log "packaged $(du -h "$ROOT/dist.tar.gz" | cut -f1)"
