package org.latentmpc.launch.internal.eval;

import org.latentmpc.planner.PlanResult;
import org.latentmpc.planner.Planner;

/**
 * A receding-horizon planner as a policy: encode the current state, plan towards the goal latent,
 * execute the first action. Subclasses say how states and goals become latents. Plan wall time is
 * measured here with {@link System#nanoTime()} around {@link Planner#plan} only.
 */
abstract class PlannerPolicy implements Policy {
  private final String name;
  private Planner planner;
  private PlanResult result;
  private float[] zNow;
  private float[] zGoal;
  private float[] qf;
  private float[] executed;
  private double goalDistance = Double.NaN;
  private double readoutDistance = Double.NaN;
  private float[] readout = new float[0];

  PlannerPolicy(String name) {
    this.name = name;
  }

  /** Sets the planner (once, before the first episode); its latent size fixes the buffers. */
  final void setPlanner(Planner p) {
    this.planner = p;
    this.result = p.newResult();
    this.zNow = new float[p.latentDim()];
    this.zGoal = new float[p.latentDim()];
    this.qf = new float[p.actionDim()];
    this.executed = new float[p.actionDim()];
  }

  /**
   * Sets the model's state readout ({@link org.latentmpc.worldmodel.WorldModel#stateReadout}, a
   * row-major {@code [K][D]} matrix; empty for none), so that {@link #lastReadoutDistance} reports
   * the distance between the states the current and the goal latent encode.
   */
  final void setReadout(float[] readoutMatrix) {
    if (readoutMatrix.length % zNow.length != 0) {
      throw new IllegalArgumentException(
          "readout of " + readoutMatrix.length + " values does not fit latent size " + zNow.length);
    }
    this.readout = readoutMatrix.clone();
  }

  /** The planner. */
  final Planner planner() {
    return planner;
  }

  /** Writes the goal latent of {@code episode} into {@code zOut}. */
  abstract void encodeGoal(EpisodeSpec episode, float[] zOut);

  /** Writes the latent of the current state into {@code zOut}. */
  abstract void encodeNow(double[] qRad, double[] qdRadPerS, float[] zOut);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean plans() {
    return true;
  }

  @Override
  public void startEpisode(EpisodeSpec episode) {
    encodeGoal(episode, zGoal);
    planner.reset();
    goalDistance = Double.NaN;
    readoutDistance = Double.NaN;
  }

  @Override
  public final long act(double[] qRad, double[] qdRadPerS, double[] deltaOut) {
    encodeNow(qRad, qdRadPerS, zNow);
    double s = 0;
    for (int i = 0; i < zNow.length; i++) {
      double d = zNow[i] - zGoal[i];
      s += d * d;
    }
    goalDistance = Math.sqrt(s);
    readoutDistance = readout.length == 0 ? Double.NaN : readoutDistance();
    for (int j = 0; j < qf.length; j++) {
      qf[j] = (float) qRad[j];
    }
    planner.setJointPositions(qf);
    long t0 = System.nanoTime();
    planner.plan(zNow, zGoal, result);
    long nanos = System.nanoTime() - t0;
    for (int j = 0; j < deltaOut.length; j++) {
      deltaOut[j] = result.action(0, j);
    }
    return nanos;
  }

  @Override
  public final double lastGoalDistance() {
    return goalDistance;
  }

  private double readoutDistance() {
    int d = zNow.length;
    double total = 0;
    for (int row = 0; row < readout.length / d; row++) {
      double v = 0;
      for (int i = 0; i < d; i++) {
        v += readout[row * d + i] * (zNow[i] - zGoal[i]);
      }
      total += v * v;
    }
    return Math.sqrt(total);
  }

  @Override
  public final double lastReadoutDistance() {
    return readoutDistance;
  }

  @Override
  public final double lastPlanCost() {
    return result.bestCost();
  }

  @Override
  public final void executed(double[] deltaRad) {
    for (int j = 0; j < executed.length; j++) {
      executed[j] = (float) deltaRad[j];
    }
    planner.setPreviousAction(executed);
  }
}
