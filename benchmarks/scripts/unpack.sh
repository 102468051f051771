# Sourced by the scripts beside it: unpacks the built distribution (karaf-assembly/target) into a fresh folder
# under /tmp and changes into it. Sets $root (the project) and $home (the unpacked distribution).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tarball=$(ls "$root"/karaf-assembly/target/safenest-distribution-*.tar.gz 2>/dev/null | head -1)
if [ -z "$tarball" ]; then
  echo "No built distribution: run 'mvn -B -q install -DskipTests' first" >&2
  exit 1
fi
home=$(mktemp -d /tmp/safenest-bench-XXXX)
tar xzf "$tarball" -C "$home" --strip-components=1
cd "$home"
