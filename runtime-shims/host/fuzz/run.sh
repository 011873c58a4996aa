#!/usr/bin/env bash
# Fuzz one generated kernel module with libFuzzer in the host kernel harness.
#
#	runtime-shims/host/fuzz/run.sh MODULE.c SECONDS [WORKDIR]
#
# Builds MODULE.c as the harness builds modules (kernel flags, -Werror,
# ASan+UBSan) plus libFuzzer coverage, links kms_fuzz.c with the emulated
# kernel, and fuzzes for SECONDS.  The corpus stays in WORKDIR/corpus (a new
# temporary folder by default), crashes in WORKDIR/crash-*.  Exit status:
# 0 no finding, 1 a crash/sanitizer/kernel violation/leak, 2 bad usage or
# a build failure.  The last line is a summary:
#	kms_fuzz: execs=N execs_per_sec=N corpus=N status=N
# Needs clang-16 (apt-get install -y clang-16 lld-16 libclang-rt-16-dev);
# KMS_FUZZ_CC overrides the compiler; KMS_FUZZ_HARNESS_SYSCALLS=1 also calls
# the emulated kernel's own syscalls (modstat, modfind, ...).
set -uo pipefail

if [ $# -lt 2 ]; then
	echo "usage: $0 MODULE.c SECONDS [WORKDIR]" >&2
	exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
host=$(dirname "$here")
cc=${KMS_FUZZ_CC:-clang-16}
module_c=$1
seconds=$2
work=${3:-$(mktemp -d "${TMPDIR:-/tmp}/kms-fuzz.XXXXXX")}
name=$(basename "$module_c" .c)
mkdir -p "$work/corpus"

# Module code as the compiler's harness builds it, from the generated kernmk.mk
# (kern.mk's C standard and clang warnings: libFuzzer needs clang).
kernmk() { sed -n "s/^$1=[[:space:]]*//p" "$host/kernmk.mk"; }
san=$(kernmk KMS_SANITIZERS)
kmod_flags="$(kernmk KERNMK_CSTD) -nostdinc -isystem $host/include
	$(kernmk KMS_KMOD_CODEFLAGS) $(kernmk KERNMK_CWARNFLAGS_clang) $san
	-fsanitize=fuzzer-no-link"
# -Wno-unknown-attributes: subr_syscall.c uses gcc's __no_sanitize_undefined__.
host_flags="-std=gnu17 -g -O1 -Wall -Wextra -Werror -Wno-unknown-attributes $san"

build() {
	if ! "$@" 2>"$work/build.err"; then
		cat "$work/build.err" >&2
		echo "kms_fuzz: build failed: $*" >&2
		echo "kms_fuzz: execs=0 execs_per_sec=0 corpus=0 status=2"
		exit 2
	fi
}

# shellcheck disable=SC2086
build "$cc" $kmod_flags -c "$module_c" -o "$work/$name.o"
# shellcheck disable=SC2086
build "$cc" $kmod_flags -c "$host/kmod/module_glue.c" -o "$work/module_glue.o"
# shellcheck disable=SC2086
build "$cc" -shared $san "$work/$name.o" "$work/module_glue.o" -o "$work/$name.so"
# kms_fuzz.c includes kern/subr_usermem.c (to reset user memory between inputs).
kern=()
for f in "$host"/kern/*.c; do
	[ "$(basename "$f")" = subr_usermem.c ] || kern+=("$f")
done
# shellcheck disable=SC2086
build "$cc" $host_flags -fsanitize=fuzzer -I "$host/kern" "$here/kms_fuzz.c" "${kern[@]}" \
	-rdynamic -ldl -o "$work/kms_fuzz"

KMS_FUZZ_MODULE="$work/$name.so" \
ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0" \
UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
	"$work/kms_fuzz" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 \
	-rss_limit_mb=2048 -artifact_prefix="$work/" "$work/corpus" >"$work/fuzz.log" 2>&1
status=$?
tail -n 40 "$work/fuzz.log" >&2
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/fuzz.log" | tail -1)
corpus=$(find "$work/corpus" -type f | wc -l)
[ "$status" -eq 0 ] || status=1
echo "kms_fuzz: execs=${execs:-0} execs_per_sec=${rate:-0} corpus=$corpus status=$status"
exit "$status"
