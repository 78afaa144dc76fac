# Search (查找居民), in Chinese and English at 80x24: the hint, pinyin
# initials, ID and phone endings, too few digits, garbage, scope, moving
# between the box and the results, Enter opening the resident, and the
# audited unmask.
. "$(dirname "$0")/lib.sh"
# The results follow the box 300 ms after the last key (the screen's idle
# timer): the screen has settled once it has not changed for longer than that.
st_settle() {
    prev="" n=0
    end=$(($(date +%s) + ST_DEADLINE))
    while [ "$(date +%s)" -le "$end" ]; do
        cur=$(st_screen)
        if [ "$cur" = "$prev" ]; then
            n=$((n + 1))
            [ $n -ge 7 ] && return 0
        else
            n=0
        fi
        prev=$cur
        sleep 0.05
    done
}
st_fixture

# Chinese, the county administrator
st_start --user admin
st_wait '工作台' || st_done
st_keys /
st_wait '查找' || st_done
st_expect search-zh-empty
st_type zs                     # pinyin initials
st_wait '张三' || st_done
st_expect search-zh-initials
st_keys C-u
st_type 12                     # too few digits: a hint, not an error
st_wait '4' || st_done
st_expect search-zh-short
st_type 3X                     # "123X" ends no ID in the county
st_wait '没有|No resident' || st_done
st_expect search-zh-none
st_keys C-u
st_type 1号楼                  # an address fragment: both households of building 1
st_wait '李四' || st_done
st_expect search-zh-address
st_keys C-u
st_type 0023                   # the end of 李四's ID number
st_wait '李四' || st_done
st_keys Down C-v               # into the list, unmask (audited)
st_wait '370923197502030023' || st_done
st_expect search-zh-unmasked
st_keys Enter                  # opens the resident form
st_wait '李四' || st_done
st_keys Escape
st_wait '查找' || st_done
st_expect search-zh-back
st_keys Escape
st_wait '工作台' || st_done
st_keys q
st_stop
if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'unmask' AND tbl = 'resident'")
    [ "$n" = 1 ] || st_fail "one unmask should leave one audit row, not '$n'"
fi

# English, a grid worker: only their grid, and typing 'q' types a q
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys /
st_wait 'Find' || st_done
st_type zl                     # 赵六 lives in another town's village
st_wait 'No resident' || st_done
st_expect search-en-scope
st_keys C-u
st_type q                      # typed, not "back"
st_type '佛山'                  # an address fragment
st_wait 'No resident' || st_done
st_keys BSpace BSpace BSpace Home
st_keys C-k
st_type 'z'
st_type 'hang'                 # full pinyin prefix
st_wait '张三' || st_done
st_expect search-en-pinyin
st_keys Down Up                # into the list and back to the box
st_type s                      # typed on: zhangs
st_wait 'zhangs' || st_done
st_keys Down x                 # typing in the list goes back to the box
st_wait 'zhangsx' || st_done
st_expect search-en-typing-in-list
st_keys Escape
st_wait 'Home' || st_done
st_keys q
st_stop

# The vi keymap (the secretary's): ':' searches, j and k move in the list
st_start --user secretary
st_wait 'Home' || st_done
st_keys :
st_wait 'Find' || st_done
st_type 3                      # too short a number: a hint
st_keys BSpace
st_type 佛山社区
st_wait '王五' || st_done
st_keys Down j
st_expect search-en-vi
st_keys k k                    # k on the first row: back to the box
st_type 2
st_wait '佛山社区2' || st_done
st_keys Escape
st_wait 'Home' || st_done
st_keys q
st_stop
st_done
