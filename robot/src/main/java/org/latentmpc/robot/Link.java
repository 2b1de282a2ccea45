package org.latentmpc.robot;

import java.util.List;

/** A rigid body of the robot (URDF {@code <link>}). */
public record Link(
    String name, Inertial inertial, List<Visual> visuals, List<Collision> collisions) {
  /** Copies the lists so the record stays immutable. */
  public Link {
    visuals = List.copyOf(visuals);
    collisions = List.copyOf(collisions);
  }
}
