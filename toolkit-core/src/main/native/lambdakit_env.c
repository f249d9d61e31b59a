/*
 * Replaces the process environment (the C library's environ), which child processes inherit when Java starts them
 * without an explicit environment. Java has no call for it: System.getenv reads a copy taken at start-up.
 *
 * setenv/unsetenv edit environ in place and may free the array a concurrent posix_spawn is reading (EFAULT in the
 * child's execve). Here each change points environ at a whole array that is never edited; an array is freed only
 * once it has been out of use for RETAIN_SECONDS, long after any spawn that read it returned. Arrays are reused by
 * content, so switching between the same environments allocates nothing.
 */
#include <jni.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

extern char **environ;

#define RETAIN_SECONDS 5

struct slot {
    char **array;
    int count;
    time_t out; /* when it stopped being environ; 0 while current */
};

static struct slot *slots;
static int used;
static int capacity;

static time_t now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1; /* never 0, which marks the current array */
}

static void release(char **array) {
    for (char **p = array; *p != NULL; p++) {
        free(*p);
    }
    free(array);
}

static int same(const struct slot *s, char **array, int count) {
    if (s->count != count) {
        return 0;
    }
    for (int i = 0; i < count; i++) {
        if (strcmp(s->array[i], array[i]) != 0) {
            return 0;
        }
    }
    return 1;
}

/* The Java side calls this under a lock: one replacement at a time. */
JNIEXPORT jint JNICALL Java_dev_lambdakit_env_internal_NativeEnvironment_replace(
        JNIEnv *env, jclass cls, jobjectArray entries) {
    jsize n = (*env)->GetArrayLength(env, entries);
    char **array = calloc((size_t) n + 1, sizeof(char *));
    if (array == NULL) {
        return -1;
    }
    for (jsize i = 0; i < n; i++) {
        jstring entry = (jstring) (*env)->GetObjectArrayElement(env, entries, i);
        const char *text = entry == NULL ? NULL : (*env)->GetStringUTFChars(env, entry, NULL);
        array[i] = text == NULL ? NULL : strdup(text);
        if (text != NULL) {
            (*env)->ReleaseStringUTFChars(env, entry, text);
        }
        if (entry != NULL) {
            (*env)->DeleteLocalRef(env, entry);
        }
        if (array[i] == NULL) {
            release(array);
            return -1;
        }
    }
    time_t t = now();
    int chosen = -1;
    for (int i = 0; i < used; i++) {
        if (same(&slots[i], array, n)) {
            chosen = i;
            break;
        }
    }
    if (chosen >= 0) {
        release(array);
    } else {
        if (used == capacity) {
            int grown = capacity == 0 ? 16 : capacity * 2;
            struct slot *more = realloc(slots, (size_t) grown * sizeof(struct slot));
            if (more == NULL) {
                release(array);
                return -1;
            }
            slots = more;
            capacity = grown;
        }
        slots[used].array = array;
        slots[used].count = n;
        slots[used].out = 0;
        chosen = used++;
    }
    for (int i = 0; i < used; i++) {
        if (i != chosen && slots[i].out == 0) {
            slots[i].out = t;
        }
    }
    slots[chosen].out = 0;
    __atomic_store_n(&environ, slots[chosen].array, __ATOMIC_RELEASE);
    /* free what has been out of use long enough, keeping the list compact */
    for (int i = 0; i < used;) {
        if (slots[i].out != 0 && t - slots[i].out > RETAIN_SECONDS) {
            release(slots[i].array);
            slots[i] = slots[--used];
        } else {
            i++;
        }
    }
    return 0;
}
