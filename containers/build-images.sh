#!/usr/bin/env bash
# Builds the images LambdaKit's own tests use on a Docker engine that reaches no registry, from this machine's
# files only:
#   base     lambdakit/jdk:<major>: the JDK, bash and busybox (build-base-image.sh)
#   standin  localstack/localstack:4.14.0: the LocalStack stand-in (edge port 4566, health, "Ready."), serving
#            S3 and SQS from LambdaKit's embedded emulators and DynamoDB from dynalite where Node.js is here
# Usage: build-images.sh base | standin <folder with the stand-in's jars>
# A LocalStack image not built by this script is never replaced.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
standin_tag="localstack/localstack:4.14.0"

if ! docker info >/dev/null 2>&1; then
  echo "build-images: no Docker engine answers; nothing built" >&2
  exit 0
fi

base() {
  "$here/build-base-image.sh" "" lambdakit/jdk:17
}

standin() {
  local jars="$1"
  [ -d "$jars" ] || { echo "build-images: no stand-in jars in '$jars'" >&2; exit 2; }
  if docker image inspect "$standin_tag" >/dev/null 2>&1 \
      && [ "$(docker image inspect -f '{{index .Config.Labels "dev.lambdakit.standin"}}' "$standin_tag")" != "true" ]; then
    echo "build-images: $standin_tag is the real LocalStack image; not replaced"
    return
  fi
  docker image inspect lambdakit/jdk:17 >/dev/null 2>&1 || base
  local ctx
  ctx="$(mktemp -d)"
  trap 'rm -rf "$ctx"' RETURN
  mkdir -p "$ctx/lib" "$ctx/node"
  cp "$jars"/*.jar "$ctx/lib/"
  if command -v node >/dev/null 2>&1; then
    # node and the libraries it loads, and dynalite with its native modules, as the embedded backend uses them.
    local node
    node="$(readlink -f "$(command -v node)")"
    mkdir -p "$ctx/node/rootfs/usr/local/bin"
    cp "$node" "$ctx/node/rootfs/usr/local/bin/node"
    ldd "$node" | awk '/=> \//{print $3}' | while read -r lib; do cp -L --parents "$lib" "$ctx/node/rootfs"; done
    local dynalite="${HOME}/.cache/lambdakit/dynalite-4.0.0"
    if [ ! -d "$dynalite/node_modules/dynalite" ] && command -v npm >/dev/null 2>&1; then
      npm install --silent --no-audit --no-fund --prefix "$dynalite" dynalite@4.0.0 >/dev/null
    fi
    if [ -d "$dynalite/node_modules/dynalite" ]; then
      mkdir -p "$ctx/node/rootfs/opt/dynalite"
      cp -r "$dynalite/node_modules" "$ctx/node/rootfs/opt/dynalite/"
    fi
  fi
  mkdir -p "$ctx/node/rootfs/opt"
  cat >"$ctx/docker-entrypoint.sh" <<'SCRIPT'
#!/bin/bash
exec java -Dlambdakit.dynalite.home=/opt/dynalite -cp '/opt/standin/lib/*' dev.lambdakit.standin.LocalStackStandIn
SCRIPT
  cat >"$ctx/Dockerfile" <<'DOCKERFILE'
FROM lambdakit/jdk:17
COPY lib/ /opt/standin/lib/
COPY node/rootfs/ /
COPY docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
LABEL dev.lambdakit.standin="true"
EXPOSE 4566
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
DOCKERFILE
  chmod +x "$ctx/docker-entrypoint.sh"
  docker build -q -t "$standin_tag" "$ctx" >/dev/null
  echo "built $standin_tag (LambdaKit's LocalStack stand-in)"
}

case "${1:-}" in
  base) base ;;
  standin) standin "${2:?folder with the stand-in jars}" ;;
  *) echo "usage: build-images.sh base | standin <jar folder>" >&2; exit 2 ;;
esac
