#!/usr/bin/env bash
# Every KmodSharp benchmark, one after the other, each printing a Markdown table of
# our figure, the reference figure, the ratio and the target. Run on a quiet machine:
#	bench/run.sh            # all of it (about 10 minutes on 2 cores)
#	bench/run.sh codegen    # one part: analyzers | translation [SIZES…] | startup | phases [N] | codegen | msbuild [TURNS]
# Needs: the .NET 10 SDK, cc, clang-16, valgrind, GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

# The CLI as the tool package ships it (ReadyToRun for this machine), and as a plain build (JIT).
rid="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -1)"
dotnet publish -c Release -r "$rid" -v:q -nologo compiler/KmodSharp.Cli >/dev/null
dotnet build -c Release -v:q -nologo compiler/KmodSharp.Cli >/dev/null
dotnet build -c Release -v:q -nologo bench/KmodSharp.Bench >/dev/null
bench="dotnet bench/KmodSharp.Bench/bin/Release/net10.0/KmodSharp.Bench.dll"

uptime
# One suite with its arguments (bench/run.sh phases 1000), or every suite: each runs even when an
# earlier one misses its target, and the exit status says if any did.
if [ $# -gt 0 ]; then
	exec $bench "$@"
fi
status=0
for part in analyzers translation startup phases codegen msbuild; do
	$bench "$part" || status=1
done
exit $status
