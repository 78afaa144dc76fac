/* Users, their SSH keys and authentication bookkeeping.
 *
 * Authentication functions act as the system (the user is not known yet) and
 * write their own audit rows; the management functions (add, lock, key, ...)
 * require the acting user to be a county administrator, or the system. */
#ifndef WANGGE_STORE_USER_H
#define WANGGE_STORE_USER_H

#include <stdint.h>

#include "store/store.h"

struct user_rec {
    int64_t id;
    char name[33];
    char display_name[64];
    enum role role;
    char scope[19];
    int64_t department_id; /* 0: none */
    char department[64];   /* department name, filled by user_get/user_list */
    char phone[24];
    int locked;
    int failed_attempts;
    char locked_until[32]; /* temporary lock, ISO UTC, or "" */
    char last_login_at[32];
    char keymap[32];
    char language[8];  /* zh_CN | en */
    char encoding[16]; /* UTF-8 | GB18030 */
};

enum user_auth {
    USER_AUTH_OK,
    USER_AUTH_BAD,         /* wrong password or unknown key (failure counted) */
    USER_AUTH_NO_USER,     /* no such user (same answer to the client as BAD) */
    USER_AUTH_LOCKED,      /* locked by an administrator */
    USER_AUTH_TEMP_LOCKED, /* too many failures: locked until locked_until */
    USER_AUTH_ERROR,       /* database trouble; *e says what */
};

/* Failed attempts before a temporary lock, and its length. */
#define USER_MAX_FAILURES      5
#define USER_TEMP_LOCK_MINUTES 15

int user_get(store *s, const char *name, struct user_rec *out, wg_err *e);
/* Add a user; password may be NULL (key-only account). Admin or system only.
 * field (may be NULL) receives the bad field's name: "name", "role", "scope",
 * "department_id", "phone" or "password". */
int user_add(store *s, const struct user_rec *u, const char *password, const char **field,
             wg_err *e);
int user_set_password(store *s, const char *name, const char *password, wg_err *e);
int user_set_locked(store *s, const char *name, int locked, wg_err *e);
/* Update role, scope, department, display name, phone (admin); the user is
 * u->name. field as for user_add ("name": no such user). */
int user_update(store *s, const struct user_rec *u, const char **field, wg_err *e);
/* The user's own settings: keymap, language, encoding (the actor themselves). */
int user_set_prefs(store *s, const char *name, const char *keymap, const char *language,
                   const char *encoding, wg_err *e);
/* Parse one OpenSSH authorized_keys line ("[options] type base64 [comment]")
 * and store it for the user. Returns 0; -1 with *e for a malformed line. */
int user_key_add(store *s, const char *name, const char *line, wg_err *e);
/* Number of keys of the user; fills up to max "type fingerprint comment" lines. */
int user_key_list(store *s, const char *name, char (*lines)[256], int max, wg_err *e);
/* Users visible to the actor (admin: all; others: themselves), by name. */
int user_list(store *s, struct user_rec *out, int max, wg_err *e);

/* Check a password for a login. Counts failures, sets the temporary lock after
 * USER_MAX_FAILURES, clears the count on success, rehashes when the hashing
 * parameters changed, records the login time and writes the audit row (method
 * "password", remote address from the actor). *failures receives the count of
 * consecutive failures after this attempt (for growing delays). */
enum user_auth user_auth_password(store *s, const char *name, const char *password, int *failures,
                                  wg_err *e);
/* Is this public key (type and base64 blob, as in authorized_keys) one of the
 * user's, and may the user log in? Audited like user_auth_password when
 * `final` is set (the signature has been verified); a mere probe (final = 0)
 * changes nothing. */
enum user_auth user_auth_key(store *s, const char *name, const char *type, const char *blob,
                             int final, wg_err *e);
/* Record a logout (audit row). */
int user_logout(store *s, const char *name, wg_err *e);

#endif
