#include "ssh/listener.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ssh/session.h"
#include "util/log.h"
#include "util/xalloc.h"

/* ssh_bind_listen's backlog of 10 overflows in a burst of logins. */
#define BACKLOG 512
/* A session that is still unauthenticated this long after its own grace
 * alarm should have fired is killed from here. */
#define GRACE_BACKSTOP 10
/* How long sessions get to end after SIGTERM before SIGKILL. */
#define STOP_WAIT_MS 5000

struct child {
    pid_t pid;
    int pipe;    /* read end; -1 once authenticated or gone */
    int preauth; /* counts against the pre-authentication limits */
    int killed;
    time_t start;
    char addr[64];
};

static volatile sig_atomic_t got_chld, got_stop;

static void on_chld(int sig)
{
    (void)sig;
    got_chld = 1;
}

static void on_stop(int sig)
{
    (void)sig;
    got_stop = 1;
}

static struct child *kids;
static int nkids, capkids;

int listener_open(const char *listen_on, wg_err *e)
{
    char host[256];
    const char *port;
    const char *colon = strrchr(listen_on, ':');
    if (!colon || colon == listen_on || !colon[1])
        return wg_err_set(e, "--listen '%s': expected ADDR:PORT, e.g. 127.0.0.1:2222", listen_on);
    size_t hl = (size_t)(colon - listen_on);
    if (listen_on[0] == '[' && colon[-1] == ']') listen_on++, hl -= 2;
    if (hl >= sizeof host) return wg_err_set(e, "--listen '%s': address too long", listen_on);
    memcpy(host, listen_on, hl);
    host[hl] = '\0';
    port = colon + 1;
    if (port[strspn(port, "0123456789")] != '\0' || atoi(port) <= 0 || atoi(port) > 65535)
        return wg_err_set(e, "--listen: '%s' is not a port number (1-65535)", port);

    struct addrinfo hints = {.ai_family = AF_UNSPEC,
                             .ai_socktype = SOCK_STREAM,
                             .ai_flags = AI_PASSIVE | AI_NUMERICSERV};
    struct addrinfo *res = NULL;
    int gai = getaddrinfo(*host ? host : NULL, port, &hints, &res);
    if (gai != 0) return wg_err_set(e, "--listen: %s: %s", host, gai_strerror(gai));
    int fd = -1, err = 0;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, ai->ai_protocol);
        if (fd < 0) {
            err = errno;
            continue;
        }
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, BACKLOG) == 0) break;
        err = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) return wg_err_set(e, "cannot listen on %s:%s: %s", host, port, strerror(err));
    return fd;
}

static void addr_of(const struct sockaddr_storage *sa, socklen_t len, char *out, size_t size)
{
    if (getnameinfo((const struct sockaddr *)sa, len, out, (socklen_t)size, NULL, 0,
                    NI_NUMERICHOST) != 0)
        snprintf(out, size, "unknown");
    /* An IPv4 client of a dual-stack socket: show it as IPv4. */
    if (strncmp(out, "::ffff:", 7) == 0 && strchr(out + 7, '.'))
        memmove(out, out + 7, strlen(out + 7) + 1);
}

static void reap(void)
{
    int status;
    pid_t pid;
    got_chld = 0;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        for (int i = 0; i < nkids; i++) {
            if (kids[i].pid != pid) continue;
            if (kids[i].pipe >= 0) close(kids[i].pipe);
            if (WIFSIGNALED(status) && !kids[i].killed)
                log_msg(LOG_WARN, "session pid=%ld addr=%s died signal=%d", (long)pid, kids[i].addr,
                        WTERMSIG(status));
            kids[i] = kids[--nkids];
            break;
        }
    }
}

static void unauth_counts(const char *addr, int *total, int *same)
{
    *total = *same = 0;
    for (int i = 0; i < nkids; i++) {
        if (!kids[i].preauth) continue;
        ++*total;
        if (strcmp(kids[i].addr, addr) == 0) ++*same;
    }
}

static void spawn(int lfd, int cfd, ssh_bind bind, const struct listener_cfg *cfg, const char *addr)
{
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        log_msg(LOG_ERROR, "accept addr=%s error=\"pipe: %s\"", addr, strerror(errno));
        close(cfd);
        return;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        log_msg(LOG_ERROR, "accept addr=%s error=\"fork: %s\"", addr, strerror(errno));
        close(cfd), close(p[0]), close(p[1]);
        return;
    }
    if (pid == 0) {
        /* Nothing of the listener's may stay open in a session: not the
         * listening socket, not the other sessions' pipes. */
        close(lfd);
        close(p[0]);
        for (int i = 0; i < nkids; i++)
            if (kids[i].pipe >= 0) close(kids[i].pipe);
        free(kids);
        kids = NULL;
        nkids = capkids = 0;
        struct session_cfg sc = {.db = cfg->db, .grace = cfg->grace};
        int fl = fcntl(cfd, F_GETFL);
        if (fl >= 0) fcntl(cfd, F_SETFL, fl & ~O_NONBLOCK);
        exit(session_run(cfd, bind, &sc, addr, p[1]));
    }
    close(cfd);
    close(p[1]);
    if (nkids == capkids) {
        capkids = capkids ? 2 * capkids : 64;
        kids = xrealloc(kids, (size_t)capkids * sizeof *kids);
    }
    struct child *k = &kids[nkids++];
    memset(k, 0, sizeof *k);
    k->pid = pid;
    k->pipe = p[0];
    k->preauth = 1;
    k->start = time(NULL);
    snprintf(k->addr, sizeof k->addr, "%s", addr);
}

