// The `weir` executable's start: the command line as glibc handed it over.
#ifndef CWEIRSTART_H
#define CWEIRSTART_H

/// argc and argv as main received them (glibc passes them to every constructor).
int weir_start_argc(void);
char **weir_start_argv(void);

#endif
