#ifndef CPLEXUS_SPAWN_H
#define CPLEXUS_SPAWN_H

#include <sys/types.h>

/// Makes a pipe whose two ends close on exec, so no other child inherits them.
int plexus_pipe_cloexec(int fds[2]);

/// Starts `path` with `argv` and `envp` (both NULL-terminated) in `directory`, its standard
/// output and error going to `output`, and every other inherited descriptor closed in the child.
/// Returns 0 and sets `pid`, or an errno value.
int plexus_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory, int output);

#endif