static void accept_some(int lfd, ssh_bind bind, const struct listener_cfg *cfg)
{
    for (int n = 0; n < 64; n++) {
        struct sockaddr_storage sa;
        socklen_t len = sizeof sa;
        int cfd = accept4(lfd, (struct sockaddr *)&sa, &len, SOCK_CLOEXEC);
        if (cfd < 0) {
            if (errno == EINTR) continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNABORTED)
                log_msg(LOG_ERROR, "accept error=\"%s\"", strerror(errno));
            if (errno == EMFILE || errno == ENFILE) {
                /* Out of descriptors: back off rather than spin. */
                struct timespec ts = {0, 100 * 1000 * 1000};
                nanosleep(&ts, NULL);
            }
            return;
        }
        char addr[64];
        addr_of(&sa, len, addr, sizeof addr);
        int total, same;
        unauth_counts(addr, &total, &same);
        if (total >= cfg->max_startups || same >= cfg->per_source) {
            log_msg(LOG_WARN, "refuse addr=%s what=connection reason=%s unauthenticated=%d", addr,
                    total >= cfg->max_startups ? "max-startups" : "per-source",
                    total >= cfg->max_startups ? total : same);
            close(cfd);
            continue;
        }
        spawn(lfd, cfd, bind, cfg, addr);
    }
}

static void read_notice(struct child *k)
{
    char c;
    ssize_t n = read(k->pipe, &c, 1);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    /* One byte: authenticated. End of file: the session is ending; it no
     * longer holds a pre-authentication slot either way. */
    close(k->pipe);
    k->pipe = -1;
    k->preauth = 0;
}

static void backstop(const struct listener_cfg *cfg)
{
    time_t now = time(NULL);
    for (int i = 0; i < nkids; i++) {
        struct child *k = &kids[i];
        if (!k->preauth || k->killed || now - k->start <= cfg->grace + GRACE_BACKSTOP) continue;
        log_msg(LOG_WARN, "refuse addr=%s what=connection reason=grace-backstop pid=%ld", k->addr,
                (long)k->pid);
        kill(k->pid, SIGKILL);
        k->killed = 1;
    }
}

static void stop_all(void)
{
    for (int i = 0; i < nkids; i++) kill(kids[i].pid, SIGTERM);
    for (int waited = 0; nkids > 0 && waited < STOP_WAIT_MS; waited += 50) {
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
        reap();
    }
    for (int i = 0; i < nkids; i++) {
        kids[i].killed = 1;
        kill(kids[i].pid, SIGKILL);
    }
    while (nkids > 0) {
        int before = nkids;
        reap();
        if (nkids == before) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
}

int listener_run(int fd, ssh_bind bind, const struct listener_cfg *cfg)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    /* Without SA_RESTART every session's end would fail accept with EINTR. */
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sa.sa_handler = on_chld;
    sigaction(SIGCHLD, &sa, NULL);
    sa.sa_flags = 0;
    sa.sa_handler = on_stop;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    /* A server started from a terminal (make run) stops with it; run it under
     * a service manager, or nohup, to keep it past a logout. */
    sigaction(SIGHUP, &sa, NULL);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, NULL);

    struct pollfd *pfd = NULL;
    int cap = 0;
    while (!got_stop) {
        if (got_chld) reap();
        if (cap < nkids + 1) {
            cap = 2 * (nkids + 1);
            pfd = xrealloc(pfd, (size_t)cap * sizeof *pfd);
        }
        int n = 0;
        pfd[n++] = (struct pollfd){.fd = fd, .events = POLLIN};
        for (int i = 0; i < nkids; i++)
            if (kids[i].pipe >= 0) pfd[n++] = (struct pollfd){.fd = kids[i].pipe, .events = POLLIN};
        int r = poll(pfd, (nfds_t)n, 1000);
        if (r < 0 && errno != EINTR) {
            log_msg(LOG_ERROR, "poll error=\"%s\"", strerror(errno));
            break;
        }
        if (got_stop) break;
        if (r > 0) {
            for (int j = 1; j < n; j++) {
                if (!pfd[j].revents) continue;
                for (int i = 0; i < nkids; i++)
                    if (kids[i].pipe == pfd[j].fd) read_notice(&kids[i]);
            }
            if (pfd[0].revents & POLLIN) accept_some(fd, bind, cfg);
        }
        backstop(cfg);
    }
    free(pfd);
    close(fd);
    log_msg(LOG_INFO, "stop sessions=%d", nkids);
    stop_all();
    free(kids);
    kids = NULL;
    ssh_bind_free(bind);
    return 0;
}
