#include "ssh/hostkey.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static ssh_key create(const char *path, wg_err *e)
{
    ssh_key key = NULL;
    if (ssh_pki_generate(SSH_KEYTYPE_ED25519, 0, &key) != SSH_OK) {
        wg_err_set(e, "could not generate an ed25519 host key");
        return NULL;
    }
    /* libssh writes the file with open(..., 0666) filtered by the umask. */
    mode_t old = umask(077);
    int rc = ssh_pki_export_privkey_file(key, NULL, NULL, NULL, path);
    umask(old);
    if (rc != SSH_OK) {
        ssh_key_free(key);
        wg_err_set(e, "could not write the host key to %s", path);
        return NULL;
    }
    return key;
}

ssh_key hostkey_load(const char *path, int *created, wg_err *e)
{
    struct stat st;
    *created = 0;
    if (stat(path, &st) != 0) {
        if (errno != ENOENT) {
            wg_err_set(e, "%s: %s", path, strerror(errno));
            return NULL;
        }
        *created = 1;
        return create(path, e);
    }
    if (!S_ISREG(st.st_mode)) {
        wg_err_set(e, "%s is not a regular file", path);
        return NULL;
    }
    /* Like sshd: a host key others can read is no longer a secret. */
    if (st.st_mode & 077) {
        wg_err_set(e, "%s is readable by others (mode %03o); run 'chmod 600 %s'", path,
                   (unsigned)(st.st_mode & 0777), path);
        return NULL;
    }
    ssh_key key = NULL;
    if (ssh_pki_import_privkey_file(path, NULL, NULL, NULL, &key) != SSH_OK) {
        wg_err_set(e, "%s is not a private key libssh can read", path);
        return NULL;
    }
    return key;
}

int hostkey_fingerprint(ssh_key key, char *out, size_t size, wg_err *e)
{
    ssh_key pub = NULL;
    unsigned char *hash = NULL;
    size_t hlen = 0;
    if (ssh_pki_export_privkey_to_pubkey(key, &pub) != SSH_OK ||
        ssh_get_publickey_hash(pub, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) != SSH_OK) {
        ssh_key_free(pub);
        return wg_err_set(e, "could not compute the host key's fingerprint");
    }
    char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
    ssh_clean_pubkey_hash(&hash);
    ssh_key_free(pub);
    if (!fp) return wg_err_set(e, "could not format the host key's fingerprint");
    snprintf(out, size, "%s", fp);
    ssh_string_free_char(fp);
    return 0;
}
