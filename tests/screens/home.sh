# Home screen (工作台) and the help screen, in Chinese and English, 80x24;
# pending and overdue cases per town.
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

# Overdue cases: open ones past their deadline, per town and in all (cases
# have no screen to enter them yet: written into the database directly;
# the deadlines are far in the past or future, so the dump does not age)
if command -v sqlite3 >/dev/null 2>&1; then
    sqlite3 "$DB" "INSERT INTO case_kind (id, code, name, category) VALUES (1, 'k', 'k', 'dispute');
      INSERT INTO \"case\" (number, division_code, kind_id, title, state, deadline) VALUES
        ('c1', '370923001001001', 1, 't', 'dispatched', '2020-01-01T00:00:00Z'),
        ('c2', '370923001001002', 1, 't', 'in_progress', '2021-01-01T00:00:00Z'),
        ('c3', '370923001001001', 1, 't', 'accepted', '2999-01-01T00:00:00Z'),
        ('c4', '370923101201001', 1, 't', 'closed', '2020-01-01T00:00:00Z'),
        ('c5', '370923101201001', 1, 't', 'replied', '2999-01-01T00:00:00Z');" ||
        st_fail "cannot add cases"
    st_start --user admin --lang en
    st_wait 'Home' || st_done
    st_wait '4 pending, 2 of them overdue'
    st_expect home-en-overdue
    st_keys Q
    st_stop
fi
st_done
