// Starts a program on a new pseudo-terminal, for end-to-end tests of the interview as a
// person at a terminal would use it (line editing, Ctrl-C, Ctrl-D, Tab).
#ifndef CPSEUDOTERMINAL_H
#define CPSEUDOTERMINAL_H
#include <sys/types.h>

/// Runs `path` with `argv` and `envp` as the session leader of a new pseudo-terminal of
/// `columns` x `rows` (the terminal is its controlling terminal, so Ctrl-C sends SIGINT).
/// Returns the child's pid and stores the terminal's controlling side in `*primary`, or -1.
pid_t crs_spawn_on_pty(const char *path, char *const argv[], char *const envp[], int columns, int rows, int *primary);

#endif
