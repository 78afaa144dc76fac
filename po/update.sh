#!/bin/sh
# Regenerate po/wangge.pot from the sources and merge it into every po file:
#   sh po/update.sh
# Then translate the new entries (msgfmt --statistics shows what is left).
cd "$(dirname "$0")/.." || exit 1
xgettext --from-code=UTF-8 -L C -k_ -kN_ -kACTION:3 --package-name=wangge \
    --add-comments=TRANSLATORS: -o po/wangge.pot \
    src/ui/action_table.h $(find src -name '*.c' | sort) || exit 1
for po in po/*.po; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" po/wangge.pot || exit 1
done
