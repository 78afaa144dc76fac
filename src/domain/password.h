/* Password hashing with libsodium's argon2id (crypto_pwhash_str).
 * Parameters: OWASP's argon2id minimum (t=2, m=19 MiB, p=1): hard enough for
 * stolen hashes, cheap enough that a county host can take a burst of logins
 * (each session process hashes alone, then frees the memory). */
#ifndef WANGGE_DOMAIN_PASSWORD_H
#define WANGGE_DOMAIN_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_MAX 128 /* crypto_pwhash_STRBYTES */

/* Hash password into out (PASSWORD_HASH_MAX bytes); 0, or -1 if out of memory. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* 1 if password matches the stored hash, 0 if not (or the hash is malformed). */
int password_verify(const char *hash, const char *password);
/* 1 if the stored hash was made with other parameters and should be redone. */
int password_needs_rehash(const char *hash);

#endif
