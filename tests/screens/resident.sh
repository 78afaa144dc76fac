# Resident form (居民信息): checks at the field (ID check character, sex and
# birth date from the ID and compared with what was typed, phone, required
# fields), nothing typed lost, the audited unmask. Chinese and English.
. "$(dirname "$0")/lib.sh"
st_fixture

st_start --user zhang
st_wait '工作台' || st_done
st_keys 2
st_wait '佛山社区1号楼101' || st_done
st_keys Enter
st_wait '户主：张三' || st_done
st_keys a
st_wait '为 佛山社区1号楼101 添加成员' || st_done
st_type '张小花'
st_keys Tab
st_type '370923201005060024'       # the check character should be 8
st_keys Tab
st_wait '校验位应为 8，而不是 4' || st_done
st_expect resident-zh-badid        # message at the field, the number kept
st_keys BTab C-u
st_type '370923201005060028'
st_keys Tab                        # sex and birth date come from the number
st_wait '2010-05-06' || st_done
st_expect resident-zh-filled
st_keys Enter
st_type '男'
st_keys Enter                      # a man's sex for a woman's number
st_wait '身份证号属于女性' || st_done
st_keys Enter
st_type '女'
st_keys Enter Tab
st_keys C-u
st_type '2010-05-07'
st_keys Tab
st_wait '身份证号显示出生日期为 2010-05-06，而不是 2010-05-07' || st_done
st_keys BTab C-u
st_type '2010-05-06'
st_keys Tab Tab Tab
st_type '1381234567'               # ten digits
st_keys Tab
st_wait '手机号应为11位，这里有 10 位' || st_done
st_keys C-s                        # relation is required, phone still wrong
st_wait '与户主关系为必填项' || st_done
st_expect resident-zh-required
st_keys Enter
st_type '子女'
st_keys Enter Tab Tab
st_type '8'
st_keys C-s
st_wait '张小花 已保存' || st_done
st_keys Down Enter                 # edit the new member: numbers masked
st_wait '370923\*\*\*\*\*\*\*\*0028' || st_done
st_keys C-v                        # unmask (audited)
st_wait '370923201005060028' || st_done
st_wait '13812345678'
st_expect resident-zh-unmasked
st_keys Escape
st_wait '户主：张三'
st_keys Q
st_stop

# English: the same checks speak English.
st_start --user zhang --lang en
st_wait 'Home' || st_done
st_keys 2 Enter
st_wait 'Head: ' || st_done
st_keys a
st_wait 'A new member of' || st_done
st_keys Tab
st_type '37092320100506002'
st_keys Tab
st_wait 'has 17' || st_done      # the message wraps before it
st_keys C-s
st_wait 'Name is required|Name\* is required|is required' || st_done
st_expect resident-en-errors
st_keys Escape
st_wait 'Discard' || st_done
st_keys y
st_wait 'Head: '
st_keys Q
st_stop
st_done
