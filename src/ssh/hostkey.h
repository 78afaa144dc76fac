/* The server's host key: an ed25519 key in an OpenSSH private key file,
 * generated on first start. */
#ifndef WANGGE_SSH_HOSTKEY_H
#define WANGGE_SSH_HOSTKEY_H

#include <stddef.h>

#include <libssh/libssh.h>

#include "util/err.h"

/* Load the key at path, or create it (mode 0600) when the file does not exist;
 * *created tells which. NULL and *e on failure (unreadable, not a private key,
 * too open permissions). */
ssh_key hostkey_load(const char *path, int *created, wg_err *e);

/* The key's "SHA256:..." fingerprint, as `ssh-keygen -l` prints it. */
int hostkey_fingerprint(ssh_key key, char *out, size_t size, wg_err *e);

#endif
