#include "ssh/session.h"

#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>

#include "ssh/authcheck.h"
#include "ssh/exec.h"
#include "ssh/pty.h"
#include "ssh/relay.h"
#include "ssh/termenc.h"
#include "util/log.h"

/* Failed password or key attempts before the connection is dropped. */
#define MAX_TRIES 6
/* Longest wait after a failed attempt (the waits double from 1 s). */
#define MAX_DELAY 8
/* Silence before a keepalive request; a link that does not acknowledge data
 * for KEEPALIVE_DROP seconds is cut by the kernel (TCP_USER_TIMEOUT). */
#define KEEPALIVE_INTERVAL 60
#define KEEPALIVE_DROP     180
/* How long a UI gets to finish after SIGHUP before SIGKILL. */
#define CHILD_GRACE_MS 3000

static volatile sig_atomic_t got_alarm, got_term;

static void on_alarm(int sig)
{
    (void)sig;
    got_alarm = 1;
}

static void on_term(int sig)
{
    (void)sig;
    got_term = 1;
}

enum request { REQ_NONE, REQ_SHELL, REQ_EXEC };

struct sess {
    const struct session_cfg *cfg;
    ssh_session s;
    ssh_event ev;
    ssh_channel chan;
    char addr[64];
    char id[33];
    int notify_fd;

    struct authcheck auth;
    char user[33]; /* authenticated user, or the name last tried */
    const char *method;
    int authed, failures, tries;
    struct authcheck_user who; /* the settings of the user who got in */

    int pty;
    char term[64];
    int cols, rows;
    char *env[PTY_MAX_ENV + 1];
    int nenv;
    struct termenc_hint enc_hint; /* what the client's locale says */
    enum request req;
    char *command;

    pid_t child; /* the UI or the command */
    struct pty_ui ui;
    struct relay *relay;
    int chan_eof, chan_closed, hup_sent;
    time_t last_input;
    time_t started;
};

static const char *str_or_dash(const char *s)
{
    return s && *s ? s : "-";
}

/* ---- authentication --------------------------------------------------------- */

static void snooze(int seconds)
{
    struct timespec ts = {.tv_sec = seconds, .tv_nsec = 0};
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR && !got_alarm && !got_term) {
    }
}

static void set_user(struct sess *ss, const char *user)
{
    snprintf(ss->user, sizeof ss->user, "%s", user);
}

static int auth_result(struct sess *ss, const char *user, const char *method, enum user_auth r,
                       const wg_err *e)
{
    set_user(ss, user);
    if (r == USER_AUTH_OK) {
        ss->authed = 1;
        ss->method = method;
        log_msg(LOG_INFO, "login user=%s addr=%s method=%s result=ok session=%s", ss->user,
                ss->addr, method, ss->id);
        return SSH_AUTH_SUCCESS;
    }
    static const char *names[] = {
        [USER_AUTH_BAD] = "bad",       [USER_AUTH_NO_USER] = "no-user",
        [USER_AUTH_LOCKED] = "locked", [USER_AUTH_TEMP_LOCKED] = "temp-locked",
        [USER_AUTH_ERROR] = "error",
    };
    ss->tries++;
    if (r == USER_AUTH_ERROR)
        log_msg(LOG_ERROR, "login user=%s addr=%s method=%s result=error error=\"%s\"", ss->user,
                ss->addr, method, e->msg);
    else
        log_msg(LOG_WARN, "login user=%s addr=%s method=%s result=%s tries=%d", ss->user, ss->addr,
                method, names[r], ss->tries);
    if (r == USER_AUTH_BAD || r == USER_AUTH_NO_USER) {
        /* Growing waits, in this process only: other sessions and accounts
         * are not slowed, a guesser on this connection is. */
        int d = 1 << (ss->tries - 1 < 4 ? ss->tries - 1 : 3);
        snooze(d < MAX_DELAY ? d : MAX_DELAY);
    }
    if (ss->tries >= MAX_TRIES) {
        log_msg(LOG_WARN, "refuse user=%s addr=%s what=auth reason=too-many-failures", ss->user,
                ss->addr);
        ssh_disconnect(ss->s);
    }
    return SSH_AUTH_DENIED;
}

