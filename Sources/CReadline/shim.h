// GNU readline, for the interview's line editing (apt: libreadline-dev).
// Readline is configured through global variables, which Swift 6's strict concurrency
// checking does not let Swift touch directly; these small functions do it instead.
#include <stdio.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/// Names the program, leaves signals to the caller, completes whole lines with `completer`.
static inline void crs_rl_configure(rl_completion_func_t *completer) {
  rl_readline_name = "crs-intake";
  rl_catch_signals = 0;
  rl_catch_sigwinch = 1;
  rl_completer_word_break_characters = "";
  rl_attempted_completion_function = completer;
}

/// Called at the start of a completion: no filename fallback, no space appended.
static inline void crs_rl_completion_begin(void) {
  rl_attempted_completion_over = 1;
  rl_completion_append_character = '\0';
}

/// The number of bytes on the line being edited.
static inline int crs_rl_line_length(void) { return rl_end; }

/// Empties the line being edited (after Ctrl-C on a non-empty line).
static inline void crs_rl_clear_line(void) {
  rl_replace_line("", 0);
  rl_point = 0;
  rl_end = 0;
}
