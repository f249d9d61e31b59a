/*
 * Replaces the process environment (the C library's environ), which child processes inherit when Java starts them
 * without an explicit environment. Java has no call for it: System.getenv reads a copy taken at start-up.
 *
 * setenv/unsetenv edit environ in place and may free the array a concurrent posix_spawn is reading (EFAULT in the
 * child's execve). Here each change points environ at a whole array that is never edited; a replaced array is kept
 * for RETAIN_SECONDS, long after any spawn that read it returned, then freed. A replacement equal to one of the last
 * few arrays reuses it, so switching back and forth between environments allocates nothing.
 */
#include <jni.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern char **environ;

#define RETAIN_SECONDS 2
#define REUSE_WINDOW 16

struct env {
    char **array; /* pointers into block */
    char *block;  /* the NUL-separated entries, as Java sent them */
    jsize length;
    time_t out;
};

static struct env current;      /* what environ points at, when this library set it */
static struct env *retired;     /* replaced arrays, oldest first, from index head */
static int head, tail, capacity;

static time_t now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}

static void release(struct env *e) {
    free(e->array);
    free(e->block);
    e->array = NULL;
    e->block = NULL;
}

static int same(const struct env *a, const char *block, jsize length) {
    return a->block != NULL && a->length == length && memcmp(a->block, block, (size_t) length) == 0;
}

static int retire(struct env e) {
    if (tail == capacity) {
        if (head > 0) { /* reclaim the freed front first */
            memmove(retired, retired + head, (size_t) (tail - head) * sizeof(struct env));
            tail -= head;
            head = 0;
        } else {
            int grown = capacity == 0 ? 64 : capacity * 2;
            struct env *more = realloc(retired, (size_t) grown * sizeof(struct env));
            if (more == NULL) {
                return -1;
            }
            retired = more;
            capacity = grown;
        }
    }
    retired[tail++] = e;
    return 0;
}

/*
 * block holds count entries, each NAME=value followed by a NUL. The Java side calls this under a lock: one
 * replacement at a time.
 */
JNIEXPORT jint JNICALL Java_dev_lambdakit_env_internal_NativeEnvironment_replace(
        JNIEnv *env, jclass cls, jbyteArray entries, jint count) {
    (void) cls;
    jsize length = (*env)->GetArrayLength(env, entries);
    jbyte *bytes = (*env)->GetPrimitiveArrayCritical(env, entries, NULL);
    if (bytes == NULL) {
        return -1;
    }
    const char *block = (const char *) bytes;
    struct env chosen = {NULL, NULL, length, 0};
    int found = same(&current, block, length);
    if (found) {
        chosen = current;
    }
    for (int i = tail - 1; !found && i >= head && i >= tail - REUSE_WINDOW; i--) {
        if (same(&retired[i], block, length)) {
            chosen = retired[i];
            retired[i].array = NULL; /* taken back; skipped when freeing */
            retired[i].block = NULL;
            found = 1;
        }
    }
    if (!found) {
        chosen.block = malloc((size_t) length);
        chosen.array = calloc((size_t) count + 1, sizeof(char *));
        if (chosen.block == NULL || chosen.array == NULL) {
            (*env)->ReleasePrimitiveArrayCritical(env, entries, bytes, JNI_ABORT);
            release(&chosen);
            return -1;
        }
        memcpy(chosen.block, block, (size_t) length);
    }
    (*env)->ReleasePrimitiveArrayCritical(env, entries, bytes, JNI_ABORT);
    if (!found) {
        char *p = chosen.block;
        for (jint i = 0; i < count && p < chosen.block + length; i++) {
            chosen.array[i] = p;
            p += strlen(p) + 1;
        }
    }
    if (chosen.block == current.block) {
        __atomic_store_n(&environ, current.array, __ATOMIC_RELEASE);
        return 0;
    }
    time_t t = now();
    if (current.array != NULL) {
        current.out = t;
        if (retire(current) != 0) {
            return -1;
        }
    }
    chosen.out = 0;
    current = chosen;
    __atomic_store_n(&environ, current.array, __ATOMIC_RELEASE);
    while (head < tail && (retired[head].array == NULL || t - retired[head].out > RETAIN_SECONDS)) {
        release(&retired[head]);
        head++;
    }
    return 0;
}
