#!/usr/bin/env bash
# experiment.sh [--quick] [--repeat R] [--scale K] [--chart FILE] [--compare-python]
#
# The experiment (experiment.toy) in Toy and, with --compare-python, in CPython as well, with
# both interpreters' columns side by side in one table and one chart. Toy has no subprocess
# module, so a Toy program cannot start python3; this script runs the same file under each
# interpreter in turn (never at the same time: they would compete for the two cores), each
# writing its cells to a results file, then asks Toy to merge the files.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
toy="$here/../toy"
script="$here/experiment.toy"

compare=0
chart="experiment.svg"
pass=()
while (($#)); do
  case "$1" in
    --compare-python) compare=1 ;;
    --chart) chart="$2"; shift ;;
    --quick) pass+=("$1") ;;
    --repeat|--scale) pass+=("$1" "$2"); shift ;;
    *) echo "experiment.sh: unknown argument $1" >&2
       echo "usage: experiment.sh [--quick] [--repeat R] [--scale K] [--chart FILE] [--compare-python]" >&2
       exit 2 ;;
  esac
  shift
done

work="$(mktemp -d "${TMPDIR:-/tmp}/toy_experiment.XXXXXX")"
trap 'rm -rf "$work"' EXIT

files=("$work/toy.tsv")
"$toy" "$script" "${pass[@]}" --results "$work/toy.tsv"
if ((compare)); then
  python3 "$script" "${pass[@]}" --results "$work/cpython.tsv"
  files+=("$work/cpython.tsv")
fi
"$toy" "$script" --merge "${files[@]}" --chart "$chart"
