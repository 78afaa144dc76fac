#include "screens/app.h"

#include <stdio.h>

/* Placeholder until the screens land: prints who is here and exits. */
int app_run(const struct app_opts *o)
{
    printf("wangge: %s\n", o->user);
    return 0;
}
