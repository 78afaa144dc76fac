#include "ui/list.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ui/i18n.h"
#include "ui/screen.h"

void ui_list_init(struct ui_list *l, void (*draw_row)(void *, int, int, int, int, int),
                  const char *(*label)(void *, int, char *, size_t), void *ctx)
{
    memset(l, 0, sizeof *l);
    l->cur = -1;
    l->draw_row = draw_row;
    l->label = label;
    l->ctx = ctx;
    l->height = 10;
}

void ui_list_set_count(struct ui_list *l, int count)
{
    l->count = count < 0 ? 0 : count;
    if (l->count == 0)
        l->cur = -1;
    else if (l->cur < 0)
        l->cur = 0;
    else if (l->cur >= l->count)
        l->cur = l->count - 1;
    if (l->top > l->cur) l->top = l->cur < 0 ? 0 : l->cur;
}

static void scroll_to_cur(struct ui_list *l)
{
    if (l->cur < 0) {
        l->top = 0;
        return;
    }
    if (l->cur < l->top) l->top = l->cur;
    if (l->cur >= l->top + l->height) l->top = l->cur - l->height + 1;
    if (l->top > l->count - l->height) l->top = l->count - l->height;
    if (l->top < 0) l->top = 0;
}

void ui_list_draw(struct ui_list *l, const struct ui_rect *r, const char *empty)
{
    l->height = r->h > 0 ? r->h : 1;
    if (l->count == 0) {
        if (empty && r->h > 0) ui_text(r->y, r->x + 1, r->w - 1, UI_DIM, empty);
        return;
    }
    scroll_to_cur(l);
    for (int i = 0; i < r->h && l->top + i < l->count; i++)
        l->draw_row(l->ctx, l->top + i, r->y + i, r->x, r->w, l->top + i == l->cur);
}

static int move_to(struct ui_list *l, int i)
{
    if (l->count == 0) return 0;
    if (i < 0) i = 0;
    if (i >= l->count) i = l->count - 1;
    if (i == l->cur) return 0;
    l->cur = i;
    scroll_to_cur(l);
    ui_dirty();
    return 1;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

static void jump(struct ui_list *l, ui_key key)
{
    size_t n = strlen(l->jump);
    char buf[8] = {0};
    key_to_name(key, buf, sizeof buf);
    if (n + strlen(buf) >= sizeof l->jump) n = 0;
    memcpy(l->jump + n, buf, strlen(buf) + 1);
    /* Start at the current row so that typing more narrows rather than
     * skips; start after it when the prefix is one character (next match). */
    int from = l->cur < 0 ? 0 : l->cur + (l->jump[1] == '\0');
    for (int k = 0; k < l->count; k++) {
        int i = (from + k) % l->count;
        char lab[256];
        const char *t = l->label(l->ctx, i, lab, sizeof lab);
        if (t && starts_with(t, l->jump)) {
            move_to(l, i);
            ui_status(_("Jump to: %s"), l->jump);
            return;
        }
    }
    ui_status(_("Jump to: %s (no match)"), l->jump);
}

enum action ui_list_request(struct ui_list *l, enum action a, ui_key key)
{
    if (a == ACT_NONE && l->label && key_is_text(key) && key != ' ') {
        jump(l, key);
        return ACT_NONE;
    }
    l->jump[0] = '\0';
    switch (a) {
    case ACT_UP:
        move_to(l, l->cur - 1);
        return ACT_NONE;
    case ACT_DOWN:
        move_to(l, l->cur + 1);
        return ACT_NONE;
    case ACT_PAGE_UP:
        move_to(l, l->cur - (l->height > 1 ? l->height - 1 : 1));
        return ACT_NONE;
    case ACT_PAGE_DOWN:
        move_to(l, l->cur + (l->height > 1 ? l->height - 1 : 1));
        return ACT_NONE;
    case ACT_FIRST:
        move_to(l, 0);
        return ACT_NONE;
    case ACT_LAST:
        move_to(l, l->count - 1);
        return ACT_NONE;
    default:
        return a;
    }
}
