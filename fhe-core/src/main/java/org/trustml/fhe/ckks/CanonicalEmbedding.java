package org.trustml.fhe.ckks;

/**
 * The "special FFT" of CKKS (HEAAN's EMB/EMBInv): slot j of a message is the evaluation of u(X) = sum_k (m_k + i
 * m_{k+N/2}) X^k at zeta^(5^j), zeta = exp(i pi / N), for j < N/2. Since 5^j = 1 mod 4, zeta^(5^j N/2) = i, so this
 * equals m(zeta^(5^j)) for the real polynomial m. Ordering the slots by powers of 5 makes the automorphism
 * X -> X^(5^k) a rotation of the slots by k. O(N log N) on arrays of real and imaginary parts (modified in place).
 */
final class CanonicalEmbedding {

  private final int slots;
  private final int m; // 2N
  private final int[] rotationGroup; // 5^j mod 2N
  private final double[] rootsRe; // exp(2 pi i k / 2N), k in [0, 2N]
  private final double[] rootsIm;

  CanonicalEmbedding(int logN) {
    int n = 1 << logN;
    this.slots = n / 2;
    this.m = 2 * n;
    rotationGroup = new int[slots];
    long g = 1;
    for (int j = 0; j < slots; j++) {
      rotationGroup[j] = (int) g;
      g = (g * 5) % m;
    }
    rootsRe = new double[m + 1];
    rootsIm = new double[m + 1];
    for (int k = 0; k <= m; k++) {
      double angle = 2 * Math.PI * k / m;
      rootsRe[k] = Math.cos(angle);
      rootsIm[k] = Math.sin(angle);
    }
  }

  int slots() {
    return slots;
  }

  /** Slots to the folded coefficients u (inverse embedding), in place. */
  void inverse(double[] re, double[] im) {
    for (int len = slots; len >= 2; len >>= 1) {
      int half = len >> 1;
      int quarterM = len << 2;
      int gap = m / quarterM;
      for (int i = 0; i < slots; i += len) {
        for (int j = 0; j < half; j++) {
          int idx = (quarterM - rotationGroup[j] % quarterM) * gap;
          int a = i + j;
          int b = a + half;
          double uRe = re[a] + re[b];
          double uIm = im[a] + im[b];
          double vRe = re[a] - re[b];
          double vIm = im[a] - im[b];
          re[a] = uRe;
          im[a] = uIm;
          re[b] = vRe * rootsRe[idx] - vIm * rootsIm[idx];
          im[b] = vRe * rootsIm[idx] + vIm * rootsRe[idx];
        }
      }
    }
    bitReverse(re, im);
    for (int i = 0; i < slots; i++) {
      re[i] /= slots;
      im[i] /= slots;
    }
  }

  /** Folded coefficients u to slots (forward embedding), in place. */
  void forward(double[] re, double[] im) {
    bitReverse(re, im);
    for (int len = 2; len <= slots; len <<= 1) {
      int half = len >> 1;
      int quarterM = len << 2;
      int gap = m / quarterM;
      for (int i = 0; i < slots; i += len) {
        for (int j = 0; j < half; j++) {
          int idx = (rotationGroup[j] % quarterM) * gap;
          int a = i + j;
          int b = a + half;
          double vRe = re[b] * rootsRe[idx] - im[b] * rootsIm[idx];
          double vIm = re[b] * rootsIm[idx] + im[b] * rootsRe[idx];
          double uRe = re[a];
          double uIm = im[a];
          re[a] = uRe + vRe;
          im[a] = uIm + vIm;
          re[b] = uRe - vRe;
          im[b] = uIm - vIm;
        }
      }
    }
  }

  private void bitReverse(double[] re, double[] im) {
    for (int i = 1, j = 0; i < slots; i++) {
      int bit = slots >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
  }
}
