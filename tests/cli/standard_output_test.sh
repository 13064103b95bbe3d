#!/bin/sh
# allot's standard output checked from outside, as a shell runs it: a result
# that cannot be written (to /dev/full, to a closed stdout) is an error with
# the system's reason and exit status 1, never a silent success.
#
#   tests/cli/standard_output_test.sh ALLOT SOURCE_DIR    (run by CTest)
set -u
allot=$1
cd "$2" || exit 1
failures=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT

# expect STATUS MESSAGE -- COMMAND...: the command (its stdout redirected by
# the caller) exits with STATUS and prints exactly MESSAGE on stderr.
expect() {
  status=$1 message=$2
  shift 3
  "$@" 2>"$err"
  got=$?
  if [ "$got" != "$status" ] || [ "$(cat "$err")" != "$message" ]; then
    echo "FAIL: $* -> exit $got, stderr: $(cat "$err") (expected $status, $message)"
    failures=$((failures + 1))
  fi
}

full="writing standard output: No space left on device"
closed="writing standard output: Bad file descriptor"
expect 0 "" -- "$allot" compare --format json >/dev/null
expect 1 "allot compare: error: $full" -- "$allot" compare --format json >/dev/full
expect 1 "allot compare: error: $closed" -- "$allot" compare --format json >&-
expect 1 "allot check: error: $full" -- "$allot" check >/dev/full
expect 1 "allot sensitivity: error: $closed" -- "$allot" sensitivity --samples 100 >&-
expect 1 "allot compare: error: $full" -- "$allot" compare --help >/dev/full
expect 1 "allot: error: $full" -- "$allot" --help >/dev/full
expect 1 "allot: error: $closed" -- "$allot" --version >&-
# With --output the result goes to the file, whole: standard output is not used.
expect 0 "" -- "$allot" compare --format json --output "$err.json" >&-
rm -f "$err.json"

[ "$failures" = 0 ] && echo "standard output: every failure reported" || exit 1
