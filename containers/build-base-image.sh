#!/usr/bin/env bash
# Builds lambdakit/jdk:<major> from this machine's own files, for Docker engines that reach no image registry:
# a root filesystem holding the JDK, bash, busybox and the shared libraries they load (found with ldd), imported
# as a single-layer image. The layout follows AWS's Lambda base images where it matters to a function: the JDK in
# /var/lang (on Lambda's PATH), code in /var/task, /tmp the only writable place once the root is read-only.
# Usage: build-base-image.sh [jdk-home] [tag]
set -euo pipefail

jdk="${1:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
major="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
tag="${2:-lambdakit/jdk:$major}"
busybox="$(command -v busybox || true)"
if [ -z "$busybox" ] || ! file -L "$busybox" 2>/dev/null | grep -q 'statically linked'; then
  busybox=/bin/busybox
fi
[ -x "$busybox" ] || { echo "build-base-image: busybox-static is needed (apt-get install busybox-static)" >&2; exit 2; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,etc,opt,tmp,root,var/task,var/runtime,usr/local/bin,usr/bin}
chmod 1777 "$root/tmp"

# The JDK with its symbolic links resolved (Debian's point into /etc and /usr/share).
# Debian's src.zip link dangles when the sources are not installed; everything else must copy.
cp -rL "$jdk" "$root/var/lang" 2> >(grep -v "src.zip" >&2) || [ -x "$root/var/lang/bin/java" ]
ln -s /var/lang "$root/opt/java"
ln -s /var/lang/bin/java "$root/usr/local/bin/java"

cp "$busybox" "$root/bin/busybox"
for applet in sh ash sleep cat ls env mkdir rm echo test cp mv ps kill head tail grep sed tr wc id true false; do
  ln -sf busybox "$root/bin/$applet"
done
cp /bin/bash "$root/bin/bash"

# Every shared library the JDK and bash load, at the path the dynamic loader looks for it.
{ find "$root/var/lang" -type f \( -name '*.so' -o -path '*/bin/*' \); echo /bin/bash; } | while read -r f; do
  ldd "$f" 2>/dev/null | awk '/=> \//{print $3} /^\t\/lib/{print $1}'
done | sort -u | while read -r lib; do
  cp -L --parents "$lib" "$root"
  real="$(readlink -f "$lib")"
  [ "$real" = "$lib" ] || cp -L --parents "$real" "$root" 2>/dev/null || true
done
# The rest of glibc, as any Linux base image has it: native code in functions (the runtime client's JNI library
# needs librt) and name lookups load these.
for lib in librt.so.1 libpthread.so.0 libdl.so.2 libm.so.6 libresolv.so.2 libutil.so.1 libnss_files.so.2 \
  libnss_dns.so.2 libgcc_s.so.1 libstdc++.so.6; do
  for dir in /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu; do
    [ -e "$dir/$lib" ] && cp -L --parents "$dir/$lib" "$root"
  done
done
# The loader itself, under the name binaries ask for.
mkdir -p "$root/lib64"
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/"

printf 'root:x:0:0:root:/root:/bin/sh\nsbx_user1051:x:993:990::/home/sbx_user1051:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnobody:x:65534:\n' >"$root/etc/group"

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin' \
  --change 'ENV LANG=en_US.UTF-8' \
  --change 'CMD ["/bin/sh"]' \
  - "$tag" >/dev/null
echo "built $tag from $jdk"
