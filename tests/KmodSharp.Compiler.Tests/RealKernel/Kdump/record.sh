#!/usr/bin/env bash
# Records `kmodsharp kdump`'s fixtures on the FreeBSD 13.2 rig (docs/testing.md, "ktrace/kdump").
#
#   FREEBSD_RIG=/tmp/fbsd-rig tests/KmodSharp.Compiler.Tests/RealKernel/Kdump/record.sh [OUTDIR]
#
# 1. builds FreeBSD's own kdump(1) (usr.bin/kdump + lib/libsysdecode, without Casper) and
#    kldstat(8) static from the rig's 13.2 tree, against the rig's sysroot;
# 2. `kmodsharp build`s MySyscall, TwoValues, UserMemory, ErrorHandling and Probe/ (ten syscalls:
#    every dynamic slot 13.2 has) into one folder whose Makefile builds the five modules;
# 3. run-user.sh boots the kernel, loads them and runs recorder.c, which traces its own calls with
#    ktrace(2), then runs the embedded kdump and kldstat on that trace (tools.S);
# 4. cuts the console into OUTDIR (default: Fixtures/ next to this script).
# KMODSHARP is the command to run (default: dotnet on the Debug build of compiler/KmodSharp.Cli).
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../../.." && pwd)
RIG=${FREEBSD_RIG:?set FREEBSD_RIG to the rig (e.g. /tmp/fbsd-rig)}
OUT=${1:-$HERE/Fixtures}
KMODSHARP=${KMODSHARP:-dotnet $REPO/compiler/KmodSharp.Cli/bin/Debug/net10.0/KmodSharp.Cli.dll}
# shellcheck source=/dev/null
. "$RIG/rig.env"	# SRC LLVM TRIPLE SYSROOT LEGACY_PATH

W=$(mktemp -d /tmp/kmodsharp-kdump.XXXXXX)
trap 'rm -rf "$W"' EXIT

# ---- 1. kdump and kldstat, as usr.bin/kdump/Makefile and sbin/kldstat/Makefile build them
CC=("$LLVM/clang" --target="$TRIPLE" --sysroot="$SYSROOT" -O2 -pipe -w)
SD=$SRC/lib/libsysdecode
mkdir -p "$W/tools"
(
	cd "$W/tools"
	export PATH=$LEGACY_PATH:$PATH	# the tree's sh scripts want FreeBSD's awk/sed
	sh "$SD/mktables" "$SYSROOT/usr/include" tables.h
	sh "$SD/mklinuxtables" "$SRC/sys" tables_linux.h
	CPP="$LLVM/clang-cpp -target $TRIPLE --sysroot=$SYSROOT" MK_PF=yes \
	    sh "$SD/mkioctls" "$SYSROOT/usr/include" >ioctl.c
	for f in errno flags signal syscallnames utrace support linux; do
		"${CC[@]}" -I. -I"$SD" -I"$SRC/sys" -I"$SRC/libexec/rtld-elf" -DPF -c "$SD/$f.c" -o "sd_$f.o"
	done
	"${CC[@]}" -I. -I"$SD" -I"$SRC/sys" -DPF -c ioctl.c -o sd_ioctl.o
	K=$SRC/usr.bin/kdump
	"${CC[@]}" -I. -I"$SD" -I"$SRC/usr.bin/ktrace" -c "$K/kdump.c" -o kdump.o
	"${CC[@]}" -I"$SRC/usr.bin/ktrace" -c "$SRC/usr.bin/ktrace/subr.c" -o subr.o
	"${CC[@]}" -I"$SD" -I"$SRC/sys" -I"$SRC/usr.bin/ktrace" -c "$K/linux.c" -o linux.o
	"${CC[@]}" -fuse-ld=lld -static -o kdump kdump.o subr.o linux.o sd_*.o
	"${CC[@]}" -c "$SRC/lib/libutil/humanize_number.c" -o humanize_number.o
	"${CC[@]}" -fuse-ld=lld -static -o kldstat "$SRC/sbin/kldstat/kldstat.c" humanize_number.o
)

# ---- 2. the modules and the program
D=$W/run
mkdir -p "$D"
for input in examples/MySyscall examples/TwoValues examples/UserMemory examples/ErrorHandling \
    tests/KmodSharp.Compiler.Tests/RealKernel/Kdump/Probe; do
	$KMODSHARP build "$REPO/$input" -o "$D" >/dev/null
done
MODULES="errors kdprobe mysyscall twovalues usermem"
printf 'SUBDIR=\t%s\n\n.include <bsd.subdir.mk>\n' "$MODULES" >"$D/Makefile"
cp "$HERE/recorder.c" "$HERE/tools.S" "$W/tools/kdump" "$W/tools/kldstat" "$D/"
{
	echo "recorder.c tools.S"
	for m in $MODULES; do echo "$m/lib$m.c"; done
} >"$D/user-sources.txt"

# ---- 3. the real kernel
if ! RIG_QUIET=1 "$RIG/run-user.sh" "$D" >"$W/console.txt" 2>&1; then
	cat "$W/console.txt" >&2
	echo "record.sh: the rig run failed" >&2
	exit 1
fi

# ---- 4. the fixtures
mkdir -p "$OUT"
section() {	# section LABEL FILE: the lines between KDREC BEGIN LABEL and KDREC END LABEL
	awk -v b="KDREC BEGIN $1" -v e="KDREC END $1" '$0 == e { on = 0 } on { print } $0 == b { on = 1 }' \
	    "$W/console.txt" >"$OUT/$2"
	[[ -s $OUT/$2 ]] || { echo "record.sh: no '$1' section in the console" >&2; exit 1; }
}
section "kldstat -dv" kldstat-dv.txt
section "kdump" kdump.txt
section "kdump -S" kdump-S.txt
section "kdump -S -d" kdump-S-d.txt
section "kdump -n -H -T -A -S" kdump-n-H-T-A-S.txt
section "kldstat -dv alone" alone-kldstat-dv.txt
section "kdump alone" alone-kdump.txt
grep -a '^KDREC \(uname\|slot\|call\|ret\|alone\|failures\)' "$W/console.txt" >"$OUT/recorder.txt"
{
	echo "Recorded by record.sh on $(date -u +%Y-%m-%dT%H:%MZ) on the FreeBSD 13.2 rig ($RIG):"
	echo "kdump(1) and kldstat(8) built from $SRC (usr.bin/kdump, lib/libsysdecode, sbin/kldstat)"
	echo "of commit $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?') of KmodSharp."
	grep -a '^KDREC uname' "$W/console.txt" | sed 's/^KDREC uname /Kernel: /'
} >"$OUT/README.txt"
echo "record.sh: fixtures in $OUT ($(wc -l <"$OUT/kdump.txt") lines of kdump)"