static int on_auth_password(ssh_session s, const char *user, const char *password, void *ud)
{
    struct sess *ss = ud;
    (void)s;
    wg_err e = {{0}};
    enum user_auth r = authcheck_password(&ss->auth, user, password, &ss->who, &e);
    return auth_result(ss, user, "password", r, &e);
}

static int on_auth_pubkey(ssh_session s, const char *user, struct ssh_key_struct *key, char state,
                          void *ud)
{
    struct sess *ss = ud;
    (void)s;
    if (state != SSH_PUBLICKEY_STATE_NONE && state != SSH_PUBLICKEY_STATE_VALID)
        return SSH_AUTH_DENIED;
    const char *type = ssh_key_type_to_char(ssh_key_type(key));
    char *blob = NULL;
    if (!type || ssh_pki_export_pubkey_base64(key, &blob) != SSH_OK) return SSH_AUTH_DENIED;
    wg_err e = {{0}};
    int final = state == SSH_PUBLICKEY_STATE_VALID;
    enum user_auth r = authcheck_key(&ss->auth, user, type, blob, final, &ss->who, &e);
    ssh_string_free_char(blob);
    if (!final) {
        /* A probe: "would this key do?". Clients offer several keys in
         * turn, so a "no" here is not a failure. */
        if (r == USER_AUTH_OK) return SSH_AUTH_SUCCESS;
        if (r == USER_AUTH_LOCKED || r == USER_AUTH_TEMP_LOCKED || r == USER_AUTH_ERROR)
            return auth_result(ss, user, "publickey", r, &e);
        return SSH_AUTH_DENIED;
    }
    return auth_result(ss, user, "publickey", r, &e);
}

/* ---- channel policy --------------------------------------------------------- */

static int on_data(ssh_session s, ssh_channel c, void *data, uint32_t len, int is_stderr, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c, (void)is_stderr;
    ss->last_input = time(NULL);
    if (!ss->relay) return (int)len; /* before shell or exec: nobody to read it */
    return (int)relay_from_channel(ss->relay, data, len);
}

static void on_eof(ssh_session s, ssh_channel c, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    ss->chan_eof = 1;
    if (ss->relay) relay_channel_eof(ss->relay);
}

static void on_close(ssh_session s, ssh_channel c, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    ss->chan_eof = ss->chan_closed = 1;
}

static int on_pty(ssh_session s, ssh_channel c, const char *term, int cols, int rows, int px,
                  int py, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c, (void)px, (void)py;
    if (ss->req != REQ_NONE || ss->pty) return -1;
    ss->pty = 1;
    /* A terminal name is a short word; anything else is not one. */
    size_t n = strspn(term ? term : "", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                        "0123456789-+._");
    snprintf(ss->term, sizeof ss->term, "%.*s", (int)(n < sizeof ss->term ? n : 0), term);
    ss->cols = cols, ss->rows = rows;
    pty_clamp_size(&ss->cols, &ss->rows);
    return 0;
}

static int on_window_change(ssh_session s, ssh_channel c, int cols, int rows, int px, int py,
                            void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c, (void)px, (void)py;
    ss->cols = cols, ss->rows = rows;
    pty_clamp_size(&ss->cols, &ss->rows);
    if (ss->req == REQ_SHELL && ss->child > 0) pty_resize(&ss->ui, ss->cols, ss->rows);
    return 0;
}

static int on_shell(ssh_session s, ssh_channel c, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    if (ss->req != REQ_NONE) return -1;
    ss->req = REQ_SHELL;
    return 0;
}

static int on_exec(ssh_session s, ssh_channel c, const char *command, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    if (ss->req != REQ_NONE) return -1;
    ss->req = REQ_EXEC;
    ss->command = strdup(command ? command : "");
    return ss->command ? 0 : -1;
}

