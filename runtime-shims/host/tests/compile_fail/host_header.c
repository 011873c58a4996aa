/* EXPECT: stdio.h */
/* EXPECT: error */
/* Module code sees only the kernel-world headers. */
#include <stdio.h>
