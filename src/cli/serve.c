/* wangge serve: the SSH server (see src/ssh/ and docs/ssh.md). */
#include "cli/cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libssh/server.h>

#include "ssh/hostkey.h"
#include "ssh/listener.h"
#include "store/store.h"
#include "store/user.h"
#include "util/log.h"
#include "util/xalloc.h"

static void help(void)
{
    printf("Usage: wangge serve --db FILE [OPTIONS]\n\n"
           "Serve the screens and commands over SSH. Users log in with their wangge\n"
           "account (password or SSH key) and land in their own workspace; no shell.\n\n"
           "  --db FILE           the county database\n"
           "  --listen ADDR:PORT  where to listen (default 127.0.0.1:2222; [::]:22 for IPv6)\n"
           "  --hostkey FILE      ed25519 host key, created on first start (default FILE.hostkey\n"
           "                      next to the database)\n"
           "  --grace SECONDS     time allowed from connect to logged in (default 60)\n"
           "  --max-startups N    connections not yet logged in, in total (default 64)\n"
           "  --per-source N      connections not yet logged in, from one address (default 16)\n\n"
           "Log records go to standard error, one line each. SIGTERM stops the server.\n");
}

static int number(const char *opt, const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return cli_usage("serve", "%s: '%s' is not a number from %d to %d", opt, s, lo, hi);
    *out = (int)v;
    return 0;
}

/* How to log in, printed at start. On a demo county (meta demo_seed), each
 * demo account with its role and scope, so a new user can try every role. */
static void print_logins(const char *db, const char *host, const char *port)
{
    static const char *demo[] = {"admin", "centre", "secretary", "worker", "police"};
    wg_err e = {{0}};
    store *s = store_open(db, 0, &e);
    printf("log in:   ssh -p %s NAME@%s   (PuTTY: host %s, port %s)\n", port, host, host, port);
    if (!s) return;
    char *seed = NULL;
    if (store_act_as_system(s, "local", &e) == 0) seed = store_meta_get(s, "demo_seed");
    if (seed) {
        printf("demo county (seed %s); every demo account's password is: demo\n", seed);
        for (size_t i = 0; i < sizeof demo / sizeof demo[0]; i++) {
            struct user_rec u;
            if (user_get(s, demo[i], &u, &e) < 0) continue;
            printf("  ssh -p %s %s@%s%*s %-20s scope %s\n", port, u.name, host,
                   (int)(10 - strlen(u.name)), "", role_label(u.role), u.scope);
        }
    }
    free(seed);
    store_close(s);
}

int cmd_serve(int argc, char **argv, const struct cli_ctx *ctx)
{
    (void)ctx;
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"listen", required_argument, NULL, 'l'},
        {"hostkey", required_argument, NULL, 'k'},
        {"grace", required_argument, NULL, 'g'},
        {"max-startups", required_argument, NULL, 'm'},
        {"per-source", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    struct listener_cfg cfg = {
        .listen = "127.0.0.1:2222",
        .grace = 60,
        .max_startups = 64,
        .per_source = 16,
    };
    const char *hostkey = NULL;
    int c;
    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'd':
            cfg.db = optarg;
            break;
        case 'l':
            cfg.listen = optarg;
            break;
        case 'k':
            hostkey = optarg;
            break;
        case 'g':
            if (number("--grace", optarg, 1, 3600, &cfg.grace)) return CLI_USAGE;
            break;
        case 'm':
            if (number("--max-startups", optarg, 1, 100000, &cfg.max_startups)) return CLI_USAGE;
            break;
        case 'p':
            if (number("--per-source", optarg, 1, 100000, &cfg.per_source)) return CLI_USAGE;
            break;
        case 'h':
            help();
            return CLI_OK;
        default:
            return cli_usage("serve", "unknown or incomplete option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) return cli_usage("serve", "unexpected argument '%s'", argv[optind]);
    if (!cfg.db) return cli_usage("serve", "--db FILE is required");

    /* Check (and migrate) the database once, then close it: every session
     * process opens its own connection after the fork. */
    wg_err e = {{0}};
    store *s = store_open(cfg.db, 0, &e);
    if (!s) return cli_fail("serve", "%s", e.msg);
    store_close(s);

    char *keypath = hostkey ? xstrdup(hostkey) : xasprintf("%s.hostkey", cfg.db);
    int created = 0;
    ssh_key key = hostkey_load(keypath, &created, &e);
    if (!key) {
        free(keypath);
        return cli_fail("serve", "host key: %s", e.msg);
    }
    char fp[128];
    if (hostkey_fingerprint(key, fp, sizeof fp, &e) != 0) {
        ssh_key_free(key);
        free(keypath);
        return cli_fail("serve", "%s", e.msg);
    }
    int fd = listener_open(cfg.listen, &e);
    if (fd < 0) {
        ssh_key_free(key);
        free(keypath);
        return cli_fail("serve", "%s", e.msg);
    }
    ssh_bind bind = ssh_bind_new();
    /* The bind takes the key; each session copies it at accept. */
    if (!bind || ssh_bind_options_set(bind, SSH_BIND_OPTIONS_IMPORT_KEY, key) != SSH_OK) {
        ssh_key_free(key);
        free(keypath);
        close(fd);
        ssh_bind_free(bind);
        return cli_fail("serve", "libssh refused the host key");
    }

    char host[256];
    const char *colon = strrchr(cfg.listen, ':');
    snprintf(host, sizeof host, "%.*s", (int)(colon - cfg.listen), cfg.listen);
    printf("wangge: serving %s on %s\n", cfg.db, cfg.listen);
    printf("host key: %s%s\n", keypath, created ? " (new)" : "");
    printf("          ED25519 key fingerprint is %s\n", fp);
    printf("          (clients show this on first connection: compare before answering yes)\n");
    print_logins(cfg.db, host, colon + 1);
    fflush(stdout);
    if (geteuid() == 0)
        log_msg(LOG_WARN, "serve running as root: sessions keep root's privileges "
                          "(run as an unprivileged user owning the database)");
    log_msg(LOG_INFO, "start listen=%s grace=%d max_startups=%d per_source=%d pid=%ld", cfg.listen,
            cfg.grace, cfg.max_startups, cfg.per_source, (long)getpid());
    free(keypath);
    return listener_run(fd, bind, &cfg) == 0 ? CLI_OK : CLI_FAIL;
}
