package org.latentmpc.robot;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code M x = b} for a symmetric positive-definite joint-space mass matrix (from {@link
 * Dynamics#massMatrix}) by a Cholesky factorisation (EJML), e.g. {@code qdd = M^-1 (tau - h)} or
 * operational-space terms. Buffers are preallocated; not thread-safe.
 */
public final class MassMatrixSolver {
  private final int n;
  private final DMatrixRMaj m;
  private final DMatrixRMaj b;
  private final DMatrixRMaj x;
  private final LinearSolverDense<DMatrixRMaj> cholesky;

  /** A solver for {@code dof x dof} matrices. */
  public MassMatrixSolver(int dof) {
    n = dof;
    m = new DMatrixRMaj(dof, dof);
    b = new DMatrixRMaj(dof, 1);
    x = new DMatrixRMaj(dof, 1);
    cholesky = LinearSolverFactory_DDRM.chol(dof);
  }

  /**
   * Factorises {@code massMatrix} (row-major, dof x dof; copied).
   *
   * @return false if the matrix is not positive definite (then {@link #solve} must not be used)
   */
  public boolean factor(double[] massMatrix) {
    if (massMatrix.length != n * n) {
      throw new IllegalArgumentException(
          "mass matrix has " + massMatrix.length + " values, expected " + (n * n));
    }
    System.arraycopy(massMatrix, 0, m.data, 0, n * n);
    return cholesky.setA(m);
  }

  /** Solves {@code M x = rhs} with the last factorised matrix. */
  public void solve(double[] rhs, double[] out) {
    if (rhs.length != n || out.length != n) {
      throw new IllegalArgumentException("vectors must have " + n + " values");
    }
    System.arraycopy(rhs, 0, b.data, 0, n);
    cholesky.solve(b, x);
    System.arraycopy(x.data, 0, out, 0, n);
  }
}
