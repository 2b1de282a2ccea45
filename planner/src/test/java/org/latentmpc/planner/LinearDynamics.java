package org.latentmpc.planner;

/**
 * Test dynamics z' = A z + B a (float, row-major), allocation-free; counts rollout calls, records
 * the largest and smallest action seen, and can advance a fake clock per call.
 */
final class LinearDynamics implements LatentDynamics {
  final int d;
  final int ad;
  final double[] matA;
  final double[] matB;
  final long[] clock;
  final long nanosPerRollout;
  final float[] scratch;
  int calls;
  float minActionSeen = Float.POSITIVE_INFINITY;
  float maxActionSeen = Float.NEGATIVE_INFINITY;
  float[] lastActions;

  LinearDynamics(int d, int ad, double[] matA, double[] matB, long[] clock, long nanosPerRollout) {
    this.d = d;
    this.ad = ad;
    this.matA = matA;
    this.matB = matB;
    this.clock = clock;
    this.nanosPerRollout = nanosPerRollout;
    this.scratch = new float[d];
  }

  /** 1-D integrator z' = z + a. */
  static LinearDynamics integrator() {
    return new LinearDynamics(1, 1, new double[] {1}, new double[] {1}, null, 0);
  }

  @Override
  public int latentDim() {
    return d;
  }

  @Override
  public int actionDim() {
    return ad;
  }

  @Override
  public void rollout(float[] z0, float[] actions, int n, int h, float[] out) {
    calls++;
    if (clock != null) {
      clock[0] += nanosPerRollout;
    }
    if (lastActions != null) {
      System.arraycopy(actions, 0, lastActions, 0, Math.min(lastActions.length, actions.length));
    }
    for (int i = 0; i < n * h * ad; i++) {
      minActionSeen = Math.min(minActionSeen, actions[i]);
      maxActionSeen = Math.max(maxActionSeen, actions[i]);
    }
    for (int i = 0; i < n; i++) {
      float[] z = z0;
      int zOff = 0;
      for (int k = 0; k < h; k++) {
        int aOff = (i * h + k) * ad;
        int oOff = (i * h + k) * d;
        for (int r = 0; r < d; r++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += matA[r * d + c] * z[zOff + c];
          }
          for (int c = 0; c < ad; c++) {
            s += matB[r * ad + c] * actions[aOff + c];
          }
          out[oOff + r] = (float) s;
        }
        z = out;
        zOff = oOff;
      }
    }
  }
}
