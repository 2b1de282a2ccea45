package org.latentmpc.robot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.robot.internal.DynamicsSolver;
import org.latentmpc.robot.internal.KinematicsSolver;
import org.latentmpc.robot.internal.UrdfParser;

/**
 * An immutable robot description: a tree of links connected by joints, with a fixed root link (the
 * world frame).
 *
 * <p>Links are indexed in topological order (link 0 is the root, every parent before its children).
 * Moving joints (revolute, continuous, prismatic) are indexed by "dof index", the order in which
 * they appear in the URDF file; all joint-space vectors ({@code q}, {@code qd}, {@code tau}) use
 * it.
 */
public final class RobotModel {
  private final String name;
  private final List<Link> links;
  private final List<Joint> joints;
  private final List<Joint> movingJoints;
  private final Map<String, Integer> linkIndex = new HashMap<>();
  private final Map<String, Integer> dofIndexByName = new HashMap<>();
  private final int[] parentLink;
  private final Joint[] parentJoint;
  private final int[] dofOfLink;
  private final int[] linkOfDof;

  /**
   * Builds and validates a model.
   *
   * @param name robot name
   * @param links the links, any order
   * @param joints the joints, in file order (defines the dof order)
   * @throws UrdfException if names repeat, a joint names a missing link, a link has two parents,
   *     the links do not form a single tree, or a moving joint carries no mass
   */
  public RobotModel(String name, List<Link> links, List<Joint> joints) throws UrdfException {
    this.name = name;
    this.joints = List.copyOf(joints);
    Map<String, Link> byName = new HashMap<>();
    for (Link l : links) {
      if (byName.put(l.name(), l) != null) {
        throw new UrdfException("<link name='" + l.name() + "'>: duplicate link name");
      }
    }
    if (links.isEmpty()) {
      throw new UrdfException("<robot name='" + name + "'>: no <link> elements");
    }
    Map<String, Joint> jointByChild = new HashMap<>();
    Map<String, List<Joint>> childrenOf = new HashMap<>();
    java.util.Set<String> jointNames = new java.util.HashSet<>();
    for (Joint j : joints) {
      if (!jointNames.add(j.name())) {
        throw new UrdfException("<joint name='" + j.name() + "'>: duplicate joint name");
      }
      if (!byName.containsKey(j.parent())) {
        throw new UrdfException(
            "<joint name='" + j.name() + "'>: parent link '" + j.parent() + "' is not defined");
      }
      if (!byName.containsKey(j.child())) {
        throw new UrdfException(
            "<joint name='" + j.name() + "'>: child link '" + j.child() + "' is not defined");
      }
      if (j.parent().equals(j.child())) {
        throw new UrdfException(
            "<joint name='" + j.name() + "'>: parent and child are the same link");
      }
      Joint previous = jointByChild.put(j.child(), j);
      if (previous != null) {
        throw new UrdfException(
            "<joint name='"
                + j.name()
                + "'>: link '"
                + j.child()
                + "' already has parent joint '"
                + previous.name()
                + "'");
      }
      childrenOf.computeIfAbsent(j.parent(), k -> new ArrayList<>()).add(j);
    }
    List<String> roots = new ArrayList<>();
    for (Link l : links) {
      if (!jointByChild.containsKey(l.name())) {
        roots.add(l.name());
      }
    }
    if (roots.size() != 1) {
      throw new UrdfException(
          "<robot name='"
              + name
              + "'>: expected exactly one root link (a link that is no joint's child), found "
              + (roots.isEmpty() ? "none (the joints form a cycle)" : roots));
    }
    List<Link> ordered = new ArrayList<>();
    List<Joint> pendingJoint = new ArrayList<>();
    pendingJoint.add(null);
    int head = 0;
    List<String> order = new ArrayList<>();
    order.add(roots.get(0));
    List<Integer> orderParent = new ArrayList<>();
    orderParent.add(-1);
    while (head < order.size()) {
      String current = order.get(head);
      for (Joint j : childrenOf.getOrDefault(current, Collections.emptyList())) {
        order.add(j.child());
        orderParent.add(head);
        pendingJoint.add(j);
      }
      head++;
    }
    if (order.size() != links.size()) {
      List<String> unreachable = new ArrayList<>();
      for (Link l : links) {
        if (!order.contains(l.name())) {
          unreachable.add(l.name());
        }
      }
      throw new UrdfException(
          "<robot name='" + name + "'>: links not connected to the root (cycle): " + unreachable);
    }
    for (int i = 0; i < order.size(); i++) {
      ordered.add(byName.get(order.get(i)));
      linkIndex.put(order.get(i), i);
    }
    this.links = List.copyOf(ordered);
    this.parentLink = orderParent.stream().mapToInt(Integer::intValue).toArray();
    this.parentJoint = pendingJoint.toArray(new Joint[0]);
    List<Joint> moving = new ArrayList<>();
    for (Joint j : joints) {
      if (j.type().isMoving()) {
        dofIndexByName.put(j.name(), moving.size());
        moving.add(j);
      }
    }
    this.movingJoints = List.copyOf(moving);
    this.dofOfLink = new int[order.size()];
    Arrays.fill(dofOfLink, -1);
    this.linkOfDof = new int[moving.size()];
    for (int i = 1; i < order.size(); i++) {
      Joint j = parentJoint[i];
      if (j.type().isMoving()) {
        int d = dofIndexByName.get(j.name());
        dofOfLink[i] = d;
        linkOfDof[d] = i;
      }
    }
    // A moving joint must move some mass, or forward dynamics is singular.
    double[] subtreeMass = new double[order.size()];
    for (int i = order.size() - 1; i >= 0; i--) {
      subtreeMass[i] += this.links.get(i).inertial().massKg();
      if (i > 0) {
        subtreeMass[parentLink[i]] += subtreeMass[i];
      }
    }
    for (int i = 1; i < order.size(); i++) {
      if (dofOfLink[i] >= 0 && !(subtreeMass[i] > 0)) {
        throw new UrdfException(
            "<joint name='"
                + parentJoint[i].name()
                + "'>: moves no mass (child link '"
                + order.get(i)
                + "' and its descendants have no <inertial> mass), so its dynamics are singular");
      }
    }
  }

