package org.latentmpc.ros.msgs;

import java.util.List;
import org.latentmpc.ros.MessageType;

/** Every message class of the library, for tests that must cover them all. */
final class AllMessageTypes {
  private AllMessageTypes() {}

  static final List<MessageType<?>> ALL =
      List.of(
          org.latentmpc.ros.msgs.std_msgs.Header.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Bool.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Int32.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Float32.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Float64.TYPE,
          org.latentmpc.ros.msgs.std_msgs.String.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Empty.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Float32MultiArray.TYPE,
          org.latentmpc.ros.msgs.std_msgs.Float64MultiArray.TYPE,
          org.latentmpc.ros.msgs.std_msgs.MultiArrayLayout.TYPE,
          org.latentmpc.ros.msgs.std_msgs.MultiArrayDimension.TYPE,
          org.latentmpc.ros.msgs.std_msgs.ColorRGBA.TYPE,
          org.latentmpc.ros.msgs.sensor_msgs.JointState.TYPE,
          org.latentmpc.ros.msgs.sensor_msgs.Image.TYPE,
          org.latentmpc.ros.msgs.sensor_msgs.CameraInfo.TYPE,
          org.latentmpc.ros.msgs.sensor_msgs.RegionOfInterest.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.Point.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.Vector3.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.Quaternion.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.Pose.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.PoseStamped.TYPE,
          org.latentmpc.ros.msgs.geometry_msgs.Twist.TYPE,
          org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectory.TYPE,
          org.latentmpc.ros.msgs.trajectory_msgs.JointTrajectoryPoint.TYPE,
          org.latentmpc.ros.msgs.rosgraph_msgs.Clock.TYPE,
          org.latentmpc.ros.msgs.actionlib_msgs.GoalID.TYPE,
          org.latentmpc.ros.msgs.actionlib_msgs.GoalStatus.TYPE,
          org.latentmpc.ros.msgs.actionlib_msgs.GoalStatusArray.TYPE,
          org.latentmpc.ros.msgs.rosgraph_msgs.Log.TYPE,
          org.latentmpc.ros.msgs.visualization_msgs.Marker.TYPE,
          org.latentmpc.ros.msgs.visualization_msgs.MarkerArray.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.Latent.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.PlanStatus.TYPE,
          org.latentmpc.ros.msgs.std_srvs.EmptyRequest.TYPE,
          org.latentmpc.ros.msgs.std_srvs.EmptyResponse.TYPE,
          org.latentmpc.ros.msgs.std_srvs.TriggerRequest.TYPE,
          org.latentmpc.ros.msgs.std_srvs.TriggerResponse.TYPE,
          org.latentmpc.ros.msgs.std_srvs.SetBoolRequest.TYPE,
          org.latentmpc.ros.msgs.std_srvs.SetBoolResponse.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.PredictRequest.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.PredictResponse.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateRequest.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.SetJointStateResponse.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.SetTargetRequest.TYPE,
          org.latentmpc.ros.msgs.latent_mpc_msgs.SetTargetResponse.TYPE);
}
