#include "domain/password.h"

#include <sodium.h>
#include <string.h>

#define OPS 2ULL
#define MEM (19ULL * 1024 * 1024)

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
    _Static_assert(crypto_pwhash_STRBYTES <= PASSWORD_HASH_MAX, "hash buffer too small");
    if (sodium_init() < 0) return -1;
    return crypto_pwhash_str_alg(out, password, strlen(password), OPS, MEM,
                                 crypto_pwhash_ALG_ARGON2ID13) == 0
               ? 0
               : -1;
}

int password_verify(const char *hash, const char *password)
{
    if (!hash || !*hash || sodium_init() < 0) return 0;
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

int password_needs_rehash(const char *hash)
{
    return crypto_pwhash_str_needs_rehash(hash, OPS, MEM) != 0;
}
