#!/bin/bash
readonly SRC=${SRC:-/home} DEST=${DEST:-/backup}
readonly STAMP=$(date +%Y%m%d-%H%M%S)
KEEP=7
exec 9>"/var/lock/backup.lock"
flock -n 9 || { echo "already running" >&2; exit 1; }
trap 'rc=$?; echo "exit $rc"; rm -f "$DEST/.partial-$STAMP"' EXIT
rotate() {
  local -a old
  mapfile -t old < <(ls -1dt "$DEST"/backup-* 2>/dev/null | tail -n +$((KEEP + 1)))
  (( ${#old[@]} )) && rm -rf -- "${old[@]}"
}
snapshot() {
  local target="$DEST/backup-$STAMP"
  local link_dest=
  local latest=$(ls -1dt "$DEST"/backup-* 2>/dev/null | head -1)
  [[ -n $latest ]] && link_dest="--link-dest=$latest"
  rsync -a --delete ${link_dest:+"$link_dest"} \
    --exclude='*.tmp' --exclude='.cache/' \
    "$SRC/" "$target/" \
    > >(tee -a "$DEST/backup.log") \
    2> >(tee -a "$DEST/backup.err" >&2)
}
if snapshot; then
  rotate
  echo "backup ok: $(du -sh "$DEST/backup-$STAMP" | cut -f1)"
else
  echo "backup FAILED (rc=$?)" >&2
  exit 1
fi
