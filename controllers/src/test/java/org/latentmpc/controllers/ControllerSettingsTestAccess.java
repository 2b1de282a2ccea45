package org.latentmpc.controllers;

/** Test fixtures of this package shared with the internal package's tests. */
public final class ControllerSettingsTestAccess {
  private ControllerSettingsTestAccess() {}

  /** A six-joint URDF with UR e-series joint names and limits. */
  public static String urLikeUrdf() {
    return ControllerSettingsTest.urLikeUrdf();
  }
}