  /** Parses a URDF file. */
  public static RobotModel fromUrdf(Path file) throws IOException, UrdfException {
    try {
      return UrdfParser.parse(Files.readString(file));
    } catch (UrdfException e) {
      throw new UrdfException(file + ": " + e.getMessage(), e.getCause());
    }
  }

  /** Parses URDF text. */
  public static RobotModel fromUrdfString(String urdf) throws UrdfException {
    return UrdfParser.parse(urdf);
  }

  /** A new forward-kinematics workspace for this model (not thread-safe; one per thread). */
  public Kinematics newKinematics() {
    return new KinematicsSolver(this);
  }

  /** A new dynamics workspace for this model (not thread-safe; one per thread). */
  public Dynamics newDynamics() {
    return new DynamicsSolver(this);
  }

  /** The robot name. */
  public String name() {
    return name;
  }

  /** Number of moving joints (degrees of freedom). */
  public int dof() {
    return movingJoints.size();
  }

  /** All links in topological order (index 0 is the root). */
  public List<Link> links() {
    return links;
  }

  /** All joints in file order. */
  public List<Joint> joints() {
    return joints;
  }

  /** The moving joints in dof order. */
  public List<Joint> movingJoints() {
    return movingJoints;
  }

  /** The moving joint of dof index {@code dof}. */
  public Joint movingJoint(int dof) {
    return movingJoints.get(dof);
  }

  /** Names of the moving joints in dof order (the order of /joint_states and effort commands). */
  public List<String> jointNames() {
    List<String> names = new ArrayList<>(movingJoints.size());
    for (Joint j : movingJoints) {
      names.add(j.name());
    }
    return names;
  }

  /** The index of the link called {@code linkName}, or -1. */
  public int linkIndex(String linkName) {
    return linkIndex.getOrDefault(linkName, -1);
  }

  /** The dof index of the moving joint called {@code jointName}, or -1. */
  public int dofIndex(String jointName) {
    return dofIndexByName.getOrDefault(jointName, -1);
  }

  /** The index of the parent link of link {@code link} (-1 for the root). */
  public int parentLinkIndex(int link) {
    return parentLink[link];
  }

  /** The joint whose child is link {@code link} ({@code null} for the root). */
  public Joint parentJoint(int link) {
    return parentJoint[link];
  }

  /** The dof index of the joint moving link {@code link}, or -1 (root or fixed joint). */
  public int dofOfLink(int link) {
    return dofOfLink[link];
  }

  /** The link moved by dof {@code dof}. */
  public int linkOfDof(int dof) {
    return linkOfDof[dof];
  }

  /** The index of a link with no children that is deepest in the tree (an end effector guess). */
  public int deepestLeafLink() {
    int best = 0;
    int bestDepth = -1;
    for (int i = 0; i < links.size(); i++) {
      int depth = 0;
      for (int p = parentLink[i]; p >= 0; p = parentLink[p]) {
        depth++;
      }
      if (depth > bestDepth) {
        best = i;
        bestDepth = depth;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "RobotModel[" + name + ", " + links.size() + " links, " + dof() + " dof]";
  }
}
