# A monochrome vt100: the same screens, reverse/bold instead of colour, line
# drawing as the terminal offers it; and a user keymap file with errors.
. "$(dirname "$0")/lib.sh"
st_fixture
cat >"$ST_WORK/my.keys" <<'KEYS'
bind generic x quit
bind home z fly
KEYS
ST_TERM=vt100 st_start --user secretary --keymap my.keys
st_wait 'Home' || st_done
st_expect vt100-home-en
st_keys j k x                  # the vi keymap is the secretary's; x from the file
st_stop
grep -q 'my.keys:2: unknown action' "$ST_WORK/stderr" || st_fail "keymap error not reported"
st_done
