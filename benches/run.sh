#!/usr/bin/env bash
# Whole-process benchmark of claimgraph (issue 7: throughput and scale).
#
# Builds the release binary and the corpus generator (examples/gencorpus.rs), generates one
# synthetic corpus per size, and times, with /usr/bin/time (wall and CPU seconds, peak RSS):
#   claimgraph [--threads T] json CORPUS -o OUT.json --force
#   claimgraph [--threads T] compare CORPUS > /dev/null
#   rg -j T -c -F -f triggers.txt CORPUS > /dev/null    (best of 3; the baseline)
#   dd if=OUT.json of=COPY bs=4M conv=fsync             (best of 3; the floor under json:
#                                                        its output written and synced)
# where triggers.txt is `claimgraph lexicon triggers`: every literal the lexicon matcher
# compiles, so rg does the one multi-literal scan over the same bytes, and "x rg" says how
# much more than one such scan claimgraph costs. (Triggers are normalised text, so rg finds
# fewer matches than the matcher does; its scanning work is the same.)
#
# Usage: benches/run.sh [ARTICLES...]          default: 10000 100000
# Environment:
#   BENCH_SIZES    sizes, if no arguments are given ("10000 100000")
#   BENCH_THREADS  thread counts to try ("1 2"); without a --threads flag, one run each
#   BENCH_DIR      where corpora and outputs go (/tmp/claimgraph-bench); a corpus whose
#                  STATS match the size and seed is reused
#   BENCH_SEED     generator seed (1)
#   BENCH_TIMEOUT  seconds allowed per claimgraph command (1800); a run that takes longer
#                  is reported as a timeout, and larger sizes of that row are skipped
#
# Sentences are those the generator wrote (DIR/STATS), which is what `claimgraph segment`
# finds in the corpus. MB is 10^6 bytes of article files. Paste the table into README,
# "Performance", with the machine line above it.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("$@")
if [ ${#sizes[@]} -eq 0 ]; then
    read -r -a sizes <<< "${BENCH_SIZES:-10000 100000}"
fi
read -r -a threads <<< "${BENCH_THREADS:-1 2}"
work=${BENCH_DIR:-/tmp/claimgraph-bench}
seed=${BENCH_SEED:-1}
limit=${BENCH_TIMEOUT:-1800}
bin=target/release/claimgraph
gen=target/release/examples/gencorpus

die() { echo "run.sh: $*" >&2; exit 2; }
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install -y time)"
command -v timeout > /dev/null || die "timeout (coreutils) is missing"
if ! command -v rg > /dev/null; then
    echo "run.sh: installing ripgrep for the baseline" >&2
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    { $sudo apt-get update && $sudo apt-get install -y ripgrep; } > /dev/null 2>&1 || true
fi
have_rg=1
command -v rg > /dev/null || { have_rg=0; echo "run.sh: rg could not be installed: no baseline" >&2; }

# Two runs at once share the cores (and, with one BENCH_DIR, corpora and outputs), and both
# measure nonsense: one run at a time on the machine, whatever its BENCH_DIR.
lock=${TMPDIR:-/tmp}/claimgraph-run-sh.lock
if command -v flock > /dev/null; then
    exec 9> "$lock"
    flock -n 9 || die "another benches/run.sh is running (lock $lock); wait for it to finish"
fi
# Other work on the machine skews every figure; the load is printed with the table.
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)

echo "== building (cargo build --release --bin claimgraph --example gencorpus)" >&2
cargo build --release --quiet --bin claimgraph --example gencorpus
mkdir -p "$work"

# The --threads flag is global; without it every command runs once, with the default.
if "$bin" --threads 1 lexicon triggers > /dev/null 2>&1; then
    thread_flag=1
else
    thread_flag=0
    echo "run.sh: this claimgraph rejects --threads; each command runs once without it" >&2
    threads=(default)
fi
"$bin" lexicon triggers > "$work/triggers.txt"

