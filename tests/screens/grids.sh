# Grids screen (网格): the hierarchy under the user's scope, drill down and
# back, counts, kinds, staff; a grid opens its ledger. Chinese and English.
. "$(dirname "$0")/lib.sh"
st_fixture

# Chinese, county administrator: towns, then a town's communities, then a
# community's grids (a grid's buildings would be listed under it).
st_start --user admin
st_wait '工作台' || st_done
st_keys 1
st_wait '东平街道' || st_done
st_expect grids-zh-county
st_keys Enter
st_wait '佛山社区' || st_done
st_keys Enter
st_wait '东平实验小学网格' || st_done
st_expect grids-zh-village
st_keys Down                   # the school grid: a dedicated, urban grid
st_wait '学校专属网格，城市'
st_keys Enter                  # a grid opens its ledger
st_wait '户数|户主' || st_done
st_keys Escape
st_wait '东平实验小学网格'
st_keys Escape Escape           # back up two levels
st_wait '接山镇'
st_keys Q
st_stop

# English, a village secretary with the vi keymap: l opens, h goes back.
st_start --user secretary --lang en
st_wait 'Home' || st_done
st_keys 1
st_wait 'School grid' || st_done
st_expect grids-en
st_keys l
st_wait 'Address' || st_done
st_keys h
st_wait 'School grid'
st_keys Q
st_stop

# The demo county has the whole team: 1+1+1+N and the police officer.
DB="$ST_WORK/demo.db"
"$WANGGE" init --db "$DB" --demo --households 200 --seed 1 >/dev/null 2>&1 ||
    { st_fail "cannot create the demo county"; st_done; }
st_start --user secretary --lang en
st_wait 'Home' || st_done
st_keys 1
st_wait 'Grid leader: ' || st_done
st_wait 'Full-time worker: '
st_wait 'Part-time workers \([0-9]+\): '
st_wait 'Community police: '
st_keys Q
st_stop
st_done
