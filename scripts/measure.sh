#!/usr/bin/env bash
# The README's performance table: each command 3 times on generated plans and ledgers, printing
# every run's seconds and peak memory (GNU time); read the middle of three as the median.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=./target/release/taizhang
tmp="${TMPDIR:-/tmp}/taizhang-measure"
rm -rf "$tmp" && mkdir -p "$tmp"
python3 scripts/large-plan.py 10000 200 > "$tmp/large.toml"
python3 scripts/large-ledger.py "$tmp/large.progress" 20000
python3 scripts/large-plan.py 2000 60 > "$tmp/mid.toml"
python3 scripts/large-ledger.py "$tmp/mid.progress" 20000 60
export TAIZHANG_TODAY=2022-12-01
run() { # label, command...
  local label="$1"; shift
  for _ in 1 2 3; do
    /usr/bin/time -f "%e s %M KB" "$@" > /dev/null 2>> "$tmp/time.log" || true
    printf '%-44s %s\n' "$label" "$(tail -1 "$tmp/time.log")"
  done
}
run "check plans/*.toml" $bin check plans/ningxiang-2022.toml plans/xianning-2022.toml plans/zhongfang-2022.toml plans/nanjing-2022.toml plans/zhongwei-2022.toml
run "check large" $bin check "$tmp/large.toml"
run "tasks --unit large" $bin tasks "$tmp/large.toml" --unit 测试单位5
run "tasks large (20,000 records)" $bin tasks "$tmp/large.toml"
run "report --unit html large" $bin report "$tmp/large.toml" --unit 测试单位5 -p 3 -f html
for f in txt html json; do run "report summary $f large" $bin report "$tmp/large.toml" -p 3 -f "$f"; done
for f in txt html json; do run "report summary $f mid" $bin report "$tmp/mid.toml" -p 3 -f "$f"; done
run "report summary xlsx mid" $bin report "$tmp/mid.toml" -p 3 -o "$tmp/r.xlsx"
for i in 1 2 3; do
  /usr/bin/time -f "%e s %M KB" $bin mark "$tmp/large.toml" -u 测试单位5 -t 6 -s 推进中 --note "计时 $i" > /dev/null 2>> "$tmp/time.log"
  printf '%-44s %s\n' "mark large" "$(tail -1 "$tmp/time.log")"
done
