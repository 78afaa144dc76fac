# The audit log viewer: newest first, a row's before/after JSON with the
# changed lines marked, filters (user, dates checked at the field), in
# English and Chinese at 80x24. Times change from run to run, so they are
# masked before comparing.
. "$(dirname "$0")/lib.sh"
st_fixture

au_expect() {
    want="$ST_DIR/expected/$1.txt"
    st_settle
    st_screen | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+Z)?/YYYY-MM-DD hh:mm:ss/g' \
        >"$ST_WORK/$1.txt"
    if [ -n "${WANGGE_UPDATE_EXPECTED:-}" ]; then
        cp "$ST_WORK/$1.txt" "$want"
        echo "updated $want"
    elif ! diff -u "$want" "$ST_WORK/$1.txt" >&2; then
        st_fail "screen $1 differs from expected/$1.txt"
    fi
}

st_start --user admin --lang en
st_wait 'Home' || st_done
st_keys 5 1                    # lock zhang: an audited change by admin
st_wait 'secretary'
st_type 'z'
st_keys Enter
st_type '5'
st_keys Enter
st_wait 'cannot log in'
st_keys y
st_wait 'zhang is locked'
st_keys q 7
st_wait 'Audit log'
au_expect audit-en
st_keys Enter
st_wait 'Before'
au_expect audit-row-en
st_keys q f
st_wait 'Filter the audit log'
st_type 'nobody'
st_keys C-s
st_wait 'No audit rows match'
au_expect audit-filter-en
st_keys f C-u Tab Tab Tab
st_type '2024-02-30'
st_keys Tab
st_type '2024-01-01'
st_keys C-s                    # no such date; the end before the start
au_expect audit-filter-bad-en
st_keys Escape y Q
st_stop

st_start --user admin
st_wait '工作台' || st_done
st_keys 5 7
st_wait '审计日志'
st_keys Enter
st_wait '修改前'
au_expect audit-row-zh
st_keys Q
st_stop
st_done
