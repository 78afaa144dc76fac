/* One SSH connection, in its own process forked by the listener: key
 * exchange, authentication against the database, the channel policy, and the
 * relay between the client and the UI (or a command). */
#ifndef WANGGE_SSH_SESSION_H
#define WANGGE_SSH_SESSION_H

#include <libssh/server.h>

struct session_cfg {
    const char *db;
    int grace; /* seconds allowed from connect to authenticated */
};

/* Serve the accepted socket fd until the connection ends. bind supplies the
 * host key and is freed here. notify_fd receives one byte when the user has
 * authenticated (the listener stops counting the connection against its
 * pre-authentication limits) and is closed. Returns the process exit status. */
int session_run(int fd, ssh_bind bind, const struct session_cfg *cfg, const char *addr,
                int notify_fd);

#endif
