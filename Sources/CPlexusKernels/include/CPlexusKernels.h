#ifndef CPLEXUS_KERNELS_H
#define CPLEXUS_KERNELS_H

/// Adds the product of `a` (rows × inner) and `b` (inner × columns), both row-major, to `c`
/// (rows × columns): every output is summed over k in order with fused multiply-adds, as
/// onnxruntime's kernels do, so results agree bit for bit. Uses the CPU's FMA and AVX2
/// instructions when it has them (checked once per call), and the C library's fmaf otherwise.
void plexus_fma_matmul(const float *a, const float *b, float *c, long rows, long inner, long columns);

#endif
