/* Roles and what each may do. Pure: no SQL, no ncurses. */
#ifndef WANGGE_DOMAIN_ROLE_H
#define WANGGE_DOMAIN_ROLE_H

enum role {
    ROLE_ADMIN,     /* county administrator: users, grids, rules */
    ROLE_CENTRE,    /* governance-centre dispatcher */
    ROLE_TOWN,      /* town/street officer */
    ROLE_SECRETARY, /* village/community secretary */
    ROLE_LEADER,    /* grid leader */
    ROLE_WORKER,    /* grid worker (full- or part-time) */
    ROLE_HANDLER,   /* department handler */
    ROLE_COUNT
};

/* "admin", "centre", ... as stored in user.role; NULL for an invalid role. */
const char *role_name(enum role r);
/* English label for display (translate with _() in ui). */
const char *role_label(enum role r);
/* Parse a stored name; returns -1 if unknown. */
int role_parse(const char *name);

/* May this role see full ID and phone numbers (after an audited unmask)? */
int role_may_unmask(enum role r);
/* May this role manage users, grids, departments, tags and rules? */
int role_may_administer(enum role r);
/* May this role change the resident and household ledgers? */
int role_may_edit_ledger(enum role r);

#endif
