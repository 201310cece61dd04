#!/usr/bin/env bash
# Builds the embedded FerretDB launcher (tools/ferretdb) once into .cache/ferretdb/<hash>/.
# The hash covers the launcher's sources, so editing them or bumping FerretDB rebuilds; an
# existing binary is reused as is (Go is then not needed at all). The binary path is the last
# line on stdout; build output goes to stderr.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$root/tools/ferretdb"
# Bump when the build command below changes, so old binaries are not reused.
recipe="v1 CGO_ENABLED=0 -trimpath -ldflags=-s-w"

fail() {
  echo "build-ferretdb: $*" >&2
  exit 1
}

# Exit code 3 means "no usable Go toolchain", so callers can fall back instead of failing.
no_go() {
  echo "build-ferretdb: $*" >&2
  exit 3
}

if command -v sha256sum >/dev/null 2>&1; then
  sha() { sha256sum | cut -c1-16; }
else
  sha() { shasum -a 256 | cut -c1-16; }
fi

hash="$(
  cd "$src"
  {
    printf '%s\0' "$recipe"
    for f in go.mod go.sum *.go; do
      printf '%s\0' "$f"
      cat "$f"
    done
  } | sha
)"

out="$root/.cache/ferretdb/$hash"
bin="$out/passerelle-ferretdb"

if [[ -x "$bin" ]]; then
  echo "$bin"
  exit 0
fi

command -v go >/dev/null 2>&1 ||
  no_go "Go toolchain not found. Install Go >= 1.22 (https://go.dev/dl/) for the embedded FerretDB, or set MONGODB_URI."

# go.mod asks for Go 1.24 (FerretDB 1.24 does); Go 1.22/1.23 fetch that toolchain by themselves
# through the module proxy unless GOTOOLCHAIN=local.
goversion="$(go env GOVERSION)"
if [[ "$goversion" =~ ^go1\.([0-9]+) ]] && ((BASH_REMATCH[1] < 22)); then
  no_go "found $goversion; Go >= 1.22 is needed for the embedded FerretDB."
fi

mkdir -p "$out"
tmp="$out/.build-$$"
trap 'rm -f "$tmp"' EXIT

echo "build-ferretdb: building the FerretDB launcher with $goversion (first time only, about a minute)..." >&2
# modernc.org/sqlite and pgx are pure Go, so no C compiler is needed; -buildvcs=false because the
# binary is identified by the hash, and VCS stamping fails where git is missing.
(cd "$src" && CGO_ENABLED=0 go build -buildvcs=false -trimpath -ldflags='-s -w' -o "$tmp" .) ||
  fail "go build failed (see above). Module downloads need the Go module proxy (GOPROXY) to be reachable."

# Rename is atomic: a concurrent run sees either no binary or a complete one.
mv -f "$tmp" "$bin"

# Older builds are dead weight (25 MB each); a launcher still running from one keeps its inode.
for old in "$root/.cache/ferretdb"/*/; do
  [[ "$old" == "$out/" ]] || rm -rf "$old"
done
echo "$bin"
