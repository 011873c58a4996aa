#!/bin/sh
# Builds syzkaller's own description tools, syz-sysgen (sys/syz-sysgen) and
# syz-fmt (tools/syz-fmt), from a pinned syzkaller commit, for the opt-in
# syzkaller tests (docs/testing.md, KMODSHARP_SYZKALLER). Nothing of syzkaller
# is kept in this repository: the tree is extracted from a
# syzkaller git repository (a clone or a bare mirror) into WORKDIR and built
# there offline, with its vendor/ directory. Idempotent: a finished build is
# reused.
#
#   build-syzkaller.sh SYZKALLER_GIT [WORKDIR]    (default /tmp/kmodsharp-syzkaller)
#   SYZKALLER_GIT may also come from the environment.
#
# Prints the folder to set KMODSHARP_SYZKALLER to on its last line: the
# syzkaller tree, with bin/syz-sysgen and bin/syz-fmt.
set -eu

# The newest syzkaller whose go.mod asks for no more than Go 1.19 (Debian 12's
# golang-go) and which still vendors its modules, so it builds offline.
SYZ_COMMIT=9a1a46e40f6c040e6e5a12787cb3d2a029e7ce9d # google/syzkaller master, 2024-04-22
GIT=${1:-${SYZKALLER_GIT:-}}
WORK=${2:-/tmp/kmodsharp-syzkaller}
TREE=$WORK/syzkaller-$SYZ_COMMIT

if [ -z "$GIT" ]; then
	echo "usage: build-syzkaller.sh SYZKALLER_GIT [WORKDIR] (a syzkaller clone or bare mirror)" >&2
	exit 2
fi
if [ -x "$TREE/bin/syz-sysgen" ] && [ -x "$TREE/bin/syz-fmt" ]; then
	echo "$TREE"
	exit 0
fi
if ! command -v go >/dev/null 2>&1; then
	echo "build-syzkaller.sh: no go on PATH (Debian: apt-get install golang-go, 1.19 or newer)" >&2
	exit 1
fi
if ! git --git-dir="$GIT" cat-file -e "$SYZ_COMMIT^{commit}" 2>/dev/null &&
    ! git -C "$GIT" cat-file -e "$SYZ_COMMIT^{commit}" 2>/dev/null; then
	echo "build-syzkaller.sh: $GIT has no commit $SYZ_COMMIT" >&2
	exit 1
fi
gitdir=$GIT
[ -d "$GIT/.git" ] && gitdir=$GIT/.git

mkdir -p "$WORK"
if [ ! -f "$TREE/go.mod" ]; then
	rm -rf "$TREE.tmp"
	mkdir -p "$TREE.tmp"
	# A partial mirror may lack large blobs the two tools do not need (test
	# data, an unused vendored API), which git archive cannot skip: the tree
	# is read into a scratch index, those paths dropped, the rest written out.
	index=$WORK/index.tmp
	rm -f "$index"
	GIT_INDEX_FILE=$index git --git-dir="$gitdir" read-tree "$SYZ_COMMIT"
	git --git-dir="$gitdir" ls-tree -r "$SYZ_COMMIT" | awk '$2 == "blob"' >"$WORK/blobs.tmp"
	awk '{ print $3 }' "$WORK/blobs.tmp" |
	    git --git-dir="$gitdir" cat-file --batch-check |
	    awk 'NR == FNR { if ($2 == "missing") absent[$1] = 1; next }
	        ($3 in absent) { sub(/^[^\t]*\t/, ""); print }' - "$WORK/blobs.tmp" >"$WORK/absent.tmp"
	while read -r path; do
		echo "build-syzkaller.sh: $GIT lacks $path: left out" >&2
		GIT_INDEX_FILE=$index git --git-dir="$gitdir" update-index --force-remove -- "$path"
	done <"$WORK/absent.tmp"
	GIT_INDEX_FILE=$index GIT_WORK_TREE=$TREE.tmp git --git-dir="$gitdir" checkout-index -a --prefix="$TREE.tmp/"
	rm -f "$index" "$WORK/blobs.tmp" "$WORK/absent.tmp"
	mv "$TREE.tmp" "$TREE"
fi

mkdir -p "$TREE/bin"
cd "$TREE"
for tool in sys/syz-sysgen tools/syz-fmt; do
	GOFLAGS=-mod=vendor GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0 \
	    go build -o "bin/$(basename "$tool").tmp" "./$tool" >&2
	mv "bin/$(basename "$tool").tmp" "bin/$(basename "$tool")"
done
echo "$TREE"
