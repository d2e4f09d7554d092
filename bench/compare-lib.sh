# shellcheck shell=bash disable=SC2154
# Functions of bench/compare.sh (sourced by it; not run on its own; it sets work, tz, sock and
# ROUNDS). Samples go to $work/s/KEY, one "milliseconds peak-RSS-MB" line per run.

mkdir -p "$work/s"
n_mark=0

machine() {
  local cpu mem
  cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
  echo "taizhang beside Taskwarrior — bench/compare.sh, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $mem memory, Linux $(uname -r)"
  echo "taizhang $(git describe --always --dirty 2> /dev/null || echo '?') (release build), Taskwarrior $(task --version)"
  echo "medians of $ROUNDS paired rounds; whole-process wall time and peak RSS; page cache warm"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (anything else running shows in the figures)"
}

# The files the measured runs may read besides the program and taizhang's cache: set by
# compare_scale (the plan and its ledger directory; at the extreme scale, Taskwarrior's data).
PAGES=()

# warm_pages: reads every file a run may read, so that it starts with them in the page cache.
# Some virtual machines give cached pages back to the host within a minute of their last use
# (seen here: 1.6 GB of page cache drained to 80 MB in two idle minutes), so "one run before"
# is not enough; without this a cold run of the city read its 30 files from disk, 50 ms
# instead of 16.
warm_pages() {
  find "$tz" "${PAGES[@]}" "$XDG_CACHE_HOME" -type f -exec cat {} + > /dev/null 2>&1 || true
}

# run KEY COMMAND...: one run, its time and peak RSS appended to $work/s/KEY.
run() {
  local key=$1 t0 t1 rss
  shift
  warm_pages
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2> "$work/err.txt"; then
    echo "failed: $*" >&2
    cat "$work/err.txt" "$work/time.txt" >&2
    exit 1
  fi
  t1=$EPOCHREALTIME
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  awk -v a="$t0" -v b="$t1" -v r="$rss" 'BEGIN { printf "%.2f %.1f\n", (b - a) * 1000, r / 1024 }' >> "$work/s/$key"
}

# cold: no cache — a new, empty cache directory (the ones before are removed at the end, not
# here: deleting an extreme cache's 500 files before each cold run left ext4 slow to allocate
# the next run's new files, `__ext4_new_inode` → `recently_deleted` in a profile), and
# everything written so far flushed to disk first (a cold run writes its cache anew; without the
# sync it would wait behind the writeback of earlier runs' output).
n_cold=0
cold() {
  n_cold=$((n_cold + 1))
  export XDG_CACHE_HOME="$work/cache/$n_cold"
  sync
}

# The last sample of KEY: field 1 time, 2 RSS.
last() { tail -1 "$work/s/$1" | cut -d' ' -f"$2"; }

# ratio A B: appends last(B)/last(A) (how many times faster A was) to $work/s/A.vs.
ratio() { awk -v a="$(last "$1" 1)" -v b="$(last "$2" 1)" 'BEGIN { printf "%.3f 0\n", b / a }' >> "$work/s/$1.vs"; }

# median KEY FIELD
median() {
  [ -s "$work/s/$1" ] || { echo "-"; return; }
  cut -d' ' -f"$2" "$work/s/$1" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The unit with the largest ledger file, and one of its tasks.
busiest() {
  basename "$(find "$1" -name '*.toml' -printf '%s %p\n' | sort -rn | head -1 | cut -d' ' -f2)" .toml
}
first_task() { # plan unit
  "$tz" tasks "$1" --unit "$2" --format json | python3 -c 'import json, sys; print(json.load(sys.stdin)["tasks"][0]["id"])'
}

taskwarrior_load() { # plan
  local plan=$1 t0 t1
  mkdir -p "$TASKDATA"
  printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\nnews.version=2.6.2\n' "$TASKDATA" > "$TASKRC"
  "$tz" report "$plan" --kind ledger -f json > "$work/ledger.json"
  python3 bench/taskwarrior-json.py "$work/ledger.json" "${plan%.toml}.progress" > "$work/tasks.json"
  t0=$EPOCHREALTIME
  task import "$work/tasks.json" > /dev/null
  t1=$EPOCHREALTIME
  task count > /dev/null
  local pending completed size
  pending=$(task status:pending count)
  completed=$(task status:completed count)
  size=$(du -sm "${plan%.toml}.progress" | cut -f1)
  echo "workload: taizhang gen --scale extreme --seed 1 (${size} MB of TOML); Taskwarrior: $((pending + completed)) tasks" \
    "($pending pending, $completed completed) with every record as an annotation, imported in" \
    "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f s", b - a }')"
}

