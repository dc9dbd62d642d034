#!/bin/sh
# Unpacks libtorch and DJL's JNI library from the native jars in LIB_DIR into ENGINE_CACHE_DIR, laid out
# exactly as DJL would unpack them at first start (<cache>/pytorch/<version>-<flavor>-<classifier>/,
# JNI library as <djl version>-libdjl_torch.so), plus a link <cache>/pytorch/current to that directory
# for PYTORCH_LIBRARY_PATH. A pod then loads them from there offline and never writes to the image;
# with PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR set, the native jar itself is no longer
# needed and the Dockerfiles delete it. Done by hand rather than by starting the engine because DJL
# refuses a CUDA build of libtorch on a builder without a GPU. The CPU image checks the result with
# WarmDjlCache, run as a user who cannot write to the cache.
#
# Usage: fill-djl-cache.sh LIB_DIR ENGINE_CACHE_DIR   (needs the JDK's jar tool)
set -eu
lib=$(cd "$1" && pwd)
mkdir -p "$2"
cache=$(cd "$2" && pwd)
one() { set -- $1; [ "$#" -eq 1 ] && [ -f "$1" ] || { echo "Expected exactly one jar. Actual: $*" >&2; exit 1; }; echo "$1"; }
native=$(one "$(ls "$lib"/pytorch-native-*.jar)")
jni=$(one "$(ls "$lib"/pytorch-jni-*.jar)")
engine=$(one "$(ls "$lib"/pytorch-engine-*.jar)")
work=$(mktemp -d)
cd "$work"
jar xf "$native" native/lib/pytorch.properties
property() { sed -n "s/^$1=//p" native/lib/pytorch.properties | tr -d '\r'; }
version=$(property version)
flavor=$(property flavor)
classifier=$(property classifier)
djl_version=$(basename "$engine" .jar | sed 's/^pytorch-engine-//')
jar xf "$native" $(jar tf "$native" | grep "^pytorch/$flavor/$classifier/[^/][^/]*\$")
jar xf "$jni" "jnilib/$classifier/$flavor/libdjl_torch.so"
target="$cache/pytorch/$version-$flavor-$classifier"
mkdir -p "$target"
mv "pytorch/$flavor/$classifier/"* "$target/"
mv "jnilib/$classifier/$flavor/libdjl_torch.so" "$target/$djl_version-libdjl_torch.so"
ln -sfn "$version-$flavor-$classifier" "$cache/pytorch/current"
cd / && rm -rf "$work"
chmod -R a+rX "$cache"
echo "libtorch $version ($flavor, $classifier) and DJL $djl_version JNI unpacked into $target"
