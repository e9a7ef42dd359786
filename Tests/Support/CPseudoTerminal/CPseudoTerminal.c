#include "CPseudoTerminal.h"
#include <pty.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <signal.h>

pid_t crs_spawn_on_pty(const char *path, char *const argv[], char *const envp[], int columns, int rows, int *primary) {
  struct winsize size = {0};
  size.ws_col = (unsigned short)columns;
  size.ws_row = (unsigned short)rows;
  int fd = -1;
  pid_t pid = forkpty(&fd, NULL, NULL, &size);
  if (pid < 0) return -1;
  if (pid == 0) {
    // Only async-signal-safe calls between fork and exec. The test runner may block or
    // ignore signals; a program started from a shell gets them delivered by default.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    execve(path, argv, envp);
    _exit(127);
  }
  *primary = fd;
  return pid;
}
