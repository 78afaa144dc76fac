# Home screen (工作台) and the help screen, in Chinese and English, 80x24.
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese (the admin's stored language)
st_start --user admin
st_wait '工作台' || st_done
st_expect home-zh
st_keys 7                      # cases: not built yet, says so
st_expect home-zh-not-yet
st_keys '?'
st_wait '帮助'
st_expect help-zh
st_keys q
st_wait '工作台'
st_keys q
st_stop

# English, a grid worker whose scope is one grid
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_expect home-en
st_keys 5                      # admin only
st_expect home-en-admin-only
st_keys '?'
st_wait 'Keys on this screen'
st_expect help-en
st_keys Escape Q
st_stop
st_done
