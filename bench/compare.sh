#!/usr/bin/env bash
# taizhang beside Taskwarrior on the workloads of issue 10, with the issue's budgets.
#
#   bench/compare.sh            # ROUNDS=5 paired rounds; a few minutes on 2 cores
#   ROUNDS=9 bench/compare.sh   # more rounds, steadier medians
#
# Generates the city, province and extreme workloads with `taizhang gen` (seed 1), loads the
# extreme one into Taskwarrior (one task per assignment, every ledger record an annotation, in a
# temporary TASKDATA, confirmations off), and times whole processes: wall time (bash's
# EPOCHREALTIME around the run) and peak RSS (GNU time's -v "Maximum resident set size"). The
# two programs alternate within each round (the order flips every round) and a ratio is taken
# per round; the table shows medians. taizhang runs cold (XDG_CACHE_HOME pointed at a new, empty
# directory of the script's own, so there is no cache) and warm (the run
# before filled it). The page cache is warm for both: one unmeasured run of each command first,
# and every file a run may read is read again just before it (`warm_pages`: some VMs give cached
# pages back within a minute).
# The TUI's start to first frame is timed in tmux (120×40) until "本单位任务" shows; key to frame
# comes from the frame bench (`taizhang bench-frames`, src/tui/bench.rs: mean of 200 key presses
# drawn on a TestBackend, terminal output not included). The README-scale case (10,000 tasks ×
# 200 units, 20,000 records, scripts/large-*.py) runs 3 times, unpaired.
#
# Installs what it needs (taskwarrior, tmux, time, python3) with apt-get, as root or with sudo.
# Not run by CI. Everything it writes is under one temporary directory, removed at the end
# (KEEP=1 keeps it and prints where).
set -euo pipefail
export LC_ALL=C.UTF-8
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
work=$(mktemp -d "${TMPDIR:-/tmp}/taizhang-compare.XXXXXX")
sock="taizhang-compare-$$"
cleanup() {
  tmux -L "$sock" kill-server 2> /dev/null || true
  sleep 0.2
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

need() { # program package
  command -v "$1" > /dev/null 2>&1 && return
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "installing $2 …" >&2
  $sudo apt-get update -qq > /dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" > /dev/null
}
need task taskwarrior
need tmux tmux
need /usr/bin/time time
need python3 python3
cargo build --release -q
tz="$PWD/target/release/taizhang"

export XDG_CACHE_HOME="$work/cache/0"
export TASKRC="$work/taskrc" TASKDATA="$work/taskdata"
unset TAIZHANG_DATA TAIZHANG_TODAY TAIZHANG_NO_CACHE
. bench/compare-lib.sh

machine
for scale in city province extreme; do
  "$tz" gen --scale "$scale" --out "$work/w" > /dev/null
done
taskwarrior_load "$work/w/extreme-2025.toml"
large_case
tmux_start

compare_scale extreme
compare_scale province
compare_scale city
growth
load_note
