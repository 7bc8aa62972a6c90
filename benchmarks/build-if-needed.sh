# Sourced by scripts/bench-hotdeploy and scripts/bench-api from the project root. Builds what is missing
# or older than its sources: the distribution with the modules it is made of (mvn install, so that this
# module finds the api-bundle it compiles against in ~/.m2), then this module (target/benchmarks.jar,
# target/lib, target/peer-bundles). Maven runs offline first (everything is usually in ~/.m2) and online
# if that fails (a fresh machine). If a rebuild fails but an earlier build exists, it says so loudly and
# benchmarks that earlier build.

bench_mvn() {
  mvn -B -q -ntp -o "$@" || { echo "offline build failed; retrying online" >&2; mvn -B -q -ntp "$@"; }
}

# True when $1 is missing or a source under the given paths is newer than it.
bench_stale() {
  local stamp=$1; shift
  [ ! -f "$stamp" ] && return 0
  [ -n "$(find "$@" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.bnd' \) \
      -newer "$stamp" -print -quit 2>/dev/null)" ]
}

bench_build_failed() {
  if [ -f "$1" ]; then
    echo "WARNING: $2 failed; benchmarking the earlier build ($(date -r "$1" '+%F %T'))" >&2
  else
    echo "$2 failed and there is no earlier build to benchmark" >&2
    exit 1
  fi
}

bench_dist_stamp=distribution/target/paymenter-runtime/lib/boot/runtime.jar
bench_api_jar=$HOME/.m2/repository/org/paymenter/ext/api-bundle/0.1.0-SNAPSHOT/api-bundle-0.1.0-SNAPSHOT.jar
if bench_stale "$bench_dist_stamp" pom.xml api-bundle runtime core-bundle store-bundle http-bundle distribution \
    || [ ! -f "$bench_api_jar" ]; then
  echo "building the runtime (mvn install -DskipTests -pl distribution -am)..." >&2
  bench_mvn install -DskipTests -pl distribution -am >&2 || bench_build_failed "$bench_dist_stamp" "building the runtime"
fi
if bench_stale benchmarks/target/benchmarks.jar benchmarks || [ "$bench_dist_stamp" -nt benchmarks/target/benchmarks.jar ]; then
  echo "building benchmarks (mvn -f benchmarks/pom.xml package)..." >&2
  bench_mvn -f benchmarks/pom.xml package >&2 || bench_build_failed benchmarks/target/benchmarks.jar "building benchmarks"
fi
