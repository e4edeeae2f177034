#define _GNU_SOURCE
#include "CPlexusSpawn.h"
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

int plexus_pipe_cloexec(int fds[2]) {
    return pipe2(fds, O_CLOEXEC) == 0 ? 0 : errno;
}

int plexus_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory, int output) {
    posix_spawn_file_actions_t actions;
    int failed = posix_spawn_file_actions_init(&actions);
    if (failed) return failed;
    if (!(failed = posix_spawn_file_actions_adddup2(&actions, output, STDOUT_FILENO))
        && !(failed = posix_spawn_file_actions_adddup2(&actions, output, STDERR_FILENO))
        && !(failed = posix_spawn_file_actions_addchdir_np(&actions, directory))
        && !(failed = posix_spawn_file_actions_addclosefrom_np(&actions, STDERR_FILENO + 1))) {
        failed = posix_spawn(pid, path, &actions, NULL, argv, envp);
    }
    posix_spawn_file_actions_destroy(&actions);
    return failed;
}
