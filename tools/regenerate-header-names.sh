#!/bin/sh
# Rewrites the C name lists the compiler embeds (compiler/KmodSharp.Compiler/Pipeline/CTarget/Names/)
# from a FreeBSD 13.2 kernel tree's sys, a FreeBSD 15 tree's sys, a FreeBSD 13.2 system root (its
# usr/include) and this machine's glibc and host harness headers, read with libclang.
# Example: tools/regenerate-header-names.sh /work/fbsd13/sys /work/fbsd15/sys /tmp/fbsd-rig/sysroot
set -eu
if [ $# -ne 3 ]; then
	echo "usage: $0 FREEBSD_13_SYS FREEBSD_15_SYS FREEBSD_13_SYSROOT" >&2
	exit 2
fi
for dir in "$@"; do
	[ -d "$dir" ] || { echo "$0: $dir: no such folder" >&2; exit 2; }
done
cd "$(dirname "$0")/.."
KMODSHARP_REGENERATE_NAMES="$(realpath "$1"):$(realpath "$2"):$(realpath "$3")" \
    dotnet test tests/KmodSharp.Compiler.Tests -nologo -v:q \
    --filter "FullyQualifiedName~HeaderNames.HeaderNameListTests.Regenerate"
git status --short compiler/KmodSharp.Compiler/Pipeline/CTarget/Names