# time_run LOG CMD...: runs CMD under /usr/bin/time and the timeout, stdout to /dev/null
# and stderr to LOG; sets `wall`, `cpu` (user + system seconds), `rss_kb`
# and `status` (0 ok, 124 timeout, else the command's exit code; claimgraph's 1, "some
# input skipped", counts as done).
time_run() {
    local log=$1
    shift
    local tfile="$work/time.$$"
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$tfile" timeout "$limit" "$@" > /dev/null 2> "$log"
    status=$?
    set -e
    read -r wall rss_kb user sys < <(tail -n 1 "$tfile")
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    rm -f "$tfile"
    [ "$status" -eq 1 ] && status=0
    return 0
}

# phases LOG: the seconds of each phase CLAIMGRAPH_TIMINGS wrote to LOG, as table cells
# (lexicon, index, analyse, assemble, matrix, write, sync; matrix is only for `compare`,
# sync only for `-o FILE`).
phases() {
    awk '/^claimgraph: timing: / { s[$3] = $4 }
        END { printf "%s | %s | %s | %s | %s | %s | %s", s["lexicon"], s["index"], s["analyse"], s["assemble"], s["matrix"], s["write"], s["sync"] }' "$1"
}

# best_of_3 LOG CMD...: the fastest of three runs (for rg, whose runs are short).
best_of_3() {
    local best="" best_rss="" best_cpu=""
    for _ in 1 2 3; do
        time_run "$@"
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
            best_rss=$rss_kb
            best_cpu=$cpu
        fi
    done
    wall=$best
    rss_kb=$best_rss
    cpu=$best_cpu
}

# settle CORPUS (untimed): the last run's output removed and written out to disk, then the
# corpus read once more, so every timed command starts as rg's best run does: corpus in the
# page cache, no writeback of an earlier run going on. Without it, a 100k json run left
# 2.4 GB of dirty output behind, and the next run read a corpus the cache had let go of:
# its index pass took 10.8 s instead of 1.7 s.
settle() {
    rm -f "$work"/run-*.json
    sync
    find "$1" -type f -exec cat {} + > /dev/null
}

fmt() { awk -v x="$1" -v d="${2:-1}" 'BEGIN { printf "%.*f", d, x }'; }
div() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%.*f", d, a / b; else printf "-" }'; }
stat_of() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

