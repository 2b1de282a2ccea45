package org.latentmpc.sim.internal;

import org.latentmpc.robot.Dynamics;
import org.latentmpc.robot.Inertial;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.JointLimits;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.sim.Integrator;
import org.latentmpc.sim.SimWorld;
import org.latentmpc.sim.WorldOptions;

/** The {@link SimWorld} implementation: ABA forward dynamics plus joint effects, fixed step. */
public final class World implements SimWorld {
  private final RobotModel model;
  private final WorldOptions options;
  private final Dynamics dynamics;
  private final Kinematics kinematics;
  private final int n;
  private final double dt;
  private final boolean rk4;

  private final double[] q;
  private final double[] qd;
  private final double[] qdd;
  private final double[] q0;
  private final double[] command;
  private final double[] applied;
  private final double[] tau;

  private final double[] damping;
  private final double[] friction;
  private final double[] frictionVs;
  private final double[] lower;
  private final double[] upper;
  private final boolean[] limited;
  private final double[] effortLimit;
  private final double[] limitK;
  private final double[] limitB;

  private final double[] k1v, k2v, k3v, k4v, k1a, k2a, k3a, k4a, qs, vs;
  private final double[] massMatrix;
  private final double[] com = new double[3];

  private long steps;

  /** Creates a world at rest at zeros clamped into the joint limits. */
  public World(RobotModel model, WorldOptions options) {
    this.model = model;
    this.options = options;
    this.n = model.dof();
    this.dt = options.timeStepS();
    this.rk4 = options.integrator() == Integrator.RK4;
    this.dynamics = model.newDynamics();
    dynamics.setGravity(options.gravityXMps2(), options.gravityYMps2(), options.gravityZMps2());
    this.kinematics = model.newKinematics();
    q = new double[n];
    qd = new double[n];
    qdd = new double[n];
    q0 = new double[n];
    command = new double[n];
    applied = new double[n];
    tau = new double[n];
    damping = new double[n];
    friction = new double[n];
    frictionVs = new double[n];
    lower = new double[n];
    upper = new double[n];
    limited = new boolean[n];
    effortLimit = new double[n];
    limitK = new double[n];
    limitB = new double[n];
    k1v = new double[n];
    k2v = new double[n];
    k3v = new double[n];
    k4v = new double[n];
    k1a = new double[n];
    k2a = new double[n];
    k3a = new double[n];
    k4a = new double[n];
    qs = new double[n];
    vs = new double[n];
    massMatrix = new double[n * n];
    for (int i = 0; i < n; i++) {
      Joint j = model.movingJoint(i);
      JointLimits l = j.limits();
      damping[i] = options.jointDamping() ? j.dampingCoefficient() : 0;
      friction[i] = options.jointFriction() ? j.friction() : 0;
      limited[i] = options.jointLimits() && l.hasPositionLimits();
      lower[i] = l.lower();
      upper[i] = l.upper();
      effortLimit[i] = options.effortSaturation() ? l.effort() : Double.POSITIVE_INFINITY;
      q0[i] = l.hasPositionLimits() ? l.clampPosition(0) : 0;
    }
    System.arraycopy(q0, 0, q, 0, n);
    tuneJointEffects();
  }

  /** Seeded configurations sampled for the smallest effective inertia of each joint. */
  private static final int INERTIA_SAMPLES = 64;

  /**
   * Sets limit spring-dampers and friction smoothing per joint from the smallest effective inertia
   * M_ii over the initial configuration and seeded samples within the limits, so the explicit step
   * stays stable in every configuration, for light and heavy joints alike.
   */
  private void tuneJointEffects() {
    double[] minInertia = new double[n];
    dynamics.massMatrix(q0, massMatrix);
    for (int i = 0; i < n; i++) {
      minInertia[i] = massMatrix[i * n + i];
    }
    java.util.Random rnd = new java.util.Random(1);
    double[] sample = new double[n];
    for (int s = 0; s < INERTIA_SAMPLES; s++) {
      for (int i = 0; i < n; i++) {
        double lo = Double.isFinite(lower[i]) ? lower[i] : -Math.PI;
        double hi = Double.isFinite(upper[i]) ? upper[i] : Math.PI;
        sample[i] = lo + rnd.nextDouble() * (hi - lo);
      }
      dynamics.massMatrix(sample, massMatrix);
      for (int i = 0; i < n; i++) {
        minInertia[i] = Math.min(minInertia[i], massMatrix[i * n + i]);
      }
    }
    double omega = options.limitNaturalFrequencyRadPerS();
    for (int i = 0; i < n; i++) {
      double inertia = minInertia[i];
      limitK[i] = inertia * omega * omega;
      limitB[i] = 2 * inertia * omega;
      // Friction slope F / vs acts like damping; keep dt * slope / M_ii <= 0.5.
      frictionVs[i] = Math.max(options.frictionSmoothingVelocity(), 2 * friction[i] * dt / inertia);
    }
  }

  @Override
  public RobotModel model() {
    return model;
  }

  @Override
  public WorldOptions options() {
    return options;
  }

  @Override
  public int dof() {
    return n;
  }

  /** Total joint efforts at state (pos, vel) into {@link #tau}. */
  private void efforts(double[] pos, double[] vel) {
    for (int i = 0; i < n; i++) {
      double v = vel[i];
      double t = applied[i] - damping[i] * v;
      if (friction[i] != 0) {
        t -= friction[i] * Math.tanh(v / frictionVs[i]);
      }
      if (limited[i]) {
        double p = pos[i];
        if (p > upper[i]) {
          t -= limitK[i] * (p - upper[i]) + limitB[i] * v;
        } else if (p < lower[i]) {
          t -= limitK[i] * (p - lower[i]) + limitB[i] * v;
        }
      }
      tau[i] = t;
    }
  }