# The README's large case: 10,000 tasks × 200 units (2 million assignments), 20,000 records.
large_case() {
  mkdir -p "$work/large"
  python3 scripts/large-plan.py 10000 200 > "$work/large/large.toml"
  python3 scripts/large-ledger.py "$work/large/large.progress" 20000
  PAGES=("$work/large")
  for _ in 1 2 3; do
    cold
    TAIZHANG_TODAY=2022-12-01 run large.summary_txt "$tz" report "$work/large/large.toml" -p 3 -f txt
  done
}

# The TUI in tmux, 120×40: from sending the command line to the first frame ("本单位任务").
tmux_start() {
  tmux -L "$sock" -f /dev/null new-session -d -s tz -x 120 -y 40 \
    "env -i HOME=$work PATH=$PATH TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 HISTFILE= PS1='$ ' bash --norc --noprofile"
  sleep 0.5
}

screen_has() { tmux -L "$sock" capture-pane -p -t tz | grep -q "$1"; }

tui_first_frame() { # key plan unit
  local key=$1 plan=$2 unit=$3 t0 t1 rss deadline
  tmux -L "$sock" send-keys -t tz "clear" Enter
  sleep 0.2
  warm_pages
  t0=$EPOCHREALTIME
  tmux -L "$sock" send-keys -t tz "XDG_CACHE_HOME=$XDG_CACHE_HOME /usr/bin/time -v -o $work/tui-time.txt $tz $plan --unit $unit" Enter
  deadline=$((SECONDS + 60))
  until screen_has 本单位任务; do
    [ $SECONDS -lt $deadline ] || { echo "the TUI did not show within 60 s" >&2; exit 1; }
  done
  t1=$EPOCHREALTIME
  tmux -L "$sock" send-keys -t tz q
  while screen_has 本单位任务 || [ ! -s "$work/tui-time.txt" ]; do sleep 0.05; done
  sleep 0.1
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/tui-time.txt")
  rm -f "$work/tui-time.txt"
  awk -v a="$t0" -v b="$t1" -v r="$rss" 'BEGIN { printf "%.2f %.1f\n", (b - a) * 1000, r / 1024 }' >> "$work/s/$key"
}

# Key to frame from the frame bench: the mean of 200 key presses, in milliseconds.
key_to_frame() { # key plan unit
  local line
  line=$("$tz" bench-frames "$2" --unit "$3" --frames 200)
  echo "$line" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^frames_ns=/) { split($i, kv, "="); printf "%.3f 0\n", kv[2] / 200 / 1e6 } }' >> "$work/s/$1"
}

# mark_cmd plan unit task: sets MARK to a `taizhang mark` that says something new each time.
mark_cmd() {
  n_mark=$((n_mark + 1))
  MARK=("$tz" mark "$1" --unit "$2" --task "$3" --status 推进中 --percent $((n_mark % 90 + 5)) --note "基准测试第${n_mark}次")
}

compare_scale() { # scale
  local s=$1 plan="$work/w/$1-2025.toml" unit task r
  unit=$(busiest "${plan%.toml}.progress")
  task=$(first_task "$plan" "$unit")
  local S=("$tz" report "$plan" --kind summary -f json)
  local L=("$tz" report "$plan" --kind ledger -f csv)
  PAGES=("$plan" "${plan%.toml}.progress")
  [ "$s" = extreme ] && PAGES+=("$TASKDATA")
  local X=("$tz" report "$plan" --kind summary -o "$work/summary.xlsx")
  # One unmeasured run of each: the page cache is warm for every measured one.
  "${S[@]}" > /dev/null; "${L[@]}" > /dev/null
  [ "$s" = extreme ] && { task summary > /dev/null; task export > /dev/null; }
  for ((r = 1; r <= ROUNDS; r++)); do
    round "$s" "$r" "${plan}" "$unit" "$task"
  done
  for ((r = 1; r <= ROUNDS; r++)); do
    run "$s.xlsx" "${X[@]}"
    cold
    tui_first_frame "$s.tui.cold" "$plan" "$unit"
    tui_first_frame "$s.tui.warm" "$plan" "$unit"
    key_to_frame "$s.keys" "$plan" "$unit"
  done
  report_scale "$s" "$unit"
}