rows=()
phase_rows=()
# Each claimgraph run writes its phases to its log (stderr).
export CLAIMGRAPH_TIMINGS=1
declare -A took timed_out
for n in "${sizes[@]}"; do
    corpus="$work/corpus-$n"
    if [ -f "$corpus/STATS" ] && [ "$(stat_of articles "$corpus/STATS")" = "$n" ] \
        && [ "$(stat_of seed "$corpus/STATS")" = "$seed" ]; then
        echo "== corpus $corpus: reused" >&2
    else
        rm -rf "$corpus"
        echo "== corpus $corpus: generating" >&2
        "$gen" --articles "$n" --seed "$seed" --out "$corpus"
    fi
    bytes=$(stat_of bytes "$corpus/STATS")
    sentences=$(stat_of sentences "$corpus/STATS")
    mb=$(div "$bytes" 1000000)
    # Untimed: warms the page cache, so that no command pays for the first read.
    settle "$corpus"

    for t in "${threads[@]}"; do
        cores=1
        flag=()
        if [ "$thread_flag" -eq 1 ]; then
            cores=$t
            flag=(--threads "$t")
        fi
        rg_wall=""
        if [ $have_rg -eq 1 ]; then
            best_of_3 "$work/rg.log" rg -j "$cores" -c -F -f "$work/triggers.txt" "$corpus"
            rg_wall=$wall
            rows+=("| $n | $mb | rg -F (lexicon triggers) | $t | $(fmt "$wall" 2) | $(fmt "$cpu" 2) | $(div "$n" "$wall" 0) | $(div "$sentences" "$(awk -v w="$wall" -v c="$cores" 'BEGIN { print w * c }')" 0) | $(div "$mb" "$wall" 1) | $(div "$rss_kb" 1024 0) | 1 |")
        fi
        for cmd in json compare; do
            key="$cmd/$t"
            if [ -n "${timed_out[$key]:-}" ]; then
                rows+=("| $n | $mb | $cmd | $t | skipped (timed out at ${timed_out[$key]}) | | | | | | |")
                continue
            fi
            echo "== $n articles: claimgraph ${flag[*]:+${flag[*]} }$cmd" >&2
            settle "$corpus"
            if [ "$cmd" = json ]; then
                time_run "$work/$cmd-$n-$t.log" "$bin" "${flag[@]}" json "$corpus" -o "$work/run-$n.json" --force
            else
                time_run "$work/$cmd-$n-$t.log" "$bin" "${flag[@]}" compare "$corpus"
            fi
            if [ "$status" -eq 124 ]; then
                timed_out[$key]=$n
                rows+=("| $n | $mb | $cmd | $t | > $limit (timeout) | | | | | | |")
                continue
            elif [ "$status" -ne 0 ]; then
                rows+=("| $n | $mb | $cmd | $t | failed (exit $status, see $work/$cmd-$n-$t.log) | | | | | | |")
                continue
            fi
            took[$key/$n]=$wall
            phase_rows+=("| $n | $cmd | $t | $(phases "$work/$cmd-$n-$t.log") |")
            per_core=$(div "$sentences" "$(awk -v w="$wall" -v c="$cores" 'BEGIN { print w * c }')" 0)
            rows+=("| $n | $mb | $cmd | $t | $(fmt "$wall" 1) | $(fmt "$cpu" 1) | $(div "$n" "$wall" 0) | $per_core | $(div "$mb" "$wall" 2) | $(div "$rss_kb" 1024 0) | $(div "$wall" "$rg_wall" 0) |")
            if [ "$cmd" = json ]; then
                # The floor under any json run: only copying its output (from the page
                # cache) and syncing the copy, as every run must write and sync it.
                out_mb=$(div "$(stat -c %s "$work/run-$n.json")" 1000000 0)
                best_of_3 "$work/floor.log" dd if="$work/run-$n.json" of="$work/floor.json" bs=4M conv=fsync status=none
                rm -f "$work/floor.json"
                rows+=("| $n | $mb | floor: its $out_mb MB of JSON copied and synced (dd) | 1 | $(fmt "$wall" 2) | $(fmt "$cpu" 2) | | | | | $(div "$wall" "$rg_wall" 1) |")
            fi
        done
    done
done

echo
echo "claimgraph $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); corpora: gencorpus --seed $seed"
echo "load average before: $load_before; after: $(cut -d ' ' -f 1-3 /proc/loadavg) (the benchmark itself adds about one per busy thread; more means something else ran)"
if [ "$thread_flag" -eq 0 ]; then
    echo "(this claimgraph has no --threads flag: \"default\" is its one configuration)"
fi
echo
echo "| articles | MB | command | threads | wall s | cpu s | articles/s | sentences/s per core | MB/s | peak RSS MiB | x rg |"
echo "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
if [ ${#phase_rows[@]} -gt 0 ]; then
    echo
    echo "Wall seconds per phase (CLAIMGRAPH_TIMINGS; analyse runs on every thread, assemble is the linking after it, its joins on every thread; json's write serialises on every thread):"
    echo
    echo "| articles | command | threads | lexicon | index | analyse | assemble | matrix | write | sync |"
    echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${phase_rows[@]}"
fi

if [ ${#sizes[@]} -gt 1 ]; then
    echo
    for cmd in json compare; do
        for t in "${threads[@]}"; do
            for ((i = 1; i < ${#sizes[@]}; i++)); do
                a=${sizes[$((i - 1))]}
                b=${sizes[$i]}
                ta=${took[$cmd/$t/$a]:-}
                tb=${took[$cmd/$t/$b]:-}
                if [ -n "$ta" ] && [ -n "$tb" ]; then
                    echo "growth, $cmd, threads $t: $a -> $b articles (x$(div "$b" "$a" 1)): time x$(div "$tb" "$ta" 1)"
                else
                    echo "growth, $cmd, threads $t: $a -> $b articles: not measured (a run timed out or failed)"
                fi
            done
        done
    done
fi
