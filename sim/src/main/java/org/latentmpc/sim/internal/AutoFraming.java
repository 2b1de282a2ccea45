package org.latentmpc.sim.internal;

import org.latentmpc.robot.Kinematics;
import org.latentmpc.robot.Link;
import org.latentmpc.robot.RobotModel;
import org.latentmpc.robot.Vec3;
import org.latentmpc.robot.Visual;
import org.latentmpc.sim.Scene;

/** Places a camera so that the whole robot at a configuration fills the view. */
public final class AutoFraming {
  private AutoFraming() {}

  /**
   * A copy of {@code base} whose camera looks at the robot's visuals at {@code q} from the front
   * right, above (direction (1, -0.8, 0.6) from the centre), with a 45 degree field of view.
   */
  public static Scene frame(RobotModel model, double[] q, Scene base) {
    Kinematics k = model.newKinematics();
    k.update(q);
    double[] p = new double[3];
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    int visuals = 0;
    for (int l = 0; l < model.links().size(); l++) {
      Link link = model.links().get(l);
      for (Visual v : link.visuals()) {
        Vec3 o = v.origin().xyzM();
        k.pointPosition(l, o.x(), o.y(), o.z(), p);
        double r = v.geometry().boundingRadiusM();
        for (int a = 0; a < 3; a++) {
          min[a] = Math.min(min[a], p[a] - r);
          max[a] = Math.max(max[a], p[a] + r);
        }
        visuals++;
      }
    }
    if (visuals == 0) {
      return base;
    }
    double[] c = new double[3];
    double radius = 0;
    for (int a = 0; a < 3; a++) {
      c[a] = 0.5 * (min[a] + max[a]);
      radius += 0.25 * (max[a] - min[a]) * (max[a] - min[a]);
    }
    radius = Math.sqrt(radius);
    double fov = 45;
    double dist = 1.05 * radius / Math.sin(Math.toRadians(fov) / 2);
    double[] dir = {1, -0.8, 0.6};
    double n = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
    Vec3 eye =
        new Vec3(c[0] + dist * dir[0] / n, c[1] + dist * dir[1] / n, c[2] + dist * dir[2] / n);
    Scene.Camera old = base.camera();
    return base.withCamera(
        new Scene.Camera(
            eye,
            new Vec3(c[0], c[1], c[2]),
            new Vec3(0, 0, 1),
            fov,
            old.widthPx(),
            old.heightPx()));
  }
}
