#!/usr/bin/env bash
# Checks the package as users receive it: builds, packs, then runs publint and
# @arethetypeswrong/cli on the packed tarball, and prints the tarball's size.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack --silent --pack-destination "$work" > /dev/null
tarball=$(ls "$work"/*.tgz)
size=$(stat -c %s "$tarball")
unpacked=$(tar -xzOf "$tarball" | wc -c)
echo "packed tarball: $(basename "$tarball") $((size / 1024)) KiB packed, $((unpacked / 1024)) KiB unpacked"
npx publint run --strict "$tarball"
npx attw "$tarball" --profile node16 --format table-flipped
