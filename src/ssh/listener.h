/* The listening process of `wangge serve`: accepts connections and forks one
 * session process for each, before any key exchange, so that no two users
 * ever share a process, a libssh session or a database connection. */
#ifndef WANGGE_SSH_LISTENER_H
#define WANGGE_SSH_LISTENER_H

#include <libssh/server.h>

#include "util/err.h"

struct listener_cfg {
    const char *db;
    const char *listen; /* "ADDR:PORT", "[ADDR]:PORT" for IPv6 */
    int grace;          /* seconds from connect to authenticated */
    int max_startups;   /* unauthenticated connections, in total */
    int per_source;     /* unauthenticated connections from one address */
};

/* Open the listening socket (backlog 512). -1 and *e on failure. */
int listener_open(const char *listen, wg_err *e);

/* Serve until SIGTERM or SIGINT, then stop accepting, ask every session to
 * end and wait for them briefly. bind carries the host key; the listener
 * owns it and fd. Returns 0 after a clean stop. */
int listener_run(int fd, ssh_bind bind, const struct listener_cfg *cfg);

#endif
