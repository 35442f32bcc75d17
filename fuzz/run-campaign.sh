#!/usr/bin/env bash
# A bounded fuzzing campaign: each target in turn (the machine is small and shared), then the
# figures. Usage: fuzz/run-campaign.sh [FRONT_END_SECONDS [PROGRAM_SECONDS [DIFFERENTIAL_SECONDS]]]
#
#   front-end     Jazzer, FrontEndFuzzTest#parseAndCompile: bytes -> parse + compile
#   program       Jazzer, ProgramFuzzTest#runGeneratedProgram: generated programs -> the VM
#   differential  org.toy.fuzz.Differential: generated programs, Toy against python3
#   codec         Jazzer, CodecFuzzTest#decode: bytes -> the IPC codec's decoder
#
# Jazzer writes each finding as crash-* beside the test's inputs in src/test/resources/org/toy/fuzz/,
# where plain `mvn verify` replays it from then on: commit it with the fix. The corpus grows in
# .cifuzz-corpus/ (git-ignored). Differential mismatches go to target/fuzz/differential/.
set -uo pipefail
cd "$(dirname "$0")/.."
front=${1:-600}
program=${2:-900}
diff=${3:-600}
codec=${4:-600}
log=target/fuzz
mkdir -p "$log"
resources=src/test/resources/org/toy/fuzz

mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz.cp >"$log/build.log" 2>&1 \
  || { cat "$log/build.log"; exit 1; }

# Runs one Jazzer target for $2 seconds in fuzzing mode; prints its figures.
jazzer() {
  local test=$1 seconds=$2 class=${1%%#*} method=${1##*#}
  local inputs="$resources/${class}Inputs/$method"
  local before after start end rc
  before=$(ls "$inputs" 2>/dev/null | grep -c '^crash-\|^timeout-\|^oom-' || true)
  start=$(date +%s)
  # fuzz.quiet=false: libFuzzer's own lines ("Done N runs") reach the log; keep_going: go on after
  # a finding, up to 20 distinct ones.
  JAZZER_FUZZ=1 mvn -B -o test -Dfuzz.only=true -Dfuzz.quiet=false -Dtest="$test" \
      -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="${seconds}s" -Djazzer.keep_going=20 \
      >"$log/$method.log" 2>&1
  rc=$?
  end=$(date +%s)
  after=$(ls "$inputs" 2>/dev/null | grep -c '^crash-\|^timeout-\|^oom-' || true)
  local runs
  runs=$(grep -o 'Done [0-9]* runs' "$log/$method.log" | tail -1 | grep -o '[0-9]*')
  if [[ -z "$runs" ]]; then # stopped by a finding: libFuzzer's last status line
    runs=$(grep -o '^#[0-9]*' "$log/$method.log" | tail -1 | tr -d '#')
  fi
  printf '%-36s %10s executions %6ss  findings: %d new  (maven exit %d; log %s)\n' \
      "$test" "${runs:-?}" "$((end - start))" "$((after - before))" "$rc" "$log/$method.log"
}

echo "fuzz campaign: front end ${front}s, program ${program}s, differential ${diff}s, codec ${codec}s"
[[ $front -gt 0 ]] && jazzer "FrontEndFuzzTest#parseAndCompile" "$front"
[[ $program -gt 0 ]] && jazzer "ProgramFuzzTest#runGeneratedProgram" "$program"
[[ $codec -gt 0 ]] && jazzer "CodecFuzzTest#decode" "$codec"
if [[ $diff -gt 0 ]]; then
  start=$(date +%s)
  rm -rf "$log/differential"
  java -Xss8m -Xmx2g -cp "target/classes:target/test-classes:$(cat target/fuzz.cp)" org.toy.fuzz.Differential \
      "${DIFF_SEED:-$(date +%s)000}" "$diff" "$log/differential" >"$log/differential.log" 2>&1
  end=$(date +%s)
  printf '%-36s %s (%ss; log %s)\n' "differential (Toy vs python3)" \
      "$(grep '^differential:' "$log/differential.log" | sed 's/^differential: //')" "$((end - start))" "$log/differential.log"
fi
