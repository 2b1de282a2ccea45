package org.latentmpc.worldmodel;

/**
 * Which bag topics hold the dataset, and how actions are aligned.
 *
 * @param image sensor_msgs/Image topic (rgb8, bgr8, rgba8, bgra8 or mono8)
 * @param jointStates sensor_msgs/JointState topic
 * @param action std_msgs/Float64MultiArray topic of the actions (one message per control step)
 * @param episode optional std_msgs/Int32 topic: a message marks the start of an episode (reset);
 *     when the bag lacks it, episodes are split at time gaps only
 * @param actionPeriodS the control period in s, or 0 to infer it (median action interval)
 * @param maxGapPeriods an action interval longer than this many periods starts a new episode
 */
public record BagTopics(
    String image,
    String jointStates,
    String action,
    String episode,
    double actionPeriodS,
    double maxGapPeriods) {

  /** The defaults of the collect command. */
  public static final BagTopics DEFAULTS =
      new BagTopics(
          "/camera/image_raw",
          "/joint_states",
          "/arm_controller/group_command",
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
    if (!(actionPeriodS >= 0) || !Double.isFinite(actionPeriodS)) {
      throw new IllegalArgumentException("actionPeriodS must be >= 0, got " + actionPeriodS);
    }
    if (!(maxGapPeriods > 1) || !Double.isFinite(maxGapPeriods)) {
      throw new IllegalArgumentException("maxGapPeriods must be > 1, got " + maxGapPeriods);
    }
  }

  /** The same with another action topic. */
  public BagTopics withAction(String topic) {
    return new BagTopics(image, jointStates, topic, episode, actionPeriodS, maxGapPeriods);
  }

  private static String absolute(String topic) {
    return topic.startsWith("/") ? topic : "/" + topic;
  }
}
