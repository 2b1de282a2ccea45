package org.latentmpc.controllers;

/** What a {@link JointController} is doing in the current cycle. */
public enum ControlMode {
  /** Holding a fixed position (start-up, watchdog trip, after an e-stop reset). */
  HOLD,
  /** Group position control: moving (rate limited) to the last position command. */
  POSITION,
  /** Group velocity control. */
  VELOCITY,
  /** Group effort control (efforts passed through the safety limits). */
  EFFORT,
  /** Following a joint trajectory (or its stop ramp). */
  TRAJECTORY,
  /** The emergency stop is latched: holding the position where it was pressed. */
  EMERGENCY_STOP
}
