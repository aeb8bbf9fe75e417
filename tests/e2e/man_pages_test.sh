#!/usr/bin/env bash
# The man pages are generated from the programs' own --help, and name every option.
. "$(dirname "$0")/lib.sh"
: "${MORGUE_MAN_DIR:?set by CTest}"
for program in morgue-index morgue-search; do
    page="$MORGUE_MAN_DIR/$program.1"
    if [ ! -s "$page" ]; then
        fail "$page was not generated"
        continue
    fi
    pass
    expect_contains "$program: name line" "$page" "$program \\- part of morgue"
    expect_contains "$program: exit status section" "$page" ".SH \"EXIT STATUS\""
    binary=$([ "$program" = morgue-index ] && echo "$MORGUE_INDEX" || echo "$MORGUE_SEARCH")
    for option in $("$binary" --help | grep -oE '^ +(-[a-z],)?--[a-z-]+' | sed -E 's/^ +(-[a-z],)?//'); do
        expect_contains "$program: option $option" "$page" "${option//-/\\-}"
    done
done
finish
