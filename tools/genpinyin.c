/* placeholder: replaced by the real generator */
#include <stdio.h>
int main(void)
{
    puts("/* generated */\nint pinyin_data_placeholder;");
    return 0;
}
