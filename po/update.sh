#!/bin/sh
# Regenerate po/wangge.pot from the sources and merge it into every language's
# catalogue (po/LANG.po):
#   sh po/update.sh
# Then translate what it reports as untranslated or fuzzy, and run it again
# until it reports nothing left (exit status 0). See docs/i18n.md.
cd "$(dirname "$0")/.." || exit 1
# _() and N_() mark messages in every layer (util/gettext.h); ACTION() declares
# each action's help text. Messages passed to wg_err_set/wg_err_prefix are
# printf formats, so msgfmt -c checks their placeholders.
xgettext --from-code=UTF-8 -L C -k_ -kN_ -kACTION:3 \
    --flag=wg_err_set:2:c-format --flag=wg_err_prefix:2:c-format \
    --package-name=wangge --add-comments=TRANSLATORS: -o po/wangge.pot \
    src/ui/action_table.h $(find src -name '*.c' | LC_ALL=C sort) || exit 1
status=0
for po in po/*.po; do
    msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" po/wangge.pot || exit 1
    stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || status=1
    echo "$po: $stats"
    case $stats in *untranslated* | *fuzzy*) status=1 ;; esac
done
exit $status
