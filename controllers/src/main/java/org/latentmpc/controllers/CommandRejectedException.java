package org.latentmpc.controllers;

/**
 * A command was refused (wrong length, non-finite value, out of the safety limits, or an emergency
 * stop is latched). Nothing changed: the last safe command stays in force.
 */
public final class CommandRejectedException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A rejection with a message naming what is wrong. */
  public CommandRejectedException(String message) {
    super(message);
  }
}
