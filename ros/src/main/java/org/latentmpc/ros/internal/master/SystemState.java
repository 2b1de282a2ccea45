package org.latentmpc.ros.internal.master;

import java.util.List;
import java.util.Map;

/**
 * The master's getSystemState: for every topic its publisher and subscriber node names, and for
 * every service its provider node names (maps keep the master's order).
 */
public record SystemState(
    Map<String, List<String>> publishers,
    Map<String, List<String>> subscribers,
    Map<String, List<String>> services) {}
