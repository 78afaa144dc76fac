#include "ssh/relay.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/log.h"
#include "util/strbuf.h"
#include "util/transcode.h"
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
    /* Converted output the window did not take yet (from out_at on). While
     * any is left the source is not read: the UI waits, as without
     * conversion. */
    strbuf out;
    size_t out_at;
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
    /* Conversion for a client whose terminal is not UTF-8 (else NULL). */
    struct transcode *enc, *dec; /* UTF-8 -> client, client -> UTF-8 */
    char charset[16];
    char *tag;
    strbuf conv;
    uint64_t bad_out, bad_in;
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
    strbuf_init(&e->out);
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
    strbuf_init(&r->conv);
    return r;
}

void relay_free(struct relay *r)
{
    if (!r) return;
    for (int i = 0; i < r->nent; i++) {
        if (r->ent[i].polled) ssh_event_remove_fd(r->event, r->ent[i].fd);
        if (r->ent[i].fd >= 0) close(r->ent[i].fd);
        strbuf_free(&r->ent[i].out);
    }
    transcode_free(r->enc);
    transcode_free(r->dec);
    strbuf_free(&r->conv);
    free(r->tag);
    free(r->inbuf);
    free(r);
}

int relay_set_charset(struct relay *r, const char *charset, const char *tag, wg_err *e)
{
    r->enc = transcode_new(charset, "UTF-8", e);
    r->dec = r->enc ? transcode_new("UTF-8", charset, e) : NULL;
    if (!r->dec) {
        transcode_free(r->enc);
        r->enc = NULL;
        return -1;
    }
    snprintf(r->charset, sizeof r->charset, "%s", charset);
    r->tag = xstrdup(tag);
    return 0;
}

/* Invalid bytes are logged once per direction: a client stuck in the wrong
 * encoding would otherwise fill the log at every keystroke. */
static void note_invalid(struct relay *r, uint64_t *count, size_t bad, const char *dir)
{
    if (!bad) return;
    if (*count == 0)
        log_msg(LOG_WARN,
                "transcode %s charset=%s dir=%s result=invalid note=\"replaced by '?', "
                "logged once\"",
                r->tag, r->charset, dir);
    *count += bad;
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

/* Client input converted to UTF-8 into inbuf; returns the bytes taken. A
 * client byte becomes at most 2 UTF-8 bytes (a 2-byte GB18030 character
 * becomes 3; a held partial character adds at most a few), so only what
 * surely fits is taken. */
static size_t take_converted(struct relay *r, const char *data, size_t len)
{
    size_t room = INBUF_CAP - r->inlen;
    if (room < 2 * TRANSCODE_MAX_TAIL + 2) return 0;
    size_t take = (room - 2 * TRANSCODE_MAX_TAIL) / 2;
    if (take > len) take = len;
    strbuf_reset(&r->conv);
    note_invalid(r, &r->bad_in, transcode_feed(r->dec, data, take, &r->conv), "from-client");
    if (r->conv.len > room) abort(); /* the bound above is wrong */
    memcpy(r->inbuf + r->inlen, r->conv.s, r->conv.len);
    r->inlen += r->conv.len;
    return take;
}

uint32_t relay_from_channel(struct relay *r, const void *data, uint32_t len)
{
    r->from_client += len;
    if (r->sink < 0 || r->sink_dead) return len; /* nobody reads: discard */
    if (r->dec) {
        size_t took = take_converted(r, data, len);
        flush_input(r);
        if (took < len && r->inlen < INBUF_CAP / 2)
            took += take_converted(r, (const char *)data + took, len - took);
        flush_input(r);
        r->from_client -= len - took;
        return (uint32_t)took;
    }
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

/* Send what is waiting in e->out, as far as the window allows. 1 when
 * nothing is left. */
static int send_pending(struct relay *r, struct ent *e)
{
    while (e->out_at < e->out.len) {
        if (!can_send(r)) return 0;
        size_t n = e->out.len - e->out_at, win = ssh_channel_window_size(r->channel);
        if (n > win) n = win;
        if (n > CHUNK) n = CHUNK;
        const char *p = e->out.s + e->out_at;
        int w = e->is_stderr ? ssh_channel_write_stderr(r->channel, p, (uint32_t)n)
                             : ssh_channel_write(r->channel, p, (uint32_t)n);
        if (w == SSH_ERROR) {
            r->failed = 1;
            return 0;
        }
        if (w <= 0) return 0;
        e->out_at += (size_t)w;
        r->to_client += (uint64_t)w;
    }
    strbuf_reset(&e->out);
    e->out_at = 0;
    return 1;
}

static void read_source(struct relay *r, struct ent *e)
{
    char buf[CHUNK];
    while (!e->source_eof && send_pending(r, e) && can_send(r)) {
        size_t want = ssh_channel_window_size(r->channel);
        if (want > sizeof buf) want = sizeof buf;
        ssize_t n = read(e->fd, buf, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        if (n <= 0) {
            /* 0 from a pipe, EIO from a pty master whose slave side closed. */
            e->source_eof = 1;
            if (r->enc)
                note_invalid(r, &r->bad_out, transcode_finish(r->enc, &e->out), "to-client");
            send_pending(r, e);
            return;
        }
        if (r->enc)
            note_invalid(r, &r->bad_out, transcode_feed(r->enc, buf, (size_t)n, &e->out),
                         "to-client");
        else
            strbuf_add(&e->out, buf, (size_t)n);
        send_pending(r, e);
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
    for (int i = 0; i < r->nent; i++) {
        struct ent *e = &r->ent[i];
        /* The window may have opened in the last poll. */
        if (e->is_source && e->out_at < e->out.len) send_pending(r, e);
    }
    int send_ok = can_send(r);
    for (int i = 0; i < r->nent; i++) {
        struct ent *e = &r->ent[i];
        if (e->fd < 0) continue;
        short want = 0;
        if (e->is_source && !e->source_eof && send_ok && e->out_at == e->out.len) want |= POLLIN;
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
        if (r->ent[i].is_source &&
            (!r->ent[i].source_eof || (r->ent[i].out_at < r->ent[i].out.len && !r->failed)))
            return 1;
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

void relay_invalid_counts(const struct relay *r, uint64_t *to_client, uint64_t *from_client)
{
    *to_client = r->bad_out;
    *from_client = r->bad_in;
}
