# Settings: choose with the picker, passwords checked at the field, saved
# with ^S; the language switch takes effect at once.
. "$(dirname "$0")/lib.sh"
st_fixture

st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys 6
st_wait 'Terminal encoding'
st_expect settings-en
st_keys Down Down Down         # new password
st_type 'abc'
st_keys Tab
st_expect settings-en-short    # message at the field, nothing lost
st_keys BTab C-u
st_type 'longer-pass'
st_keys Tab
st_type 'different'
st_keys C-s                    # refused: the message is at the second entry
st_expect settings-en-differ
st_keys C-u
st_type 'longer-pass'
st_keys Up Up Up Enter         # language picker: filter by typing
st_type 'chi'
st_keys Enter C-s
st_wait '已保存'
st_expect settings-zh-saved
st_keys Escape Q
st_stop

# The choice was stored: without --lang the next session is in Chinese.
st_start --user zhang
st_wait '工作台' || st_done
st_keys Q
st_stop
st_done
