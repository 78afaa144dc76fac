/* The demo county's random numbers: xoshiro256** seeded through splitmix64,
 * so that one seed always yields the same county on every machine (rand() is
 * neither portable nor good enough). */
#ifndef WANGGE_DEMO_RNG_H
#define WANGGE_DEMO_RNG_H

#include <stdint.h>

typedef struct rng {
    uint64_t s[4];
} rng;

void rng_seed(rng *r, uint64_t seed);
uint64_t rng_next(rng *r);
/* Uniform in [0, n); 0 when n is 0. */
uint32_t rng_below(rng *r, uint32_t n);
/* Uniform in [lo, hi], inclusive. */
int rng_range(rng *r, int lo, int hi);
/* 1 with probability p (0..1). */
int rng_chance(rng *r, double p);
/* Index drawn by weight: cumulative weights cum[0..n-1], cum[n-1] the total. */
int rng_weighted(rng *r, const uint32_t *cum, int n);

#endif