static int env_ok(const char *name, const char *value)
{
    if (strcmp(name, "LANG") != 0 && strncmp(name, "LC_", 3) != 0) return 0;
    if (strlen(name) > 32 || strlen(value) > 64) return 0;
    /* Locale names only ("zh_CN.UTF-8", "C", "en_US.utf8@euro"). */
    return name[strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_")] == '\0' &&
           value[strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789_.-@")] == '\0';
}

static int on_env(ssh_session s, ssh_channel c, const char *name, const char *value, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    /* One slot stays free for the line-drawing variable of GB18030 sessions. */
    if (!env_ok(name, value) || ss->nenv == PTY_MAX_ENV - 1 || ss->req != REQ_NONE) {
        log_msg(LOG_INFO, "refuse user=%s addr=%s what=env name=%.32s", ss->user, ss->addr, name);
        return -1;
    }
    /* The screens run in UTF-8 whatever the client's terminal speaks. */
    char utf8[80];
    termenc_note(&ss->enc_hint, name, value, utf8, sizeof utf8);
    char *kv = malloc(strlen(name) + strlen(utf8) + 2);
    if (!kv) return -1;
    sprintf(kv, "%s=%s", name, utf8);
    ss->env[ss->nenv++] = kv;
    return 0;
}

/* OpenSSH asks for agent forwarding without wanting a reply, and libssh 0.10
 * passes the request only to this callback. Nothing needs refusing beyond
 * logging: an agent is only reachable through channels that the server opens,
 * and this one never does. */
static void on_agent(ssh_session s, ssh_channel c, void *ud)
{
    struct sess *ss = ud;
    (void)s, (void)c;
    log_msg(LOG_INFO, "refuse user=%s addr=%s what=agent", ss->user, ss->addr);
}

static struct ssh_channel_callbacks_struct channel_cb = {
    .channel_data_function = on_data,
    .channel_eof_function = on_eof,
    .channel_close_function = on_close,
    .channel_pty_request_function = on_pty,
    .channel_shell_request_function = on_shell,
    .channel_pty_window_change_function = on_window_change,
    .channel_exec_request_function = on_exec,
    .channel_env_request_function = on_env,
    .channel_auth_agent_req_function = on_agent,
    /* No subsystem or X11 callbacks: those requests reach on_message and get
     * libssh's default answer, a refusal. */
};

static ssh_channel on_channel_open(ssh_session s, void *ud)
{
    struct sess *ss = ud;
    if (ss->chan) {
        log_msg(LOG_INFO, "refuse user=%s addr=%s what=second-session", ss->user, ss->addr);
        return NULL;
    }
    ss->chan = ssh_channel_new(s);
    if (!ss->chan) return NULL;
    channel_cb.userdata = ss;
    ssh_callbacks_init(&channel_cb);
    ssh_set_channel_callbacks(ss->chan, &channel_cb);
    return ss->chan;
}

/* Everything the callbacks above do not take: log the refusals worth knowing
 * about, and let libssh refuse (return 1: "reply with the default"). */
static int on_message(ssh_session s, ssh_message m, void *ud)
{
    struct sess *ss = ud;
    (void)s;
    int type = ssh_message_type(m), sub = ssh_message_subtype(m);
    const char *what = NULL;
    if (type == SSH_REQUEST_CHANNEL_OPEN) {
        what = sub == SSH_CHANNEL_DIRECT_TCPIP      ? "direct-tcpip"
               : sub == SSH_CHANNEL_FORWARDED_TCPIP ? "forwarded-tcpip"
               : sub == SSH_CHANNEL_X11             ? "x11-channel"
               : sub == SSH_CHANNEL_AUTH_AGENT      ? "agent-channel"
               : sub == SSH_CHANNEL_SESSION         ? NULL /* logged by on_channel_open */
                                                    : "channel";
    } else if (type == SSH_REQUEST_GLOBAL) {
        what = sub == SSH_GLOBAL_REQUEST_TCPIP_FORWARD          ? "tcpip-forward"
               : sub == SSH_GLOBAL_REQUEST_CANCEL_TCPIP_FORWARD ? "cancel-tcpip-forward"
                                                                : NULL; /* keepalives */
    } else if (type == SSH_REQUEST_CHANNEL) {
        if (sub == SSH_CHANNEL_REQUEST_SUBSYSTEM) {
            log_msg(LOG_INFO, "refuse user=%s addr=%s what=subsystem name=%.32s", ss->user,
                    ss->addr, str_or_dash(ssh_message_channel_request_subsystem(m)));
            return 1;
        }
        what = sub == SSH_CHANNEL_REQUEST_X11 ? "x11" : "channel-request";
    }
    if (what) log_msg(LOG_INFO, "refuse user=%s addr=%s what=%s", ss->user, ss->addr, what);
    return 1;
}

/* ---- the child: UI or command ---------------------------------------------------- */

/* A terminal that does not speak UTF-8 gets its screens converted. Commands
 * (exec) are not: their output is data (CSV, spreadsheets) for programs.
 * Returns 1 when the screens' output is converted. */
static int set_charset(struct sess *ss)
{
    const char *why;
    const char *cs = termenc_choose(&ss->enc_hint, ss->who.encoding, &why);
    if (!cs) return 0;
    char tag[160];
    snprintf(tag, sizeof tag, "user=%s addr=%s session=%s", ss->user, ss->addr, ss->id);
    wg_err e = {{0}};
    if (relay_set_charset(ss->relay, cs, tag, &e) != 0) {
        /* Screens in the wrong charset are unreadable but harmless; a user
         * locked out is worse. */
        log_msg(LOG_ERROR, "encoding %s charset=%s from=%s result=error error=\"%s\"", tag, cs, why,
                e.msg);
        return 0;
    }
    log_msg(LOG_INFO, "encoding %s charset=%s from=%s", tag, cs, why);
    return 1;
}

static int start_child(struct sess *ss)
{
    wg_err e = {{0}};
    const char *env[PTY_MAX_ENV + 1] = {0};
    int n = 0;
    for (; n < ss->nenv; n++) env[n] = ss->env[n];
    ss->relay = relay_new(ss->s, ss->chan, ss->ev);
    if (ss->req == REQ_SHELL) {
        /* A GBK terminal draws the Unicode box characters (U+2500...) two
         * columns wide while ncurses counts one, and every border shifts the
         * rest of its line. The terminal's own DEC line-drawing set is one
         * column everywhere. ncurses uses the box characters instead when
         * the terminal description says line drawing is ignored in UTF-8
         * (U8#1: screen, tmux, putty, linux); such a terminal is not in
         * UTF-8 now, and 0 tells ncurses so. */
        if (set_charset(ss)) env[n++] = "NCURSES_NO_UTF8_ACS=0";
        struct pty_opts o = {
            .term = ss->term,
            .cols = ss->cols,
            .rows = ss->rows,
            .db = ss->cfg->db,
            .user = ss->user,
            .session = ss->id,
            .remote = ss->addr,
            .log_fd = 2,
        };
        memcpy(o.env, env, sizeof env);
        if (pty_spawn(&ss->ui, &o, &e) != 0) goto fail;
        ss->child = ss->ui.pid;
        relay_add_source(ss->relay, ss->ui.master, 0);
        relay_set_sink(ss->relay, ss->ui.master, 0);
    } else {
        struct exec_opts o = {
            .command = ss->command,
            .env = env,
            .db = ss->cfg->db,
            .user = ss->user,
            .session = ss->id,
            .remote = ss->addr,
            .log_fd = 2,
        };
        struct exec_child x;
        if (exec_spawn(&x, &o, &e) != 0) goto fail;
        ss->child = x.pid;
        relay_add_source(ss->relay, x.out, 0);
        relay_add_source(ss->relay, x.err, 1);
        relay_set_sink(ss->relay, x.in, 1);
    }
    if (ss->chan_eof) relay_channel_eof(ss->relay);
    return 0;
fail:
    log_msg(LOG_ERROR, "session user=%s addr=%s error=\"%s\"", ss->user, ss->addr, e.msg);
    return -1;
}

/* Wait for the child, giving it CHILD_GRACE_MS after the hangup. */
static int reap_child(struct sess *ss, int *status)
{
    for (int waited = 0;; waited += 20) {
        pid_t r = waitpid(ss->child, status, WNOHANG);
        if (r == ss->child) return 0;
        if (r < 0 && errno != EINTR) return -1;
        if (waited == CHILD_GRACE_MS) {
            log_msg(LOG_WARN, "session user=%s addr=%s child=%ld killed", ss->user, ss->addr,
                    (long)ss->child);
            kill(-ss->child, SIGKILL);
            kill(ss->child, SIGKILL);
        }
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
}

static void hangup(struct sess *ss)
{
    if (ss->hup_sent || ss->child <= 0) return;
    ss->hup_sent = 1;
    /* A pty cannot be half-closed: the UI learns that its user has gone from
     * SIGHUP, as it would from a terminal line hanging up. */
    if (ss->req == REQ_SHELL)
        pty_signal(&ss->ui, SIGHUP);
    else
        kill(-ss->child, SIGHUP);
}

static int session_gone(struct sess *ss)
{
    return (ssh_get_status(ss->s) & (SSH_CLOSED | SSH_CLOSED_ERROR)) != 0 ||
           !ssh_is_connected(ss->s);
}

/* Write what is still buffered to the client, for at most ms milliseconds. */
static void drain(struct sess *ss, int ms)
{
    struct timespec t0, t;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while ((ssh_get_poll_flags(ss->s) & SSH_WRITE_PENDING) && !session_gone(ss)) {
        clock_gettime(CLOCK_MONOTONIC, &t);
        long el = (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
        if (el >= ms) break;
        ssh_event_dopoll(ss->ev, (int)(ms - el));
    }
}

static void finish_channel(struct sess *ss, int status)
{
    if (!ss->chan || ss->chan_closed || !ssh_channel_is_open(ss->chan) || session_gone(ss)) return;
    if (WIFSIGNALED(status)) {
        if (ss->req == REQ_SHELL) {
            /* Leave the user's terminal usable: attributes off, cursor on,
             * back from the alternate screen. */
            static const char reset[] = "\033[0m\033[?25h\033[?1049l\r\n";
            ssh_channel_write(ss->chan, reset, sizeof reset - 1);
        }
        const char *name = sigabbrev_np(WTERMSIG(status));
        ssh_channel_request_send_exit_signal(ss->chan, name ? name : "KILL", WCOREDUMP(status), "",
                                             "");
    } else {
        ssh_channel_request_send_exit_status(ss->chan, WEXITSTATUS(status));
    }
    ssh_channel_send_eof(ss->chan);
    ssh_channel_close(ss->chan);
    drain(ss, 2000);
}

static void relay_loop(struct sess *ss)
{
    time_t last_keepalive = 0;
    ss->last_input = time(NULL);
    while (relay_sources_open(ss->relay) && !relay_failed(ss->relay)) {
        if (got_term || ss->chan_closed || session_gone(ss)) break;
        authcheck_reap(0);
        if (ss->chan_eof && ss->req == REQ_SHELL) hangup(ss);
        relay_update(ss->relay);
        ssh_event_dopoll(ss->ev, 1000);
        time_t now = time(NULL);
        time_t quiet = now - (ss->last_input > last_keepalive ? ss->last_input : last_keepalive);
        if (quiet >= KEEPALIVE_INTERVAL) {
            ssh_send_keepalive(ss->s);
            last_keepalive = now;
        }
    }
}

/* ---- the session ------------------------------------------------------------------ */

static void tune_socket(int fd)
{
    int one = 1;
    /* SSH_OPTIONS_NODELAY is for clients only; without it every keystroke's
     * echo waits for Nagle. */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one);
    unsigned int ms = KEEPALIVE_DROP * 1000;
    setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &ms, sizeof ms);
}

/* Until the client turns Nagle off (OpenSSH does when it opens a terminal),
 * it sends back-to-back packets of the key exchange and authentication
 * (KEXINIT then ECDH_INIT, NEWKEYS then SERVICE_REQUEST) with the second
 * held until the first is acknowledged; Linux delays that ACK by 40 ms. An
 * ACK pending after each read goes out at once with TCP_QUICKACK, which the
 * kernel forgets as soon as it sends data, hence once per read. */
static void quickack(ssh_session s)
{
    int one = 1;
    setsockopt(ssh_get_fd(s), IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

/* Key exchange, bounded by the grace alarm (which makes poll fail). */
static int key_exchange(ssh_session s)
{
    ssh_set_blocking(s, 0);
    for (;;) {
        int rc = ssh_handle_key_exchange(s);
        quickack(s);
        if (rc == SSH_OK) return 0;
        if (rc == SSH_ERROR || got_alarm || got_term) return -1;
        struct pollfd p = {.fd = ssh_get_fd(s), .events = POLLIN};
        if (ssh_get_poll_flags(s) & SSH_WRITE_PENDING) p.events |= POLLOUT;
        if (poll(&p, 1, 1000) < 0 && errno != EINTR) return -1;
    }
}

static void make_id(char out[33])
{
    unsigned char b[16];
    if (getrandom(b, sizeof b, 0) != (ssize_t)sizeof b) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        memcpy(b, &t, sizeof b < sizeof t ? sizeof b : sizeof t);
        pid_t p = getpid();
        memcpy(b + 8, &p, sizeof p);
    }
    for (int i = 0; i < 16; i++) sprintf(out + 2 * i, "%02x", b[i]);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: the alarm must interrupt libssh's poll. */
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* Default SIGCHLD, or waitpid loses the UI's exit status. */
    sa.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);
}

static void logout(struct sess *ss, int status, const char *how)
{
    wg_err e = {{0}};
    uint64_t out = 0, in = 0;
    if (ss->relay) relay_counts(ss->relay, &out, &in);
    char st[32];
    if (ss->child <= 0)
        snprintf(st, sizeof st, "-");
    else if (WIFSIGNALED(status))
        snprintf(st, sizeof st, "signal-%d", WTERMSIG(status));
    else
        snprintf(st, sizeof st, "%d", WEXITSTATUS(status));
    log_msg(LOG_INFO,
            "logout user=%s addr=%s session=%s how=%s status=%s seconds=%ld out=%llu in=%llu",
            ss->user, ss->addr, ss->id, how, st, (long)(time(NULL) - ss->started),
            (unsigned long long)out, (unsigned long long)in);
    uint64_t bad_out = 0, bad_in = 0;
    if (ss->relay) relay_invalid_counts(ss->relay, &bad_out, &bad_in);
    if (bad_out || bad_in)
        log_msg(LOG_WARN, "transcode user=%s addr=%s session=%s invalid_out=%llu invalid_in=%llu",
                ss->user, ss->addr, ss->id, (unsigned long long)bad_out,
                (unsigned long long)bad_in);
    if (authcheck_logout(&ss->auth, ss->user, &e) != 0)
        log_msg(LOG_ERROR, "logout user=%s addr=%s error=\"%s\"", ss->user, ss->addr, e.msg);
}

static const char *conn_error(struct sess *ss)
{
    if (got_alarm) return "grace-time";
    if (got_term) return "server-stopping";
    const char *err = ssh_get_error(ss->s);
    return err && *err ? err : "closed";
}

int session_run(int fd, ssh_bind bind, const struct session_cfg *cfg, const char *addr,
                int notify_fd)
{
    struct sess ss_, *ss = &ss_;
    memset(ss, 0, sizeof *ss);
    ss->cfg = cfg;
    ss->notify_fd = notify_fd;
    ss->started = time(NULL);
    snprintf(ss->addr, sizeof ss->addr, "%s", addr);
    ss->auth.db = cfg->db;
    ss->auth.remote = ss->addr;
    snprintf(ss->user, sizeof ss->user, "-");
    termenc_hint_init(&ss->enc_hint);
    make_id(ss->id);
    install_signals();
    alarm((unsigned)cfg->grace);
    tune_socket(fd);

    int rc = 1, status = 0;
    const char *how = "closed";
    struct ssh_server_callbacks_struct server_cb = {
        .userdata = ss,
        .auth_password_function = on_auth_password,
        .auth_pubkey_function = on_auth_pubkey,
        .channel_open_request_session_function = on_channel_open,
    };
    ssh_callbacks_init(&server_cb);

    ss->s = ssh_new();
    /* The session is non-blocking from the start: the grace alarm bounds
     * key exchange and authentication, the relay paces the rest. */
    long timeout = cfg->grace;
    ssh_options_set(ss->s, SSH_OPTIONS_TIMEOUT, &timeout);
    if (ssh_bind_accept_fd(bind, ss->s, fd) != SSH_OK) {
        log_msg(LOG_WARN, "connect addr=%s result=error error=\"%s\"", ss->addr,
                ssh_get_error(bind));
        ssh_bind_free(bind);
        close(fd);
        goto out;
    }
    /* The listener's bind (host key, options) is not ours to keep. */
    ssh_bind_free(bind);
    ssh_set_auth_methods(ss->s, SSH_AUTH_METHOD_PASSWORD | SSH_AUTH_METHOD_PUBLICKEY);
    ssh_set_server_callbacks(ss->s, &server_cb);
    ssh_set_message_callback(ss->s, on_message, ss);
    if (key_exchange(ss->s) != 0) {
        log_msg(LOG_INFO, "connect addr=%s result=no-kex reason=\"%s\"", ss->addr, conn_error(ss));
        goto out;
    }
    ss->ev = ssh_event_new();
    ssh_event_add_session(ss->ev, ss->s);

    /* Until authenticated (grace alarm), then until a shell or exec request
     * (the same time again). */
    time_t deadline = 0;
    while (!(ss->authed && ss->chan && ss->req != REQ_NONE)) {
        if (ss->authed && !deadline) {
            alarm(0);
            deadline = time(NULL) + cfg->grace;
            if (notify_fd >= 0) {
                ssize_t w = write(notify_fd, "A", 1);
                (void)w;
                close(notify_fd);
                notify_fd = ss->notify_fd = -1;
            }
        }
        if (got_alarm || got_term || (deadline && time(NULL) > deadline) || session_gone(ss)) {
            if (!ss->authed)
                log_msg(LOG_INFO, "connect addr=%s user=%s result=no-auth reason=\"%s\"", ss->addr,
                        ss->user, conn_error(ss));
            else
                log_msg(LOG_INFO, "refuse user=%s addr=%s what=no-request", ss->user, ss->addr);
            how = "no-request";
            goto out_authed;
        }
        ssh_event_dopoll(ss->ev, 1000);
        quickack(ss->s);
    }
    if (notify_fd >= 0) {
        ssize_t w = write(notify_fd, "A", 1);
        (void)w;
        close(notify_fd);
        notify_fd = ss->notify_fd = -1;
    }
    alarm(0);

    if (ss->req == REQ_SHELL && !ss->pty) {
        static const char msg[] = "wangge: the screens need a terminal: connect with 'ssh -t'\r\n";
        ssh_channel_write_stderr(ss->chan, msg, sizeof msg - 1);
        log_msg(LOG_INFO, "refuse user=%s addr=%s what=shell-without-pty", ss->user, ss->addr);
        ssh_channel_request_send_exit_status(ss->chan, 2);
        ssh_channel_send_eof(ss->chan);
        ssh_channel_close(ss->chan);
        drain(ss, 2000);
        how = "no-pty";
        goto out_authed;
    }
    if (start_child(ss) != 0) {
        static const char msg[] = "wangge: the session could not start; see the server log\r\n";
        ssh_channel_write_stderr(ss->chan, msg, sizeof msg - 1);
        ssh_channel_request_send_exit_status(ss->chan, 1);
        ssh_channel_close(ss->chan);
        drain(ss, 2000);
        how = "error";
        goto out_authed;
    }
    log_msg(LOG_DEBUG, "session user=%s addr=%s kind=%s pid=%ld term=%s size=%dx%d", ss->user,
            ss->addr, ss->req == REQ_SHELL ? "shell" : "exec", (long)ss->child,
            str_or_dash(ss->term), ss->cols, ss->rows);
    relay_loop(ss);
    how = got_term ? "server-stopping" : relay_sources_open(ss->relay) ? "client-gone" : "exit";
    if (relay_sources_open(ss->relay)) hangup(ss);
    reap_child(ss, &status);
    finish_channel(ss, status);
    rc = 0;
out_authed:
    if (ss->authed) logout(ss, status, how);
out:
    relay_free(ss->relay);
    authcheck_reap(1);
    if (notify_fd >= 0) close(notify_fd);
    if (ss->s) {
        ssh_disconnect(ss->s);
        if (ss->ev) {
            ssh_event_remove_session(ss->ev, ss->s);
            ssh_event_free(ss->ev);
        }
        /* The channel is freed with its session. */
        ssh_free(ss->s);
    }
    for (int i = 0; i < ss->nenv; i++) free(ss->env[i]);
    free(ss->command);
    return rc;
}
