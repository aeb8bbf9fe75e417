#!/usr/bin/env bash
# Retrains the named-entity tagger and writes data/entities/ner-weights.bin.
#
#   scripts/train-ner.sh [path/to/eng.train]
#
# Builds train_ner (tests/ner/train_ner.cpp, which reuses the library's tokeniser, gazetteers
# and feature code), trains on CoNLL-2003 English (IOB1; ../shared/corpora by default) with a
# fixed seed, epoch count and pruning threshold, and writes the weights. The same inputs give
# the same bytes. Rebuild afterwards: the library compiles the new weights in. Only weights
# are written, never training text (the annotations are licensed for research use: see NOTICE).
# MORGUE_BUILD_DIR chooses the build folder (default: build).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRAIN=${1:-$ROOT/../shared/corpora/ner/conll2003/eng.train}
BUILD=${MORGUE_BUILD_DIR:-$ROOT/build}
EPOCHS=12
SEED=1
PRUNE=0.02

if [ ! -f "$TRAIN" ]; then
    echo "train-ner: $TRAIN: no such file; pass the path of CoNLL-2003 eng.train" >&2
    exit 2
fi
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target train_ner -j2
"$BUILD/tests/ner/train_ner" --train "$TRAIN" --data "$ROOT/data/entities" \
    --out "$ROOT/data/entities/ner-weights.bin" --epochs "$EPOCHS" --seed "$SEED" --prune "$PRUNE"
echo "train-ner: now rebuild ($BUILD) to compile the new weights in; measure them with" \
     "$BUILD/tests/ner/ner_eval" >&2
