# Places and organisations (场所和组织), in Chinese and English at 80x24:
# the empty lists, the form's checks at the field (required name and kind,
# a bad phone) with nothing typed lost, saving, the organisations tab, the
# kind filter, the audited unmask, and scope (a grid worker sees only their
# grid's places and may add only there).
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese, the county administrator
st_start --user admin
st_wait '工作台' || st_done
st_keys 4
st_wait '场所和组织' || st_done
st_expect places-zh-empty
st_keys a
st_wait '新增场所' || st_done
st_keys C-s                            # nothing typed: the required fields say so
st_expect places-zh-required
st_type 东平实验小学
st_keys Tab Enter                      # the kind picker
st_wait '筛选：' || st_done
st_type 学
st_wait '筛选： 学' || st_done
st_keys Enter
st_keys Tab Enter                      # the area picker
st_wait '筛选：' || st_done
st_type 实验
st_wait '筛选： 实验' || st_done
st_keys Enter
st_keys Tab
st_type 佛山路1号
st_keys Tab
st_type 王校长
st_keys Tab
st_type 0538-123                       # too short a local number
st_keys Tab
st_expect places-zh-badphone
st_keys Up C-u
st_type 0538-2221234
st_keys C-s
st_wait '已保存' || st_done
st_expect places-zh-list
st_keys Tab                            # the organisations
st_wait '组织名称' || st_done
st_keys a
st_wait '新增组织' || st_done
st_type 佛山社区党支部
st_keys Tab Enter
st_wait '筛选：' || st_done
st_type 党
st_wait '筛选： 党' || st_done
st_keys Enter Tab Enter
st_wait '所属区域 ─' || st_done
st_type 佛山社区
st_wait '筛选： 佛山社区' || st_done
st_keys Enter C-s
st_wait '已保存' || st_done
st_expect places-zh-orgs
st_keys Tab f Enter                    # places again; filter by kind: shops
st_wait '全部类别' || st_done
st_type 商
st_wait '筛选： 商' || st_done
st_keys Enter
st_wait '没有符合' || st_done
st_expect places-zh-filter-none
st_keys f Down Down Down Enter         # clear the filters
st_wait '东平实验小学' || st_done
st_keys C-v                            # the full phone, audited
st_wait '0538-2221234' || st_done
st_expect places-zh-unmasked
st_keys Escape
st_wait '工作台' || st_done
st_keys q
st_stop
if command -v sqlite3 >/dev/null 2>&1; then
    n=$(sqlite3 "$DB" "SELECT count(*) FROM audit WHERE action = 'unmask' AND tbl = 'place'")
    [ "$n" = 1 ] || st_fail "one unmask should leave one audit row, not '$n'"
    n=$(sqlite3 "$DB" "SELECT count(*) FROM place WHERE phone = '0538-2221234'
                       AND division_code = '370923001001002'")
    [ "$n" = 1 ] || st_fail "the school was not saved as typed"
fi

# English, a grid worker: the school is in another grid
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys 4
st_wait 'Places and organisations' || st_done
st_expect places-en-scope
st_keys a
st_wait 'New place' || st_done
st_type 'Corner shop'
st_keys Tab Enter
st_wait 'Filter:' || st_done
st_type sh
st_wait 'Filter: sh' || st_done
st_keys Enter Tab Tab Tab Tab
st_type '138 1234 5678'
st_keys C-s
st_wait 'Saved' || st_done
st_expect places-en-list
st_keys Enter                          # edit: the phone is masked
st_wait 'Edit: Corner shop' || st_done
st_expect places-en-edit
st_keys Escape
st_wait 'Places and' || st_done
st_keys Escape
st_wait 'Home' || st_done
st_keys q
st_stop
st_done
