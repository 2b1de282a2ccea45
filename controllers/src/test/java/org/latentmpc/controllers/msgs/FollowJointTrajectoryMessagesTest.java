package org.latentmpc.controllers.msgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.latentmpc.ros.Duration;
import org.latentmpc.ros.Message;
import org.latentmpc.ros.MessageFormatException;
import org.latentmpc.ros.MessageType;
import org.latentmpc.ros.Time;
import org.latentmpc.ros.internal.message.MessageSpecs;
import org.latentmpc.ros.msgs.actionlib_msgs.GoalStatus;
import org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint;

/**
 * The control_msgs action types against the md5 sums of ROS Noetic's control_msgs 1.5
 * (FollowJointTrajectory.action with error_string): control_msgs is not packaged in Debian, so the
 * canonical values are pinned here (they agree across independently generated client libraries, and
 * genmsg computes the same from our .msg files).
 */
class FollowJointTrajectoryMessagesTest {
  @Test
  void md5sumsMatchRosNoetic() {
    assertEquals("f544fe9c16cf04547e135dd6063ff5be", JointTolerance.TYPE.md5());
    assertEquals("69636787b6ecbde4d61d711979bc7ecb", FollowJointTrajectoryGoal.TYPE.md5());
    assertEquals("493383b18409bfb604b4e26c676401d2", FollowJointTrajectoryResult.TYPE.md5());
    assertEquals("10817c60c2486ef6b33e97dcd87f4474", FollowJointTrajectoryFeedback.TYPE.md5());
    assertEquals("cff5c1d533bf2f82dd0138d57f4304bb", FollowJointTrajectoryActionGoal.TYPE.md5());
    assertEquals("c4fb3b000dc9da4fd99699380efcc5d9", FollowJointTrajectoryActionResult.TYPE.md5());
    assertEquals(
        "d8920dc4eae9fc107e00999cce4be641", FollowJointTrajectoryActionFeedback.TYPE.md5());
    assertEquals(
        "bc4f9b743838566551c0390c65f1a248",
        MessageSpecs.describe("control_msgs/FollowJointTrajectoryAction").md5());
  }

  @Test
  void definitionsCarryTheirDependencies() {
    String d = FollowJointTrajectoryActionGoal.TYPE.definition();
    assertTrue(d.contains("\nMSG: actionlib_msgs/GoalID\n"), d);
    assertTrue(d.contains("\nMSG: control_msgs/JointTolerance\n"), d);
    assertTrue(d.contains("\nMSG: trajectory_msgs/JointTrajectoryPoint\n"), d);
  }

  @Test
  void actionMessagesRoundTrip() {
    FollowJointTrajectoryActionGoal g = new FollowJointTrajectoryActionGoal();
    g.getHeader().setSeq(3).setStamp(new Time(5, 6));
    g.getGoalId().setId("client-1-5.000").setStamp(new Time(5, 0));
    g.getGoal().getTrajectory().setJointNames(new String[] {"a", "b"});
    g.getGoal()
        .getTrajectory()
        .getPoints()
        .add(
            new JointTrajectoryPoint()
                .setPositions(new double[] {0.1, 0.2})
                .setTimeFromStart(Duration.fromSeconds(1.5)));
    g.getGoal()
        .getPathTolerance()
        .add(new JointTolerance().setName("a").setPosition(0.1).setVelocity(-1));
    g.getGoal().getGoalTolerance().add(new JointTolerance().setName("b").setPosition(0.01));
    g.getGoal().setGoalTimeTolerance(Duration.fromSeconds(0.25));
    assertEquals(g, roundTrip(g, FollowJointTrajectoryActionGoal.TYPE));

    FollowJointTrajectoryActionResult r = new FollowJointTrajectoryActionResult();
    r.getStatus().setStatus(GoalStatus.ABORTED).setText("path");
    r.getStatus().getGoalId().setId("x");
    r.getResult()
        .setErrorCode(FollowJointTrajectoryResult.PATH_TOLERANCE_VIOLATED)
        .setErrorString("joint 'a' 0.3 rad off its path");
    assertEquals(r, roundTrip(r, FollowJointTrajectoryActionResult.TYPE));

    FollowJointTrajectoryActionFeedback f = new FollowJointTrajectoryActionFeedback();
    f.getFeedback().setJointNames(new String[] {"a"});
    f.getFeedback().getDesired().setPositions(new double[] {1});
    f.getFeedback().getActual().setPositions(new double[] {0.5});
    f.getFeedback().getError().setPositions(new double[] {0.5});
    assertEquals(f, roundTrip(f, FollowJointTrajectoryActionFeedback.TYPE));
  }

  @Test
  void truncatedGoalIsAClearError() {
    FollowJointTrajectoryActionGoal g = new FollowJointTrajectoryActionGoal();
    g.getGoal().getGoalTolerance().add(new JointTolerance().setName("b").setPosition(0.01));
    ByteBuffer buf = serialize(g);
    buf.limit(buf.limit() - 10);
    assertThrows(
        MessageFormatException.class, () -> new FollowJointTrajectoryActionGoal().deserialize(buf));
  }

  private static ByteBuffer serialize(Message m) {
    ByteBuffer buf = ByteBuffer.allocate(m.serializedSize()).order(ByteOrder.LITTLE_ENDIAN);
    m.serialize(buf);
    assertEquals(0, buf.remaining(), "serializedSize agrees with serialize");
    buf.flip();
    return buf;
  }

  private static <T extends Message> T roundTrip(T m, MessageType<T> type) {
    ByteBuffer buf = serialize(m);
    T copy = type.newMessage();
    copy.deserialize(buf);
    return copy;
  }
}
