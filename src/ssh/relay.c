#include "ssh/relay.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/xalloc.h"

/* Client input not yet taken by the descriptor. Keystrokes are tiny; this only
 * fills when a paste arrives faster than the UI reads it. */
#define INBUF_CAP 65536
/* Most read at once from a source; also bounded by the channel window. */
#define CHUNK 32768

struct ent {
    int fd;
    int is_source, source_eof, is_stderr;
    int is_sink;
    short polled; /* events currently registered with the ssh_event; 0: none */
};

struct relay {
    ssh_session session;
    ssh_channel channel;
    ssh_event event;
    struct ent ent[3];
    int nent;
    int sink; /* index into ent, or -1 */
    int sink_dead, sink_close_on_eof, client_eof;
    char *inbuf;
    size_t inlen;
    int failed;
    uint64_t to_client, from_client;
};

static void set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

static struct ent *ent_for(struct relay *r, int fd)
{
    for (int i = 0; i < r->nent; i++)
        if (r->ent[i].fd == fd) return &r->ent[i];
    if (r->nent == (int)(sizeof r->ent / sizeof r->ent[0])) abort();
    struct ent *e = &r->ent[r->nent++];
    memset(e, 0, sizeof *e);
    e->fd = fd;
    set_nonblock(fd);
    return e;
}

struct relay *relay_new(ssh_session session, ssh_channel channel, ssh_event event)
{
    struct relay *r = xcalloc(1, sizeof *r);
    r->session = session;
    r->channel = channel;
    r->event = event;
    r->sink = -1;
    r->inbuf = xmalloc(INBUF_CAP);
    return r;
}

void relay_free(struct relay *r)
{
    if (!r) return;
    for (int i = 0; i < r->nent; i++) {
        if (r->ent[i].polled) ssh_event_remove_fd(r->event, r->ent[i].fd);
        if (r->ent[i].fd >= 0) close(r->ent[i].fd);
    }
    free(r->inbuf);
    free(r);
}

void relay_add_source(struct relay *r, int fd, int is_stderr)
{
    struct ent *e = ent_for(r, fd);
    e->is_source = 1;
    e->is_stderr = is_stderr;
}

void relay_set_sink(struct relay *r, int fd, int close_on_eof)
{
    struct ent *e = ent_for(r, fd);
    e->is_sink = 1;
    r->sink = (int)(e - r->ent);
    r->sink_close_on_eof = close_on_eof;
}

static int can_send(struct relay *r)
{
    return !r->failed && ssh_channel_is_open(r->channel) &&
           ssh_channel_window_size(r->channel) > 0 &&
           !(ssh_get_poll_flags(r->session) & SSH_WRITE_PENDING);
}

/* A pipe sink is closed (the command sees end of input); a pty master stays
 * open because it is also the source of the screen. */
static void sink_finish(struct relay *r)
{
    struct ent *e = &r->ent[r->sink];
    r->sink_dead = 1;
    r->inlen = 0;
    if (r->sink_close_on_eof && !e->is_source && e->fd >= 0) {
        if (e->polled) ssh_event_remove_fd(r->event, e->fd);
        e->polled = 0;
        close(e->fd);
        e->fd = -1;
    }
}

static void flush_input(struct relay *r)
{
    if (r->sink < 0 || r->sink_dead) return;
    int fd = r->ent[r->sink].fd;
    while (r->inlen > 0) {
        ssize_t n = write(fd, r->inbuf, r->inlen);
        if (n > 0) {
            memmove(r->inbuf, r->inbuf + n, r->inlen - (size_t)n);
            r->inlen -= (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        } else {
            /* The reader is gone (EPIPE, or EIO from a pty whose UI exited). */
            sink_finish(r);
            return;
        }
    }
    if (r->client_eof && r->sink_close_on_eof) sink_finish(r);
}

uint32_t relay_from_channel(struct relay *r, const void *data, uint32_t len)
{
    r->from_client += len;
    if (r->sink < 0 || r->sink_dead) return len; /* nobody reads: discard */
    size_t take = len;
    if (take > INBUF_CAP - r->inlen) take = INBUF_CAP - r->inlen;
    memcpy(r->inbuf + r->inlen, data, take);
    r->inlen += take;
    flush_input(r);
    /* What is not taken stays in libssh's channel buffer and comes back with
     * the next data callback. */
    r->from_client -= len - take;
    return (uint32_t)take;
}

void relay_channel_eof(struct relay *r)
{
    r->client_eof = 1;
    if (r->sink >= 0 && !r->sink_dead && r->inlen == 0 && r->sink_close_on_eof) sink_finish(r);
}

static void read_source(struct relay *r, struct ent *e)
{
    char buf[CHUNK];
    while (!e->source_eof && can_send(r)) {
        size_t want = ssh_channel_window_size(r->channel);
        if (want > sizeof buf) want = sizeof buf;
        ssize_t n = read(e->fd, buf, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n <= 0) {
            /* 0 from a pipe, EIO from a pty master whose slave side closed. */
            e->source_eof = 1;
            return;
        }
        int w = e->is_stderr ? ssh_channel_write_stderr(r->channel, buf, (uint32_t)n)
                             : ssh_channel_write(r->channel, buf, (uint32_t)n);
        if (w == SSH_ERROR) {
            r->failed = 1;
            return;
        }
        r->to_client += (uint64_t)n;
        if ((size_t)n < want) return; /* drained for now */
    }
}

/* Returning 0 keeps the descriptor in the poll set; removal is ours
 * (a negative return would make libssh drop it silently). */
static int on_fd(socket_t fd, int revents, void *userdata)
{
    struct relay *r = userdata;
    struct ent *e = NULL;
    for (int i = 0; i < r->nent; i++)
        if (r->ent[i].fd == fd) e = &r->ent[i];
    if (!e) return 0;
    if (e->is_sink && (revents & (POLLOUT | POLLERR | POLLHUP))) flush_input(r);
    if (e->is_source && (revents & (POLLIN | POLLHUP | POLLERR))) read_source(r, e);
    return 0;
}

void relay_update(struct relay *r)
{
    int send_ok = can_send(r);
    for (int i = 0; i < r->nent; i++) {
        struct ent *e = &r->ent[i];
        if (e->fd < 0) continue;
        short want = 0;
        if (e->is_source && !e->source_eof && send_ok) want |= POLLIN;
        if (e->is_sink && i == r->sink && !r->sink_dead && r->inlen > 0) want |= POLLOUT;
        if (want == e->polled) continue;
        if (e->polled) ssh_event_remove_fd(r->event, e->fd);
        e->polled = 0;
        if (want && ssh_event_add_fd(r->event, e->fd, want, on_fd, r) == SSH_OK) e->polled = want;
    }
}

int relay_sources_open(const struct relay *r)
{
    for (int i = 0; i < r->nent; i++)
        if (r->ent[i].is_source && !r->ent[i].source_eof) return 1;
    return 0;
}

int relay_failed(const struct relay *r)
{
    return r->failed;
}

void relay_counts(const struct relay *r, uint64_t *to_client, uint64_t *from_client)
{
    *to_client = r->to_client;
    *from_client = r->from_client;
}
