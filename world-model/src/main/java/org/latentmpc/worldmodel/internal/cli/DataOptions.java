package org.latentmpc.worldmodel.internal.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentmpc.worldmodel.BagTopics;
import picocli.CommandLine.Option;

/** The options naming the bag files and their topics, shared by train and eval-model. */
public final class DataOptions {

  @Option(
      names = "--data",
      required = true,
      split = ",",
      paramLabel = "FILE.bag",
      description = "rosbag v2 file(s), comma separated")
  List<Path> bags = new ArrayList<>();

  @Option(
      names = "--image-topic",
      defaultValue = "/camera/image_raw",
      description = "sensor_msgs/Image topic (default: ${DEFAULT-VALUE})")
  String imageTopic;

  @Option(
      names = "--joint-states-topic",
      defaultValue = "/joint_states",
      description = "sensor_msgs/JointState topic (default: ${DEFAULT-VALUE})")
  String jointStatesTopic;

  @Option(
      names = "--action-topic",
      defaultValue = "/arm_controller/group_command",
      description = "std_msgs/Float64MultiArray action topic (default: ${DEFAULT-VALUE})")
  String actionTopic;

  @Option(
      names = "--episode-topic",
      defaultValue = "/collect/episode",
      description =
          "std_msgs/Int32 episode-start topic, optional in the bag (default: ${DEFAULT-VALUE})")
  String episodeTopic;

  @Option(
      names = "--action-period",
      defaultValue = "0",
      paramLabel = "S",
      description =
          "control period in s; 0 infers it from the action messages (default: ${DEFAULT-VALUE})")
  double actionPeriodS;

  /** The topic settings. */
  BagTopics topics() {
    return new BagTopics(
        imageTopic,
        jointStatesTopic,
        actionTopic,
        episodeTopic,
        actionPeriodS,
        BagTopics.DEFAULTS.maxGapPeriods());
  }
}
