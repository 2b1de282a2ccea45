package org.latentmpc.launch.internal.eval;

import java.util.ArrayList;
import java.util.List;
import org.latentmpc.robot.Joint;
import org.latentmpc.robot.JointType;
import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.RobotModel;

/**
 * When an episode counts as a success: the end effector (the origin of the robot's deepest leaf
 * link, e.g. reacher2's {@code fingertip}, arm7's {@code arm7_tcp}) within a distance threshold of
 * the goal configuration's end effector.
 *
 * <p>The threshold is {@value #ARM7_THRESHOLD_M} m for arm7 and, for any other robot, that distance
 * scaled by the ratio of the robot's reach to arm7's. Reach is the length of the kinematic chain
 * from the first moving joint to the end effector: the sum of the distances between consecutive
 * joint origins below the first moving joint (an upper bound on how far the end effector can get
 * from the first joint). Deterministic: it depends on the URDFs only.
 */
final class SuccessCriterion {
  /** The success distance for arm7 (m), from issue 6. */
  static final double ARM7_THRESHOLD_M = 0.04;

  private final RobotModel model;
  private final Kinematics kinematics;
  private final int endEffectorLink;
  private final double reachM;
  private final double referenceReachM;
  private final double thresholdM;
  private final double[] point = new double[3];

  /**
   * @param model the robot evaluated
   * @param arm7 the arm7 model whose reach sets the scale (may be {@code model} itself)
   */
  SuccessCriterion(RobotModel model, RobotModel arm7) {
    this.model = model;
    this.kinematics = model.newKinematics();
    this.endEffectorLink = model.deepestLeafLink();
    this.reachM = reachM(model);
    this.referenceReachM = reachM(arm7);
    this.thresholdM = ARM7_THRESHOLD_M * reachM / referenceReachM;
  }

  /** The chain length from the first moving joint to the end effector (m). */
  static double reachM(RobotModel model) {
    List<Joint> path = new ArrayList<>();
    for (int link = model.deepestLeafLink(); model.parentJoint(link) != null; ) {
      path.add(model.parentJoint(link));
      link = model.parentLinkIndex(link);
    }
    // path runs from the end effector up to the root: drop the first moving joint's own offset
    // (where the arm is mounted) and everything above it.
    int top = -1;
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i).type() != JointType.FIXED) {
        top = i;
      }
    }
    double sum = 0;
    for (int i = 0; i < top; i++) {
      sum += path.get(i).origin().xyzM().norm();
    }
    return sum;
  }

  /** The success distance (m). */
  double thresholdM() {
    return thresholdM;
  }

  /** The evaluated robot's reach (m). */
  double reachM() {
    return reachM;
  }

  /** arm7's reach (m). */
  double referenceReachM() {
    return referenceReachM;
  }

  /** The end-effector link's name. */
  String endEffectorName() {
    return model.links().get(endEffectorLink).name();
  }

  /** Writes the end-effector position (world frame, m) at joint positions {@code qRad}. */
  void endEffector(double[] qRad, double[] out3) {
    kinematics.update(qRad);
    kinematics.pointPosition(endEffectorLink, 0, 0, 0, out3);
  }

  /** The distance (m) of the end effector at {@code qRad} from {@code goal3} (m). */
  double errorM(double[] qRad, double[] goal3) {
    endEffector(qRad, point);
    double dx = point[0] - goal3[0];
    double dy = point[1] - goal3[1];
    double dz = point[2] - goal3[2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }
}
