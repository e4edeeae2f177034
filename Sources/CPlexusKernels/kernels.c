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

#if defined(__x86_64__) && defined(__clang__)
__attribute__((target("avx2,fma")))
static void matmul_fma(const float *restrict a, const float *restrict b, float *restrict c, long rows, long inner, long columns) {
    PLEXUS_MATMUL_BODY
}
#endif

static void matmul_portable(const float *restrict a, const float *restrict b, float *restrict c, long rows, long inner, long columns) {
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
