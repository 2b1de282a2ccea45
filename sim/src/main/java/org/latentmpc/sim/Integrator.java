package org.latentmpc.sim;

import java.util.Locale;

/** Time integration scheme of a {@link SimWorld}. */
public enum Integrator {
  /**
   * Semi-implicit (symplectic) Euler: {@code qd += dt qdd(q, qd); q += dt qd}. One ABA per step.
   */
  SEMI_IMPLICIT_EULER("euler"),
  /**
   * Classical fourth-order Runge-Kutta on (q, qd), efforts held over the step. Four ABAs per step.
   */
  RK4("rk4");

  private final String cliName;

  Integrator(String cliName) {
    this.cliName = cliName;
  }

  /** The command-line spelling ({@code euler} or {@code rk4}). */
  public String cliName() {
    return cliName;
  }

  /** Parses {@code euler} or {@code rk4} (case-insensitive). */
  public static Integrator parse(String text) {
    for (Integrator i : values()) {
      if (i.cliName.equals(text.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown integrator '" + text + "' (expected euler or rk4)");
  }
}
