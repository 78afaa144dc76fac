# Administration (county administrator only): the menu, users (add with
# checks at the fields, a taken name at its field, SSH key parse errors at the
# field), grids (add with the code checked against its parent), a grid's team
# and checklist templates, in Chinese and English at 80x24.
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

# Chinese: a refusal only the store can make (the user name is taken) is shown
# at the field it concerns, whatever the language of the message
st_start --user admin
st_wait '工作台' || st_done
st_keys 5
st_wait '审计日志'
st_keys 1
st_wait 'secretary'
st_keys a
st_wait '初始密码'
st_type 'zhang'
st_keys Tab
st_type '张三'
st_keys Tab Tab Enter
st_type '第一网格'
st_keys Enter Tab Tab Tab
st_type 'goodpass1'
st_keys Tab
st_type 'goodpass1'
st_keys C-s
st_wait '已有名为.zhang.的用户' || st_done
st_expect admin-user-taken-zh
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

# Chinese: checklist templates, their items moved, added and removed
st_start --user admin
st_wait '工作台' || st_done
st_keys 5
st_wait '审计日志'
st_keys 6
st_wait 'five_checks_three_questions' || st_done
st_expect admin-checklists-zh
st_keys Enter
st_type '1'                    # the template's items
st_keys Enter
st_wait '查邪教' || st_done
st_keys End Enter              # 问诉求 one up
st_type '2'
st_keys Enter
st_wait '问诉求' || st_done
st_expect admin-checklist-moved-zh
st_keys Enter
st_type '5'                    # add an item: the text is required
st_keys Enter
st_wait '添加清单条目' || st_done
st_keys C-s
st_wait '必填'
st_type '问安全感'
st_keys C-s
st_wait '条目已添加到末尾' || st_done
st_keys End Enter
st_type '4'
st_keys Enter
st_wait '删除「问安全感」'
st_keys y
st_wait '条目已删除' || st_done
st_expect admin-checklist-removed-zh
st_keys Q
st_stop

# English: a new template (its code checked at the field), an item, and
# deactivating it
st_start --user admin --lang en
st_wait 'Home' || st_done
st_keys 5 6
st_wait 'five_checks_three_questions' || st_done
st_keys Enter
st_type '5'                    # add a new template
st_keys Enter
st_wait 'Add checklist template' || st_done
st_type 'Fire Patrol'
st_keys Tab
st_type '消防安全巡查'
st_keys C-s
st_wait 'lower-case'
st_expect admin-checklist-bad-en
st_keys Up C-u
st_type 'fire_patrol'
st_keys C-s
st_wait 'Template 消防安全巡查 added' || st_done
st_keys End Enter
st_type '1'
st_keys Enter
st_wait 'No items yet' || st_done
st_keys Enter                  # an empty template: Enter adds
st_wait 'Add checklist item' || st_done
st_type '查消防通道是否畅通'
st_keys C-s
st_wait 'Item added' || st_done
st_expect admin-checklist-items-en
st_keys Escape
st_wait 'fire_patrol'
st_keys End Enter
st_type '3'
st_keys Enter
st_wait 'Deactivate 消防安全巡查'
st_keys y
st_wait 'deactivated' || st_done
st_expect admin-checklists-en
st_keys Q
st_stop

# An item a visit has answered stays (a visit written into the database:
# visits have no screen yet)
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$DB" "INSERT INTO visit (id, division_code, user_id, template_id)
                     VALUES (1, '370923001001001', 1, 1);
                   INSERT INTO visit_answer (visit_id, item_id, answer) VALUES (1, 1, 'ok');" ||
        st_fail "cannot add a visit"
    st_start --user admin --lang en
    st_wait 'Home' || st_done
    st_keys 5 6
    st_wait 'five_checks_three_questions' || st_done
    st_keys Enter
    st_type '1'
    st_keys Enter
    st_wait 'answered' || st_done
    st_keys Enter
    st_type '4'
    st_keys Enter
    st_wait 'cannot be removed' || st_done
    st_expect admin-checklist-answered-en
    st_keys Enter Q
    st_stop
fi

# Anyone else is refused
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys 5
st_wait 'county administrators only'
st_keys Q
st_stop
st_done
