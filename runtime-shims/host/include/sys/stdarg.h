/* KmodSharp host harness: <sys/stdarg.h>. */
#include <machine/stdarg.h>
