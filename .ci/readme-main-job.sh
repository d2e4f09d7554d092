#!/usr/bin/env bash
# The README's main job, done the way a person does it: in a real terminal (tmux), run the
# README's first command (the TUI on a seed plan), save one progress record, quit. Fails if the
# screen never shows the list, the save is not confirmed, the program does not exit 0, or the
# record is not in the ledger beside the plan.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8

# The command is read from the README, so the README cannot drift from what CI runs.
cmd=$(grep -m1 '^cargo run --release -- plans/' README.md)
plan=$(echo "$cmd" | grep -o 'plans/[a-z0-9-]*\.toml')
ledger="${plan%.toml}.progress"
note="CI：README 主要任务冒烟测试 $(date +%s)"
echo "README main job: $cmd"

sock="taizhang-ci-$$"
tm() { tmux -u -f /dev/null -L "$sock" "$@"; }
children() { # pids whose parent is $1, read from /proc (the comm field may hold spaces)
  local stat
  for stat in /proc/[0-9]*/stat; do
    [ "$(sed 's/.*) //' "$stat" 2>/dev/null | cut -d' ' -f2)" = "$1" ] && basename "$(dirname "$stat")"
  done
  return 0
}
descendants() {
  local p
  for p in $(children "$1"); do
    echo "$p"
    descendants "$p"
  done
}
cleanup() {
  local pane
  pane=$(tm display-message -p -t ci '#{pane_pid}' 2>/dev/null || true)
  if [ -n "$pane" ]; then
    # The TUI (under cargo, under the pane's shell) is ended by pid, never left behind.
    for p in $(descendants "$pane"); do kill -KILL "$p" 2>/dev/null || true; done
  fi
  tm kill-server 2>/dev/null || true
}
trap cleanup EXIT

screen() { tm capture-pane -p -t ci; }
wait_for() { # text, seconds
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt "$end" ]; do
    if screen | grep -qF -- "$1"; then return 0; fi
    sleep 0.2
  done
  echo "timed out after $2 s waiting for: $1" >&2
  screen >&2
  return 1
}

tm new-session -d -s ci -x 100 -y 30 sh
tm send-keys -t ci -l "$cmd; echo TZ_\"\"DONE=\$?"
tm send-keys -t ci Enter
# The first run builds the release binary.
wait_for "本单位任务" 1500
tm send-keys -t ci Enter
wait_for "填报进展" 20
tm send-keys -t ci -l "$note"
wait_for "冒烟测试" 20
tm send-keys -t ci C-s
# An assignment never reported has no status until the operator chooses one (→ takes the first).
if wait_for "请先选择状态" 5 2>/dev/null; then
  tm send-keys -t ci Right
  wait_for "●未启动" 10
  tm send-keys -t ci C-s
fi
wait_for "已保存：任务" 20
tm send-keys -t ci q
wait_for "TZ_DONE=" 20
if ! screen | grep -qF "TZ_DONE=0"; then
  echo "the TUI did not exit 0" >&2
  screen >&2
  exit 1
fi
if ! grep -rqF "$note" "$ledger"; then
  echo "the record is not in $ledger" >&2
  exit 1
fi
echo "README main job: one record saved in $ledger"
