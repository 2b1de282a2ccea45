package org.latentmpc.worldmodel;

/**
 * Which bag topics hold the dataset, and how actions are aligned.
 *
 * @param image sensor_msgs/Image topic (rgb8, bgr8, rgba8, bgra8 or mono8)
 * @param jointStates sensor_msgs/JointState topic
 * @param action std_msgs/Float64MultiArray topic of the actions (one message per control step)
 * @param actionKind what the action messages hold: joint-position deltas (the model's action, as
 *     {@code collect} records on {@code /collect/action}) or absolute joint-position targets (as a
 *     {@code rosbag record} of {@code /arm_controller/group_command} on a real arm holds), which
 *     the reader turns into deltas (target minus the joint positions observed at the action time)
 * @param episode optional std_msgs/Int32 topic: a message marks the start of an episode (reset);
 *     when the bag lacks it, episodes are split at time gaps only
 * @param actionPeriodS the control period in s, or 0 to infer it (median action interval)
 * @param maxGapPeriods an action interval longer than this many periods starts a new episode
 */
public record BagTopics(
    String image,
    String jointStates,
    String action,
    ActionKind actionKind,
    String episode,
    double actionPeriodS,
    double maxGapPeriods) {

  /** What an action message holds. */
  public enum ActionKind {
    /** Joint-position deltas in rad per control period: used as they are. */
    DELTA,
    /**
     * Absolute joint-position targets in rad (one per joint, in the joint state's order): turned
     * into deltas against the joint positions observed at the action time.
     */
    TARGET
  }

  /** The topic of the joint-position deltas that {@code collect} records. */
  public static final String DELTA_ACTION_TOPIC = "/collect/action";

  /** The controllers' command topic (absolute joint-position targets). */
  public static final String TARGET_ACTION_TOPIC = "/arm_controller/group_command";

  /** The defaults of the collect command: deltas from {@code /collect/action}. */
  public static final BagTopics DEFAULTS =
      new BagTopics(
          "/camera/image_raw",
          "/joint_states",
          DELTA_ACTION_TOPIC,
          ActionKind.DELTA,
          "/collect/episode",
          0,
          1.5);

  /** Checks names and numbers. */
  public BagTopics {
    for (String t : new String[] {image, jointStates, action, episode}) {
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("topic names must not be blank");
      }
    }
    image = absolute(image);
    jointStates = absolute(jointStates);
    action = absolute(action);
    episode = absolute(episode);
    if (actionKind == null) {
      throw new IllegalArgumentException("actionKind must not be null");
    }
    if (!(actionPeriodS >= 0) || !Double.isFinite(actionPeriodS)) {
      throw new IllegalArgumentException("actionPeriodS must be >= 0, got " + actionPeriodS);
    }
    if (!(maxGapPeriods > 1) || !Double.isFinite(maxGapPeriods)) {
      throw new IllegalArgumentException("maxGapPeriods must be > 1, got " + maxGapPeriods);
    }
  }

  /** The same with another action topic holding actions of {@code kind}. */
  public BagTopics withAction(String topic, ActionKind kind) {
    return new BagTopics(image, jointStates, topic, kind, episode, actionPeriodS, maxGapPeriods);
  }

  private static String absolute(String topic) {
    return topic.startsWith("/") ? topic : "/" + topic;
  }
}
