#!/usr/bin/env bash
# The program generator's long run (not part of CI): generates random kernel-subset modules,
# runs each in the managed simulation and as C in the ASan/UBSan host harness, reduces the first
# finding of each kind, and prints programs/minute, totals, findings by class and the rejection
# census by diagnostic ID.
#	bench/programs.sh [--minutes N] [--seed S] [--features ci|all] [--reduce-seconds N] [--report FILE]
#	bench/programs.sh --seeds 13,91      # replay and reduce exactly these seeds
# --features ci (default) leaves out the constructs of known, unfixed bug classes (GeneratorFeatures.Ci);
# all writes everything. Replay one seed: ProgramGenerator.Generate(S, GeneratorFeatures.Ci).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=10 seed=1 seeds="" features=ci reduce=90 report="$(mktemp /tmp/kmodsharp-programs.XXXXXX.md)"
while [ $# -gt 0 ]; do
	case "$1" in
	--minutes) minutes="$2"; shift 2 ;;
	--seed) seed="$2"; shift 2 ;;
	--seeds) seeds="$2"; shift 2 ;;
	--features) features="$2"; shift 2 ;;
	--reduce-seconds) reduce="$2"; shift 2 ;;
	--report) report="$2"; shift 2 ;;
	*) echo "usage: $0 [--minutes N] [--seed S] [--features ci|all] [--reduce-seconds N] [--report FILE]" >&2; exit 2 ;;
	esac
done
dotnet build -v:q -nologo tests/KmodSharp.Differential >/dev/null
KMODSHARP_GEN_MINUTES="$minutes" KMODSHARP_GEN_SEED="$seed" KMODSHARP_GEN_SEEDS="$seeds" KMODSHARP_GEN_FEATURES="$features" \
KMODSHARP_GEN_REDUCE_SECONDS="$reduce" KMODSHARP_GEN_REPORT="$report" \
	dotnet test tests/KmodSharp.Differential --no-build --filter "FullyQualifiedName~GeneratorTests.Long_run" >/dev/null || true
cat "$report"