  private void accel(double[] pos, double[] vel, double[] out) {
    efforts(pos, vel);
    dynamics.forwardDynamics(pos, vel, tau, out);
  }

  @Override
  public void step() {
    for (int i = 0; i < n; i++) {
      double c = command[i];
      double lim = effortLimit[i];
      applied[i] = c > lim ? lim : (c < -lim ? -lim : c);
    }
    if (rk4) {
      stepRk4();
    } else {
      accel(q, qd, qdd);
      for (int i = 0; i < n; i++) {
        qd[i] += dt * qdd[i];
        q[i] += dt * qd[i];
      }
    }
    steps++;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(q[i]) || !Double.isFinite(qd[i])) {
        throw new IllegalStateException(
            "simulation diverged at t = "
                + timeS()
                + " s (joint "
                + model.jointNames().get(i)
                + ")");
      }
    }
  }

  private void stepRk4() {
    double h = dt;
    // k1
    System.arraycopy(qd, 0, k1v, 0, n);
    accel(q, qd, k1a);
    // k2
    for (int i = 0; i < n; i++) {
      qs[i] = q[i] + 0.5 * h * k1v[i];
      vs[i] = qd[i] + 0.5 * h * k1a[i];
    }
    System.arraycopy(vs, 0, k2v, 0, n);
    accel(qs, vs, k2a);
    // k3
    for (int i = 0; i < n; i++) {
      qs[i] = q[i] + 0.5 * h * k2v[i];
      vs[i] = qd[i] + 0.5 * h * k2a[i];
    }
    System.arraycopy(vs, 0, k3v, 0, n);
    accel(qs, vs, k3a);
    // k4
    for (int i = 0; i < n; i++) {
      qs[i] = q[i] + h * k3v[i];
      vs[i] = qd[i] + h * k3a[i];
    }
    System.arraycopy(vs, 0, k4v, 0, n);
    accel(qs, vs, k4a);
    for (int i = 0; i < n; i++) {
      q[i] += h / 6 * (k1v[i] + 2 * k2v[i] + 2 * k3v[i] + k4v[i]);
      qd[i] += h / 6 * (k1a[i] + 2 * k2a[i] + 2 * k3a[i] + k4a[i]);
      qdd[i] = k1a[i];
    }
  }

  @Override
  public void step(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("step count must be >= 0, got " + count);
    }
    for (int s = 0; s < count; s++) {
      step();
    }
  }

  private void checkVector(double[] x, String what) {
    if (x == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (x.length != n) {
      throw new IllegalArgumentException(
          what
              + " has "
              + x.length
              + " values, expected "
              + n
              + " (one per joint "
              + model.jointNames()
              + ")");
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i])) {
        throw new IllegalArgumentException(
            what + " value " + i + " (" + model.jointNames().get(i) + ") is not finite: " + x[i]);
      }
    }
  }

  @Override
  public void setEffortCommand(double[] effort) {
    checkVector(effort, "effort command");
    System.arraycopy(effort, 0, command, 0, n);
  }

  @Override
  public void getEffortCommand(double[] out) {
    System.arraycopy(command, 0, out, 0, n);
  }

  @Override
  public void getAppliedEffort(double[] out) {
    System.arraycopy(applied, 0, out, 0, n);
  }

  @Override
  public void getPositions(double[] out) {
    System.arraycopy(q, 0, out, 0, n);
  }

  @Override
  public void getVelocities(double[] out) {
    System.arraycopy(qd, 0, out, 0, n);
  }

  @Override
  public void getAccelerations(double[] out) {
    System.arraycopy(qdd, 0, out, 0, n);
  }

  @Override
  public double position(int i) {
    return q[i];
  }

  @Override
  public double velocity(int i) {
    return qd[i];
  }

  @Override
  public void setPositions(double[] pos) {
    checkVector(pos, "joint positions");
    System.arraycopy(pos, 0, q, 0, n);
  }

  @Override
  public void setVelocities(double[] vel) {
    checkVector(vel, "joint velocities");
    System.arraycopy(vel, 0, qd, 0, n);
  }

  @Override
  public void setInitialPositions(double[] pos) {
    checkVector(pos, "initial positions");
    System.arraycopy(pos, 0, q0, 0, n);
  }

  @Override
  public void reset() {
    System.arraycopy(q0, 0, q, 0, n);
    java.util.Arrays.fill(qd, 0);
    java.util.Arrays.fill(qdd, 0);
    java.util.Arrays.fill(command, 0);
    java.util.Arrays.fill(applied, 0);
  }

  @Override
  public long stepCount() {
    return steps;
  }

  @Override
  public double timeS() {
    return steps * dt;
  }

  @Override
  public double timeStepS() {
    return dt;
  }

  @Override
  public double totalEnergyJ() {
    dynamics.massMatrix(q, massMatrix);
    double kinetic = 0;
    for (int i = 0; i < n; i++) {
      double row = 0;
      for (int j = 0; j < n; j++) {
        row += massMatrix[i * n + j] * qd[j];
      }
      kinetic += 0.5 * qd[i] * row;
    }
    kinematics.update(q);
    double potential = 0;
    for (int l = 0; l < model.links().size(); l++) {
      Inertial in = model.links().get(l).inertial();
      if (in.massKg() == 0) {
        continue;
      }
      kinematics.pointPosition(
          l, in.origin().xyzM().x(), in.origin().xyzM().y(), in.origin().xyzM().z(), com);
      potential -=
          in.massKg()
              * (options.gravityXMps2() * com[0]
                  + options.gravityYMps2() * com[1]
                  + options.gravityZMps2() * com[2]);
    }
    return kinetic + potential;
  }
}
