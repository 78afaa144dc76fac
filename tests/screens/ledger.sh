# Ledger (台账) and household card (户卡): households of a grid, the card with
# masked numbers, the audited unmask, adding a household and its head, and a
# member moving out, and the household's residence history. Chinese and
# English.
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese, a grid worker: menu 2 opens the worker's own grid ledger.
st_start --user zhang
st_wait '工作台' || st_done
st_keys 2
st_wait '佛山社区1号楼101' || st_done
st_expect ledger-zh
st_keys Enter
st_wait '户主：张三' || st_done
st_expect household-zh
st_keys u                      # unmask: full ID shown, and audited
st_wait '370923198001010010' || st_done
st_expect household-zh-unmasked
st_keys Escape
st_wait '佛山社区2号楼201'

# Add a household: the form, then its card with the head's form over it.
st_keys a
st_wait '新增住户' || st_done
st_keys C-s                    # nothing typed: the address is required
st_wait '地址为必填项' || st_done
st_type '佛山社区3号楼301'
st_keys Tab Tab
st_type '13812345678'
st_keys C-s
st_wait '为 佛山社区3号楼301 添加成员' || st_done
st_type '孙七'
st_keys Tab
st_type '370923199003070038'
st_keys C-s
st_wait '孙七 已保存' || st_done
st_expect household-zh-added
st_keys Escape
st_wait '共 4 户' || st_done

# A member moves out: date (today) and note asked, the card shows the status.
st_keys End Enter
st_wait '户主：孙七' || st_done
st_keys m
st_wait '孙七 迁出' || st_done
st_keys Enter
st_wait '日期' || st_done
st_keys Enter
st_wait '备注' || st_done
st_type '外出务工'
st_keys Enter
st_wait '已登记' || st_done
st_wait '已迁出'
st_keys H                      # the household's residence history
st_wait '佛山社区3号楼301 的居住变动记录' || st_done
st_wait '迁出 +孙七 +佛山社区3号楼301 ->' || st_done
st_wait '迁入 +孙七 +-> 佛山社区3号楼301 +zhang' || st_done
st_wait '备注：外出务工'
st_keys Escape
st_wait '户主：孙七'
st_keys Q
st_stop

# The same history on screen, its dates fixed so that the dumps do not age.
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$DB" "UPDATE residence_history SET at = '2024-03-0' || (id % 10) || 'T08:00:00Z'" ||
        st_fail "cannot fix the dates"
    st_start --user zhang
    st_wait '工作台' || st_done
    st_keys 2
    st_wait '佛山社区3号楼301' || st_done
    st_keys End Enter
    st_wait '户主：孙七' || st_done
    st_keys H
    st_wait '居住变动记录' || st_done
    st_expect history-zh
    st_keys Down
    st_wait '2024-03-0[0-9]T08:00:00Z 迁入'
    st_expect history-zh-moved-in
    st_keys Q
    st_stop
fi

# English, a village secretary (vi keymap): grids first, then the ledger.
st_start --user secretary --lang en
st_wait 'Home' || st_done
st_keys 2
st_wait 'School grid' || st_done
st_keys Enter
st_wait 'Address' || st_done
st_expect ledger-en
st_keys j Enter
st_wait 'Head: ' || st_done
st_expect household-en
if command -v sqlite3 >/dev/null 2>&1; then # the dates were fixed above
    st_keys H
    st_wait 'Residence history of' || st_done
    st_wait 'Moved in'
    st_expect history-en
fi
st_keys Q
st_stop
st_done
