#!/bin/bash
# Intake over HTTP against the built distribution, as BENCHMARKS.md measures it: a fresh unpack, `bin/start`, wrk
# (Debian package wrk) posting synthetic reports (benchmarks/wrk/intake.lua) with 2 threads and 8 connections for a
# warm-up, then 30 s measured; prints the rate and the Karaf JVM's CPU time per report answered (from /proc, so it
# includes the outbox delivery and the audit chain working in the background), then the time of a statistics read.
#
#   benchmarks/scripts/intake-wrk.sh [warm-up seconds, default 180] [extra JVM options...]
#
# The warm-up matters: on a slow two-core machine the server compiler was still compiling after 60 s (rates of
# 145-320 reports/s after 60 s, 504 after 180 s in the same hour).
set -euo pipefail
warmup=${1:-180}; shift || true
export EXTRA_JAVA_OPTS="$*"
source "$(dirname "$0")/distribution.sh"
start_until_up
pid=$(cat karaf.pid); tck=$(getconf CLK_TCK)
wrk -t2 -c8 -d"${warmup}s" -s "$root/benchmarks/wrk/intake.lua" http://localhost:8181 > /dev/null
cpu0=$(awk '{print $14+$15}' /proc/"$pid"/stat)
wrk -t2 -c8 -d30s --latency -s "$root/benchmarks/wrk/intake.lua" http://localhost:8181 > wrk.txt
cpu1=$(awk '{print $14+$15}' /proc/"$pid"/stat)
n=$(awk '/requests in/ {print $1}' wrk.txt)
grep -E "Requests/sec|Latency  |99%|Non-2xx" wrk.txt
printf 'Karaf CPU per report: %.2f ms\n' "$(echo "($cpu1 - $cpu0) * 1000 / $tck / $n" | bc -l)"
for i in 1 2 3 4 5; do
  t=$(curl -s -o /dev/null -w '%{http_code}, %{time_total} s' -u admin:admin "http://localhost:8181/api/regions/kaohsiung/statistics/intake-volume?year=2026")
done
echo "intake-volume read (the fifth): HTTP ${t}"
stop_and_wait "$pid"
rm -rf "$home"
