# Administration (county administrator only): the menu, users (add with
# checks at the fields, SSH key parse errors at the field), grids (add with
# the code checked against its parent) and a grid's team, in Chinese and
# English at 80x24.
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese: the administrator's stored language
st_start --user admin
st_wait '工作台' || st_done
st_keys 5
st_wait '审计日志'
st_expect admin-zh
st_keys 1
st_wait 'secretary'
st_expect admin-users-zh
st_keys a
st_wait '初始密码'
st_type 'Wang Wu'
st_keys Tab
st_type '王五'
st_keys Tab Tab Enter          # the scope picker: filter by part of the name
st_type '第一网格'
st_keys Enter Tab Tab
st_type '1381234'
st_keys Tab
st_type 'abc'
st_keys Tab
st_type 'abd'
st_keys C-s                    # refused: every message at its field, nothing lost
st_expect admin-user-bad-zh
st_keys C-u                    # the focus is on the first bad field, the name
st_type 'wangwu'
st_keys Down Down Down Down Down C-u
st_type '13812345678'
st_keys Down C-u
st_type 'goodpass1'
st_keys Down C-u
st_type 'goodpass1'
st_keys C-s
st_wait '已添加用户 wangwu'
st_expect admin-users-added-zh
st_type 'w'                    # jump to wangwu
st_keys Enter
st_type '3'
st_keys Enter
st_wait '公钥'
st_type 'ssh-ed25519 AAAAbroken wangwu@pc'
st_keys C-s
st_wait 'base64'
st_expect admin-key-bad-zh
st_keys Escape y Q
st_stop

# English: grids, adding a grid, a grid's team
st_start --user admin --lang en
st_wait 'Home' || st_done
st_keys 5 2
st_wait 'Grids \(administration\)'
st_expect admin-grids-en
st_keys Enter Enter            # 东平街道, then 佛山社区
st_wait '370923001001002'
st_keys a
st_wait 'New Grid'
st_keys C-u
st_type '370923002001003'      # not under 佛山社区
st_keys Tab
st_expect admin-grid-add-bad-en
st_keys Up C-u
st_type '370923001001003'
st_keys Tab
st_type '佛山社区第三网格'
st_keys C-s
st_wait 'added'
st_expect admin-grids-added-en
st_keys Enter                  # the first grid's menu
st_type '2'
st_keys Enter
st_wait 'Nobody is on'
st_keys a Enter
st_type 'leader'
st_keys Enter Tab
st_type '赵大'
st_keys Tab
st_type '123'
st_keys C-s
st_expect admin-staff-bad-en
st_keys C-u
st_type '13812345678'
st_keys Down Down              # since: a fixed date, so the dump does not age
st_type '2024-03-01'
st_keys C-s
st_wait 'added as'
st_expect admin-staff-en
st_keys Q
st_stop

# Anyone else is refused
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys 5
st_wait 'county administrators only'
st_keys Q
st_stop
st_done
