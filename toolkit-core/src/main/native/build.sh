#!/bin/sh
# Rebuilds the JNI library that sets the process environment, for Linux x86_64 and aarch64, into the module's
# resources (committed, so building LambdaKit needs no C compiler). Needs gcc and gcc-aarch64-linux-gnu
# (Debian: apt-get install gcc gcc-aarch64-linux-gnu) and a JDK for jni.h.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
out="$here/../resources/dev/lambdakit/env/internal/native"
for arch in x86_64 aarch64; do
    case $arch in
        x86_64) cc=gcc ;;
        aarch64) cc=aarch64-linux-gnu-gcc ;;
    esac
    mkdir -p "$out/linux-$arch"
    $cc -O2 -shared -fPIC -s -I"$jdk/include" -I"$jdk/include/linux" \
        -o "$out/linux-$arch/liblambdakit-env.so" "$here/lambdakit_env.c"
    echo "built $out/linux-$arch/liblambdakit-env.so"
done
