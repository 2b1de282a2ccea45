/**
 * The planner ROS node ({@link org.latentmpc.planner.internal.node.PlannerNode}): latent MPC
 * towards an encoded goal image, commanding the controllers' group position command.
 */
package org.latentmpc.planner.internal.node;
