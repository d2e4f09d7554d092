#!/usr/bin/env bash
# Reliability trials at full size (CI runs the same tests at 1/17 of it). Prints each trial's
# figures; exits non-zero if any record is lost, any file stops parsing, or anything panics.
#
#   scripts/torture.sh            # 3,400 kill -9 trials, 2 × 8 × 850 concurrent saves, 30,000 fuzzed
#                                 # inputs, the hostile-file tests, and the TUI in tmux
#   SCALE=2 CASES=500 scripts/torture.sh    # smaller
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${SCALE:-17}"
cases="${CASES:-5000}"

echo "== kill -9 during saves, and concurrent writers (TAIZHANG_TORTURE=$scale)"
TAIZHANG_TORTURE="$scale" cargo test --release -q --test ledger_robust -- --nocapture --test-threads=1 2>&1 \
  | grep -oE '(kill -9|concurrent): .*|test result.*|panicked.*'

echo "== fuzzed inputs (PROPTEST_CASES=$cases per property)"
PROPTEST_CASES="$cases" cargo test --release -q --test fuzz_inputs --test ledger_prop 2>&1 \
  | grep -oE 'test result.*|panicked.*|minimal.*'

echo "== hostile files and text"
cargo test --release -q --test cli_hostile --test cli_files --test cli_trust --test ledger_files 2>&1 \
  | grep -oE 'test result.*|panicked.*'

echo "== the terminal going away, and 6,000 characters typed at once (tmux)"
cargo test --release -q --test tui_tmux_exit --test tui_tmux_input -- --nocapture 2>&1 \
  | grep -oE 'ended .*|[0-9,]+ characters taken in .*|test result.*|panicked.*'
