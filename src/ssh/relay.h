/* Moving bytes between an SSH channel and local descriptors (a pty master, or
 * a command's pipes) without ever blocking the session process.
 *
 * Output (descriptor -> channel) is read only when it can be sent at once:
 * the channel window is open and libssh has nothing left unsent on the socket.
 * Otherwise the descriptor is not polled, the kernel's pty or pipe buffer
 * fills, and the writer (the UI) waits: a slow client slows its own UI and
 * nothing else. Input (channel -> descriptor) is written non-blocking with a
 * bounded buffer for what the descriptor does not take at once.
 *
 * With a terminal encoding other than UTF-8 (a GB18030 client), output is
 * converted from UTF-8 and input to UTF-8 on the way through. A converted
 * read may be longer than the window that allowed it: the excess waits in
 * the relay, and the descriptor is not read again until it has gone. */
#ifndef WANGGE_SSH_RELAY_H
#define WANGGE_SSH_RELAY_H

#include <stdint.h>

#include <libssh/libssh.h>

#include "util/err.h"

struct relay;

struct relay *relay_new(ssh_session session, ssh_channel channel, ssh_event event);
/* Stops polling and closes every descriptor the relay was given. */
void relay_free(struct relay *r);

/* fd's output goes to the channel, as data or as extended (stderr) data.
 * The relay owns fd and makes it non-blocking. */
void relay_add_source(struct relay *r, int fd, int is_stderr);
/* Channel data goes to fd (which may also be a source: a pty master). */
void relay_set_sink(struct relay *r, int fd, int close_on_eof);

/* Convert between UTF-8 (the descriptors) and charset (the client). tag
 * ("user=... addr=...") heads the log records. 0, or -1 and *e. */
int relay_set_charset(struct relay *r, const char *charset, const char *tag, wg_err *e);

/* For the channel's data callback: takes what it can, returns the count. */
uint32_t relay_from_channel(struct relay *r, const void *data, uint32_t len);
/* The client sent EOF: a pipe sink is closed once its buffer is written. */
void relay_channel_eof(struct relay *r);

/* Recompute which descriptors to poll for what. Call before every
 * ssh_event_dopoll: the window and libssh's pending output change there. */
void relay_update(struct relay *r);

/* 1 while a source may still produce output, or its output is still
 * waiting for the channel window. */
int relay_sources_open(const struct relay *r);
/* 1 if writing to the channel failed (the session is gone). */
int relay_failed(const struct relay *r);
/* Bytes relayed so far, each way (for the logout record). */
void relay_counts(const struct relay *r, uint64_t *to_client, uint64_t *from_client);
/* Bytes replaced by '?' in conversion so far, each way. */
void relay_invalid_counts(const struct relay *r, uint64_t *to_client, uint64_t *from_client);

#endif
