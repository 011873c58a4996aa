#!/bin/sh
# Builds FreeBSD's own pkg(8) for Linux from a pinned commit of the freebsd/pkg
# repository, for the opt-in RealPkg tests (docs/testing.md, KMODSHARP_PKG).
# Nothing of pkg is kept in this repository: the source is fetched into a
# scratch directory and built there. Idempotent: a finished build is reused.
#
#   build-pkg.sh [WORKDIR]          (default /tmp/kmodsharp-pkg)
#
# Prints the path of the built pkg binary on its last line.
# PKG_GIT: a local clone or bare mirror to read from instead of GitHub. A
#   partial mirror may lack large blobs: they are left out, and the one the
#   build needs, the SQLite amalgamation external/sqlite/sqlite3.c, is then
#   taken from SQLITE_AMALGAMATION (a folder with sqlite3.c and sqlite3.h of
#   the same or a newer SQLite, e.g. npm's better-sqlite3 deps/sqlite3).
set -eu

PKG_COMMIT=13f9f986736ca80563f006a55ae075553feb57a1 # freebsd/pkg main, 2026-08-21
WORK=${1:-/tmp/kmodsharp-pkg}
SRC=$WORK/src-$PKG_COMMIT
BUILD=$WORK/build-$PKG_COMMIT

found() {
	for b in "$BUILD/src/pkg-static" "$BUILD/src/pkg"; do
		if [ -x "$b" ]; then echo "$b"; return 0; fi
	done
	return 1
}

if found >/dev/null; then found; exit 0; fi

# Debian/Ubuntu build dependencies, as freebsd/pkg's own .builds/debian.yml
# lists them (minus its test suite's kyua/atf; sqlite and lua are bundled).
DEPS="build-essential pkg-config m4 libbsd-dev libarchive-dev libssl-dev
liblzma-dev liblzo2-dev libattr1-dev libacl1-dev zlib1g-dev libbz2-dev"
missing=
for d in $DEPS; do
	dpkg -s "$d" >/dev/null 2>&1 || missing="$missing $d"
done
if [ -n "$missing" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "build-pkg.sh: missing Debian packages:$missing (run as root or install them)" >&2
		exit 1
	fi
	echo "build-pkg.sh: installing$missing" >&2
	apt-get update -qq >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
fi

mkdir -p "$WORK"
if [ ! -f "$SRC/configure" ]; then
	rm -rf "$SRC.tmp"
	mkdir -p "$SRC.tmp"
	if [ -n "${PKG_GIT:-}" ]; then
		absent=$(git --git-dir="$PKG_GIT" ls-tree -r "$PKG_COMMIT" |
		    awk '$2 == "blob" { print $3, $4 }' |
		    git --git-dir="$PKG_GIT" cat-file --batch-check='%(objectname) %(rest)' 2>/dev/null |
		    awk '$2 == "missing" { print $1 }')
		excludes=
		for blob in $absent; do
			path=$(git --git-dir="$PKG_GIT" ls-tree -r "$PKG_COMMIT" | awk -v b="$blob" '$3 == b { print $4 }')
			echo "build-pkg.sh: $PKG_GIT lacks $path" >&2
			excludes="$excludes :(exclude)$path"
		done
		# git archive still names an excluded absent blob "invalid object"; it exits 0.
		# shellcheck disable=SC2086
		git --git-dir="$PKG_GIT" archive "$PKG_COMMIT" -- . $excludes | tar -x -C "$SRC.tmp"
	else
		git -C "$SRC.tmp" init -q
		git -C "$SRC.tmp" fetch -q --depth 1 https://github.com/freebsd/pkg "$PKG_COMMIT"
		git -C "$SRC.tmp" checkout -q FETCH_HEAD
		rm -rf "$SRC.tmp/.git"
	fi
	if [ ! -f "$SRC.tmp/external/sqlite/sqlite3.c" ]; then
		if [ ! -f "${SQLITE_AMALGAMATION:-}/sqlite3.c" ]; then
			echo "build-pkg.sh: no external/sqlite/sqlite3.c: set SQLITE_AMALGAMATION to a folder with sqlite3.c and sqlite3.h" >&2
			exit 1
		fi
		cp "$SQLITE_AMALGAMATION/sqlite3.c" "$SQLITE_AMALGAMATION/sqlite3.h" "$SRC.tmp/external/sqlite/"
	fi
	mv "$SRC.tmp" "$SRC"
fi

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -f Makefile ]; then
	"$SRC/configure" --with-libarchive.pc --with-openssl.pc >&2
fi
make -j"$(nproc)" >&2
found
