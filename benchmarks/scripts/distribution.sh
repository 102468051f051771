# Sourced by the scripts beside it: unpacks the built distribution (karaf-assembly/target) into a fresh folder
# under /tmp and changes into it. Sets $root (the project) and $home (the unpacked distribution); gives
# start_until_up and stop_and_wait.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tarball=$(ls "$root"/karaf-assembly/target/safenest-distribution-*.tar.gz 2>/dev/null | head -1)
if [ -z "$tarball" ]; then
  echo "No built distribution: run 'mvn -B -q install -DskipTests' first" >&2
  exit 1
fi
home=$(mktemp -d /tmp/safenest-bench-XXXX)
tar xzf "$tarball" -C "$home" --strip-components=1
cd "$home"

# bin/start, then /api/health every 0.1 s until it answers UP
start_until_up() {
  bin/start
  until curl -s -m 2 -u admin:admin http://localhost:8181/api/health | grep -q '"status" *: *"UP"'; do sleep 0.1; done
}

# bin/stop, then waits until the Karaf JVM (its pid: $1) has ended
stop_and_wait() {
  bin/stop
  while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
}
