#!/usr/bin/env bash
# Runs every LambdaKit benchmark on this machine and writes docs/performance.md (about 15 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Pbenchmarks -pl benchmarks -am package -DskipTests
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/results
mkdir -p "$OUT"
: > "$OUT/harness.txt"

# In-JVM figures: JMH.
java -jar "$JAR" 'WarmInvocationBenchmark|EventLoadingBenchmark|EventBuildBenchmark|LambdaClientBenchmark|EmbeddedBackendBenchmark|FunctionLifecycleBenchmark' \
  -wi 2 -w 1 -i 4 -r 1 -f 2 -rf json -rff "$OUT/jmh.json" | tee "$OUT/jmh.txt"

# Whole-process figures, several runs each, compared in the same run.
java -cp "$JAR" dev.lambdakit.benchmarks.ColdStart 7 | tee -a "$OUT/harness.txt"
# Execution.CONTAINER, where a Docker engine runs (LAMBDAKIT_CONTAINER_IMAGE names a local image where no registry is
# reachable, as containers/build-images.sh makes it).
if docker info >/dev/null 2>&1; then
  java -cp "$JAR" dev.lambdakit.benchmarks.ContainerRuntime 5 | tee -a "$OUT/harness.txt"
fi
for i in 1 2 3; do java -cp "$JAR" dev.lambdakit.benchmarks.BackendStartup | tee -a "$OUT/harness.txt"; done
java -cp "$JAR" dev.lambdakit.benchmarks.SuiteScale 5 | tee -a "$OUT/harness.txt"
# A template behind lambdakit:start-api, as a developer starts it: the plugin is installed for the fixture's build.
if mvn -B -q -ntp install -DskipTests -Dinvoker.skip=true -pl lambdakit-maven-plugin -am >/dev/null; then
  java -cp "$JAR" dev.lambdakit.benchmarks.StartApiTiming 5 . | tee -a "$OUT/harness.txt"
fi

java -cp "$JAR" dev.lambdakit.benchmarks.PerformanceReport "$OUT/jmh.json" "$OUT/jmh.txt" "$OUT/harness.txt" \
  docs/performance.md
echo "wrote docs/performance.md"
