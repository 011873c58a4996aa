#!/usr/bin/env bash
# run-user.sh DIR, on a real FreeBSD host over ssh: the contract the real-kernel tests use
# (docs/real-freebsd-host.md). DIR holds a module (Makefile + sources, built by the host's own
# bsd.kmod.mk against /usr/src/sys) and a program (user-sources.txt, or test_<KMOD>.c +
# lib<KMOD>.c), run once per line of user-args.txt, each run's exit status checked against
# user-expect.txt (the arguments split by the host's sh). The module is installed as $KMODSHARP_SSH_MODULES/<KMOD>.ko (default
# /boot/modules), loaded before the runs, and unloaded and removed afterwards, as is the copy of DIR.
# Exit 0 and "RIG: RESULT PASS" only if everything built, loaded and ended as expected.
set -u
export LC_ALL=C

HOST=${KMODSHARP_SSH_HOST:-}
MODULES=${KMODSHARP_SSH_MODULES:-/boot/modules}
read -r -a SSH <<<"${KMODSHARP_SSH:-ssh -o BatchMode=yes}"

if [[ $# -ne 1 || ! -d ${1:-} || -z $HOST ]]; then
	echo "usage: KMODSHARP_SSH_HOST=root@host run-user.sh DIR" >&2
	exit 2
fi
DIR=$(cd "$1" && pwd)

KMOD=
[[ -f $DIR/Makefile ]] && KMOD=$(sed -n 's/^KMOD[[:space:]]*[?:!]*=[[:space:]]*\([^[:space:]#]*\).*/\1/p' "$DIR/Makefile" | tail -n 1)

# The program's sources, chosen as the rig's runner chooses them.
SOURCES=()
if [[ -f $DIR/user-sources.txt ]]; then
	read -r -d '' -a SOURCES < <(sed 's/#.*//' "$DIR/user-sources.txt"; printf '\0')
elif [[ -n $KMOD && -f $DIR/test_$KMOD.c ]]; then
	SOURCES=("test_$KMOD.c")
	[[ -f $DIR/lib$KMOD.c ]] && SOURCES+=("lib$KMOD.c")
fi
if [[ ${#SOURCES[@]} -eq 0 ]]; then
	echo "rig: no program sources: no user-sources.txt, no test_${KMOD:-<module>}.c"
	echo "RIG: RESULT FAIL"
	exit 1
fi
PROG=$(basename "${SOURCES[0]}" .c)

# One line per run: the exit status sh must see, a space, the arguments as written (the remote sh
# splits them) (a signal N is 128 + N; the numbers are FreeBSD's).
status_of() {
	case $1 in
	SIGSYS) echo 140 ;;
	SIGSEGV) echo 139 ;;
	SIGBUS) echo 138 ;;
	SIGABRT) echo 134 ;;
	"signal "*) echo $((128 + ${1#signal })) ;;
	"") echo 0 ;;
	*) echo $(($1)) ;;
	esac
}
content() {	# the file's lines minus comments and trailing empty lines
	[[ -f $1 ]] || return 0
	sed '/^#/d' "$1" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
}
mapfile -t ARGS < <(content "$DIR/user-args.txt")
mapfile -t EXPECT < <(content "$DIR/user-expect.txt")
[[ ${#ARGS[@]} -eq 0 ]] && ARGS=("")
[[ ${#EXPECT[@]} -eq 0 ]] && EXPECT=(0)
RUNS=$(for i in "${!ARGS[@]}"; do
	e=${EXPECT[0]}
	[[ ${#EXPECT[@]} -gt 1 ]] && e=${EXPECT[$i]:-0}
	printf '%s %s\n' "$(status_of "$e")" "${ARGS[$i]}"
done)

remote() { "${SSH[@]}" "$HOST" "$@"; }
REMOTE=$(remote 'mktemp -d /tmp/kmodsharp.XXXXXX' </dev/null) || { echo "rig: ssh $HOST failed"; echo "RIG: RESULT FAIL"; exit 1; }
trap 'remote "rm -rf $REMOTE" </dev/null' EXIT
tar -C "$DIR" -cf - . | remote "tar -C $REMOTE -xf -" || { echo "rig: copying DIR failed"; echo "RIG: RESULT FAIL"; exit 1; }

# The script goes to a file first: as sh's stdin it could be read by make, cc or the program.
remote "cat > $REMOTE/.kmodsharp-run.sh" <<REMOTE_SCRIPT || { echo "rig: copying the script failed"; echo "RIG: RESULT FAIL"; exit 1; }
set -u
cd "\$1" || exit 1
kmod=\$2 modules=\$3 prog=\$4
shift 4
fail() { echo "rig: \$*"; echo "RIG: RESULT FAIL"; exit 1; }
if [ -n "\$kmod" ]; then
	make </dev/null >build.log 2>&1 || { cat build.log; fail "module build FAILED"; }
	kldstat -q -n "\$kmod.ko" && fail "\$kmod.ko is already loaded on this host: unload it first"
	[ -e "\$modules/\$kmod.ko" ] && fail "\$modules/\$kmod.ko exists: not overwriting it"
	cp "\$kmod.ko" "\$modules/\$kmod.ko" || fail "cannot install \$modules/\$kmod.ko"
	trap 'kldunload -n "\$kmod.ko" 2>/dev/null; rm -f "\$modules/\$kmod.ko"' EXIT
	if id=\$(kldload -v "\$modules/\$kmod.ko" 2>&1); then
		echo "RIG: kldload \$modules/\$kmod.ko = \$id"
	else
		echo "RIG: kldload \$modules/\$kmod.ko = -1 (\$id)"
		fail "a kldload failed; the programs were not run"
	fi
fi
cc -O2 -pipe -Wall -I. -o "\$prog" "\$@" >prog.log 2>&1 || { cat prog.log; fail "program build FAILED"; }
cat prog.log
failures=0
n=0
while read -r expected args; do
	n=\$((n + 1))
	echo "RIG: run \$n: ./\$prog \$args"
	eval "./\$prog \$args" </dev/null
	status=\$?
	echo "RIG: exit \$status"
	if [ "\$status" -eq "\$expected" ]; then
		echo "RIG: ok run \$n exited \$status as expected"
	else
		echo "RIG: FAIL run \$n exited \$status, expected \$expected"
		failures=\$((failures + 1))
	fi
done <<'RUNS'
$RUNS
RUNS
echo "RIG: failures \$failures"
if [ "\$failures" -eq 0 ]; then
	echo "RIG: RESULT PASS"
	exit 0
fi
echo "RIG: RESULT FAIL"
exit 1
REMOTE_SCRIPT

# ssh hands the remote shell one string: every word is quoted for it.
remote "$(printf '%q ' sh "$REMOTE/.kmodsharp-run.sh" "$REMOTE" "$KMOD" "$MODULES" "$PROG" "${SOURCES[@]}")" </dev/null