# One round: cold, warm and (at extreme) Taskwarrior for each command; the order flips.
round() { # scale round plan unit task
  local s=$1 r=$2 plan=$3 unit=$4 task=$5
  local S=("$tz" report "$plan" --kind summary -f json)
  local L=("$tz" report "$plan" --kind ledger -f csv)
  local tw=0
  [ "$s" = extreme ] && tw=1
  if ((r % 2 == 0 && tw)); then
    run tw.summary task summary; run tw.export task export; run tw.annotate task 1 annotate "基准测试第${r}次"
  fi
  cold; run "$s.summary.cold" "${S[@]}"; run "$s.summary.warm" "${S[@]}"
  cold; run "$s.ledger.cold" "${L[@]}"; run "$s.ledger.warm" "${L[@]}"
  cold; mark_cmd "$plan" "$unit" "$task"; run "$s.mark.cold" "${MARK[@]}"
  mark_cmd "$plan" "$unit" "$task"; run "$s.mark.warm" "${MARK[@]}"
  if ((r % 2 == 1 && tw)); then
    run tw.summary task summary; run tw.export task export; run tw.annotate task 1 annotate "基准测试第${r}次"
  fi
  if ((tw)); then
    for k in summary.cold summary.warm; do ratio "$s.$k" tw.summary; done
    for k in ledger.cold ledger.warm; do ratio "$s.$k" tw.export; done
    for k in mark.cold mark.warm; do ratio "$s.$k" tw.annotate; done
  fi
}

