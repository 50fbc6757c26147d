# shellcheck shell=bash
# What tools/obole prints: one "obole:" line per step, warnings, fatal errors and
# step timings. Warnings and errors go to stderr so they stay visible when stdout
# is piped or logged.

say() { printf 'obole: %s\n' "$*"; }
warn() { printf 'obole: WARNING: %s\n' "$*" >&2; }
die() { printf 'obole: ERROR: %s\n' "$*" >&2; exit 1; }

# Microseconds since the epoch, from bash 5's $EPOCHREALTIME (no date(1) fork).
now_us() { local t=${EPOCHREALTIME/[.,]/}; printf '%s' "$((10#$t))"; }

# Seconds elapsed since a now_us value, with one decimal: "12.3".
elapsed_since() {
  local us=$(( $(now_us) - $1 ))
  printf '%d.%d' $((us / 1000000)) $((us % 1000000 / 100000))
}

# timed LABEL COMMAND... — runs COMMAND and reports how long it took. On failure
# `set -e` stops the script right there, so only successful steps are timed.
timed() {
  local label=$1 t0
  shift
  t0=$(now_us)
  say "$label ..."
  "$@"
  say "$label: done in $(elapsed_since "$t0") s"
}

# show_log_tail FILE — the end of a step's log, shown when that step failed.
show_log_tail() {
  printf 'obole: last lines of %s:\n' "$1" >&2
  tail -n 30 "$1" | sed 's/^/    /' >&2
}
