#include "CPlexusKernels.h"
#include <math.h>

// The loops run k outside j, so a row of B is read in order and the j loop vectorizes: each
// output still gets its k terms one after another, each a single rounding (fmaf).
#define PLEXUS_MATMUL_BODY                                                  \
    for (long row = 0; row < rows; row++) {                                 \
        float *restrict sums = c + row * columns;                           \
        for (long k = 0; k < inner; k++) {                                  \
            const float factor = a[row * inner + k];                        \
            const float *restrict line = b + k * columns;                   \
            for (long column = 0; column < columns; column++) {             \
                sums[column] = fmaf(factor, line[column], sums[column]);    \
            }                                                               \
        }                                                                   \
    }

// With fewer than eight columns (a linear model's one or two scores) the j loop is too short to
// vectorize, and each output's chain of k dependent fused multiply-adds waits on the one before.
// So eight rows are taken together: eight independent chains per column, each still summed over
// k in order, so the results are the same bits.
#define PLEXUS_MATMUL_NARROW_BODY                                                       \
    long first = 0;                                                                     \
    if (columns < 8) {                                                                  \
        for (; first + 8 <= rows; first += 8) {                                         \
            for (long column = 0; column < columns; column++) {                         \
                float sums[8];                                                          \
                for (int lane = 0; lane < 8; lane++) {                                  \
                    sums[lane] = c[(first + lane) * columns + column];                  \
                }                                                                       \
                for (long k = 0; k < inner; k++) {                                      \
                    const float factor = b[k * columns + column];                       \
                    for (int lane = 0; lane < 8; lane++) {                              \
                        sums[lane] = fmaf(a[(first + lane) * inner + k], factor, sums[lane]); \
                    }                                                                   \
                }                                                                       \
                for (int lane = 0; lane < 8; lane++) {                                  \
                    c[(first + lane) * columns + column] = sums[lane];                  \
                }                                                                       \
            }                                                                           \
        }                                                                               \
    }                                                                                   \
    a += first * inner;                                                                 \
    c += first * columns;                                                               \
    rows -= first;

#if defined(__x86_64__) && defined(__clang__)
__attribute__((target("avx2,fma")))
static void matmul_fma(const float *restrict a, const float *restrict b, float *restrict c, long rows, long inner, long columns) {
    PLEXUS_MATMUL_NARROW_BODY
    PLEXUS_MATMUL_BODY
}
#endif

static void matmul_portable(const float *restrict a, const float *restrict b, float *restrict c, long rows, long inner, long columns) {
    PLEXUS_MATMUL_NARROW_BODY
    PLEXUS_MATMUL_BODY
}

void plexus_fma_matmul(const float *a, const float *b, float *c, long rows, long inner, long columns) {
#if defined(__x86_64__) && defined(__clang__)
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        matmul_fma(a, b, c, rows, inner, columns);
        return;
    }
#endif
    matmul_portable(a, b, c, rows, inner, columns);
}