fmt_ms() { awk -v v="$1" 'BEGIN { if (v == "-") print "-"; else if (v >= 1000) printf "%.2f s", v / 1000; else if (v >= 10) printf "%.0f ms", v; else printf "%.1f ms", v }'; }
fmt_mb() { awk -v v="$1" 'BEGIN { if (v == "-" || v == 0) print "-"; else printf "%.0f MB", v }'; }
# pad WIDTH TEXT: TEXT left-aligned in WIDTH characters (bash's printf would count bytes).
pad() { printf '%s%*s' "$2" $(($1 > ${#2} ? $1 - ${#2} : 0)) ''; }
# rpad WIDTH TEXT: right-aligned.
rpad() { printf '%*s%s' $(($1 > ${#2} ? $1 - ${#2} : 0)) '' "$2"; }

# tick VALUE OP LIMIT: "✓" or "✗" (OP is <= or >=).
tick() { awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print ok ? "✓" : "✗" }'; }

# row LABEL KEY TIME_BUDGET_MS RSS_BUDGET_MB [TW_KEY TW_LABEL RATIO_BUDGET]: one line of the table.
row() {
  local label=$1 key=$2 tb=$3 rb=$4 twk=${5:-} twl=${6:-} xb=${7:--}
  local t m budget=() tw="" twt twm x
  t=$(median "$key" 1)
  m=$(median "$key" 2)
  [ "$tb" = - ] || budget+=("≤$(fmt_ms "$tb") $(tick "$t" "<=" "$tb")")
  [ "$rb" = - ] || [ "$m" = 0 ] || budget+=("≤${rb} MB $(tick "$m" "<=" "$rb")")
  if [ -n "$twk" ]; then
    twt=$(median "$twk" 1)
    twm=$(median "$twk" 2)
    x=$(awk -v v="$(median "$key.vs" 1)" 'BEGIN { printf "%.2f×", v }')
    tw="$(pad 16 "$twl") $(printf '%8s %7s' "$(fmt_ms "$twt")" "$(fmt_mb "$twm")") $(rpad 8 "$x")"
    [ "$xb" = - ] || tw="$tw ≥${xb}× $(tick "${x%×}" ">=" "$xb")"
  fi
  printf '%s %9s %7s  %s %s\n' "$(pad 38 "$label")" "$(fmt_ms "$t")" "$(fmt_mb "$m")" "$(pad 24 "${budget[*]}")" "$tw"
}

report_scale() { # scale unit
  local s=$1 unit=$2 plan="$work/w/$1-2025.toml" size records counts t20 rss
  size=$(du -sm "${plan%.toml}.progress" | cut -f1)
  records=$(grep -c '^\[\[update\]\]' "${plan%.toml}.progress/$unit.toml")
  counts=$("$tz" --lang en check "$plan" | sed 's/.*: //; s/; .*//')
  echo
  echo "== $s: $counts; ${size} MB of TOML; mark and the TUI as unit $unit ($records records) =="
  printf '%-38s %9s %7s  %-24s %-16s %8s %7s %8s\n' "taizhang" "time" "RSS" "budget (issue 10)" "Taskwarrior" "time" "RSS" "speed-up"
  case $s in
    extreme) t20=-; rss=120 ;;
    city) t20=20; rss=- ;;
    *) t20=-; rss=- ;;
  esac
  local tb_cold=$t20 tb_warm=$t20 tb_mark=$t20 tb_tui=$t20 tb_key=-
  [ "$s" = extreme ] && { tb_cold=600; tb_warm=150; tb_mark=30; tb_tui=200; tb_key=5; }
  local tw=()
  [ "$s" = extreme ] && tw=(tw.summary "task summary")
  row "report --kind summary -f json, cold" "$s.summary.cold" "$tb_cold" "$rss" "${tw[@]}"
  [ "$s" = extreme ] && tw+=(3)
  row "report --kind summary -f json, warm" "$s.summary.warm" "$tb_warm" "$rss" "${tw[@]}"
  [ "$s" = extreme ] && tw=(tw.export "task export")
  row "report --kind ledger -f csv, cold" "$s.ledger.cold" "$t20" "$rss" "${tw[@]}"
  row "report --kind ledger -f csv, warm" "$s.ledger.warm" "$t20" "$rss" "${tw[@]}"
  [ "$s" = extreme ] && tw=(tw.annotate "task 1 annotate")
  row "mark, cold" "$s.mark.cold" "$tb_mark" "$rss" "${tw[@]}"
  row "mark, warm" "$s.mark.warm" "$tb_mark" "$rss" "${tw[@]}"
  row "report summary -o x.xlsx" "$s.xlsx" "$t20" "$rss"
  row "TUI start to first frame (tmux), cold" "$s.tui.cold" "$tb_tui" "$rss"
  row "TUI start to first frame (tmux), warm" "$s.tui.warm" "$tb_tui" "$rss"
  row "TUI key to frame (frame bench)" "$s.keys" "$tb_key" -
  if [ "$s" = extreme ]; then
    row "README case: summary txt (3 runs)" large.summary_txt 1500 300
    echo "(speed-up: Taskwarrior's time over taizhang's in the same round, the median of the rounds; above 1, taizhang is faster)"
    echo "(README case: 10,000 tasks × 200 units, 2,000,000 assignments, 20,000 records; scripts/large-*.py)"
  fi
}

# How cost grows: warm medians at each scale, and extreme over city.
growth() {
  echo
  echo "== from city to extreme (warm; medians) =="
  printf '%-38s %10s %10s %10s %12s\n' "" city province extreme "extreme/city"
  local k label c p e
  for k in summary.warm:"summary json" ledger.warm:"ledger csv" mark.warm:"mark" xlsx:"summary xlsx" \
    tui.warm:"TUI first frame (tmux)" keys:"TUI key to frame"; do
    label=${k#*:}
    k=${k%%:*}
    c=$(median "city.$k" 1); p=$(median "province.$k" 1); e=$(median "extreme.$k" 1)
    printf '%-38s %10s %10s %10s %11s×\n' "$label" "$(fmt_ms "$c")" "$(fmt_ms "$p")" "$(fmt_ms "$e")" \
      "$(awk -v a="$c" -v b="$e" 'BEGIN { printf "%.0f", b / a }')"
  done
  printf '%-38s %10s %10s %10s\n' "peak RSS, summary json" "$(fmt_mb "$(median city.summary.warm 2)")" \
    "$(fmt_mb "$(median province.summary.warm 2)")" "$(fmt_mb "$(median extreme.summary.warm 2)")"
}

# At the end: how busy the machine was meanwhile.
load_note() {
  echo
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
}
