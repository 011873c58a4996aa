#!/bin/sh
# Each tests/compile_fail/*.c must fail to compile with the module flags,
# and the compiler's messages must contain every text on its "EXPECT:"
# lines (chosen to match both GCC and Clang).
#	compile_fail.sh CC "KMOD_CFLAGS" OUTDIR
cc="$1"
flags="$2"
out="$3"
fail=0
LC_ALL=C
export LC_ALL
mkdir -p "$out"
for f in tests/compile_fail/*.c; do
	if $cc $flags -c -o "$out/x.o" "$f" >"$out/log" 2>&1; then
		echo "FAIL: $f compiled"
		fail=1
		continue
	fi
	ok=1
	sed -n 's|^/\* EXPECT: \(.*\) \*/$|\1|p' "$f" >"$out/expect"
	while IFS= read -r expect; do
		if ! grep -F -q -- "$expect" "$out/log"; then
			echo "FAIL: $f was refused without: $expect"
			ok=0
		fi
	done <"$out/expect"
	if [ $ok = 1 ]; then
		echo "ok: $f is refused"
	else
		cat "$out/log"
		fail=1
	fi
done
exit $fail
