package org.latentmpc.launch.internal.eval;

/**
 * The oracle reference: the planner over {@link OracleDynamics} (the true simulator); the latent is
 * the joint state and the goal latent the goal positions at zero velocity.
 */
final class OraclePolicy extends PlannerPolicy {

  OraclePolicy() {
    super("oracle");
  }

  @Override
  void encodeGoal(EpisodeSpec episode, float[] zOut) {
    OracleDynamics.stateLatent(episode.goalRad(), null, zOut);
  }

  @Override
  void encodeNow(double[] qRad, double[] qdRadPerS, float[] zOut) {
    OracleDynamics.stateLatent(qRad, qdRadPerS, zOut);
  }
}
