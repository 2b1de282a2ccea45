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
      defaultValue = BagTopics.DELTA_ACTION_TOPIC,
      description = "std_msgs/Float64MultiArray action topic (default: ${DEFAULT-VALUE})")
  String actionTopic;

  @Option(
      names = "--action-kind",
      defaultValue = "DELTA",
      paramLabel = "delta|target",
      converter = ActionKindConverter.class,
      description =
          "what the action messages hold: joint-position deltas, or absolute targets (e.g. a"
              + " recording of /arm_controller/group_command on a real arm), turned into deltas"
              + " against the observed joint positions (default: delta)")
  BagTopics.ActionKind actionKind;

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

  /** The bag files. */
  public List<Path> bags() {
    return bags;
  }

  /** The topic settings. */
  public BagTopics topics() {
    return new BagTopics(
        imageTopic,
        jointStatesTopic,
        actionTopic,
        actionKind,
        episodeTopic,
        actionPeriodS,
        BagTopics.DEFAULTS.maxGapPeriods());
  }

  /** Accepts delta / target in any case. */
  static final class ActionKindConverter
      implements picocli.CommandLine.ITypeConverter<BagTopics.ActionKind> {
    @Override
    public BagTopics.ActionKind convert(String value) {
      try {
        return BagTopics.ActionKind.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'" + value + "' is not an action kind: use delta or target");
      }
    }
  }
}
