#!/bin/bash
# Start time of the built distribution: unpacks it fresh, then measures `bin/start` until /api/health answers UP,
# for a first start (empty database: migrations, region data) and for restarts; beside each, the Karaf JVM's CPU
# time by thread (from /proc), which shows what the two cores spent the start on.
#
#   benchmarks/scripts/start-time.sh [restarts] [extra JVM options...]
#
# Needs: a built distribution (mvn -B -q install -DskipTests), curl, port 8181 free. The extra JVM options go to
# bin/setenv's EXTRA_JAVA_OPTS (for instance -XX:TieredStopAtLevel=1 to compare the client compiler alone).
# CORE_ONLY=1 boots the platform alone (safenest-core: persistence, REST, health, metrics, audit, outbox; Karaf's
# own boot features unchanged) without any capability or region: the floor the capabilities' start adds to.
set -euo pipefail
restarts=${1:-2}; shift || true
export EXTRA_JAVA_OPTS="$*"
source "$(dirname "$0")/distribution.sh"
if [ "${CORE_ONLY:-}" = 1 ]; then
  # the boot list on one line, without Safenest's features but safenest-core
  cfg=etc/org.apache.karaf.features.cfg
  boot=$(sed -n '/^featuresBoot *=/,/^$/p' "$cfg" | tr -d '\\\n ' | cut -d= -f2 | tr ',' '\n' \
    | awk 'NF && (!/^safenest-/ || /^safenest-core\//)' | paste -sd,)
  sed -i '/^featuresBoot *=/,/^$/d' "$cfg"
  echo "featuresBoot = $boot" >> "$cfg"
  echo "boot features: $boot"
fi
tck=$(getconf CLK_TCK)

measure() {
  local start end pid
  start=$(date +%s.%N)
  start_until_up
  end=$(date +%s.%N)
  pid=$(cat karaf.pid)
  printf '%s: %.1f s to UP, JVM CPU %.1f s\n' "$1" "$(echo "$end - $start" | bc)" \
    "$(awk -v t="$tck" '{print ($14+$15)/t}' /proc/"$pid"/stat)"
  for t in /proc/"$pid"/task/*; do
    awk -v t="$tck" -v n="$(sed 's/[-#]*[0-9]*$//' "$t"/comm)" '{printf "%s\t%.2f\n", n, ($14+$15)/t}' "$t"/stat 2>/dev/null || true
  done | awk -F'\t' '{a[$1]+=$2} END {for (k in a) if (a[k] >= 0.2) printf "    %5.1f s  %s\n", a[k], k}' | sort -rn
  sleep 2
  stop_and_wait "$pid"
}

measure "first start"
for i in $(seq 1 "$restarts"); do measure "restart $i"; done
rm -rf "$home"
