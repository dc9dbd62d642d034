#!/bin/sh
# CI-cheap check of the parent pom's `cuda` profile: the modules that use DJL compile against the
# DJL 0.32.0 API (the CUDA image's combination) without fetching the ~2.4 GB pytorch-native-cu124 jar,
# which is runtime-only and downloaded only by the CUDA image build. Compiles a copy of the committed
# tree in a temporary directory (the worktree's target/ stays built for the default profile) and fails
# if the native jar appears in the local Maven repository. About a minute on 2 cores.
#
# Usage (from the repository root): sh k8s/image/cuda-compile-check.sh
set -eu
repo=$(mvn -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || echo "$HOME/.m2/repository")
native_dir="$repo/ai/djl/pytorch/pytorch-native-cu124/2.5.1"
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
(cd "$copy" && mvn -B -ntp -q -Pcuda -pl posterior,model-artifacts,stream-app -am compile)
if ls "$native_dir"/*.jar >/dev/null 2>&1; then
  echo "FAIL: $native_dir holds a jar: the cuda profile fetched the native library" >&2
  exit 1
fi
echo "OK: posterior, model-artifacts and stream-app compile with -Pcuda (DJL 0.32.0); no pytorch-native-cu124 jar fetched"
