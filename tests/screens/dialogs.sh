# The UI core's dialogs and forms, in Chinese and English at 80x24: back
# (Esc, Left) on the home screen asks before quitting and a second Esc says
# no; a letter typed on a choice field starts the picker's filter; a long
# message under a field wraps instead of being cut; a prompt takes as much
# as its buffer holds.
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese: Esc on the home screen asks, Esc again keeps wangge running
st_start --user admin
st_wait '工作台' || st_done
st_keys Escape
st_wait '退出网格吗' || st_done
st_expect dialogs-zh-quit
st_keys Escape
st_wait '工作台' || st_done
st_keys Left                   # "back" too: asks, n says no
st_wait '退出网格吗' || st_done
st_keys n
st_keys 4                      # still running: the menu works
st_wait '场所和组织' || st_done
st_keys Escape                 # one screen up: back home, no question
st_wait '工作台' || st_done
st_screen | grep -q '退出网格吗' && st_fail "Esc from a screen above home asked to quit"
st_keys Escape y               # asked, and yes quits
st_stop

# English: the kind picker opened by typing starts filtered by that letter
st_start --user admin --lang en
st_wait 'Home' || st_done
st_keys 4
st_wait 'Places and organisations' || st_done
st_keys a
st_wait 'New place' || st_done
st_type Depot
st_keys Tab
st_type h                      # on the kind field: the picker, filtered by h
st_wait 'Filter: h' || st_done
st_expect dialogs-en-pick-typed
st_type os                     # typed on: hos
st_wait 'Filter: hos' || st_done
st_keys Enter
st_wait 'Hospital' || st_done
st_keys Tab Tab Tab Tab
st_type 138x                   # a letter in a phone number: a long message
st_keys Tab
st_expect dialogs-en-field-message
st_keys Escape y
st_wait 'Places and organisations' || st_done
st_keys f Down Enter           # "contains...": a prompt as long as its 64 bytes
st_wait 'Contains:' || st_done
st_type abcdefghijklmnopqrstuvwxyz0123456789
st_keys Enter
st_wait 'Contains: abcdefghijklmnopqrstuvwxyz0123456789' || st_done
st_keys Q
st_stop
st_done
