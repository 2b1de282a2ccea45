/**
 * The JEPA world model: API.
 *
 * <p>For the planner and the nodes:
 *
 * <pre>{@code
 * try (WorldModel model = WorldModels.load(Path.of("models/reacher2"))) {
 *   float[] z = new float[model.latentDim()];
 *   model.encode(new Observation(64, 64, rgb, positionsRad, velocitiesRadPerS), z);
 *   // N candidate sequences of H actions (raw joint-position deltas, rad), row-major.
 *   float[] actions = new float[n * h * model.actionDim()];
 *   float[] predicted = new float[n * h * model.latentDim()];   // preallocated once
 *   model.rollout(z, actions, n, h, predicted);                 // every planning cycle
 * }
 * }</pre>
 *
 * <p>Training and evaluation: {@link org.latentmpc.worldmodel.BagDatasetReader} turns rosbags into
 * {@link org.latentmpc.worldmodel.SequenceDataset}s; {@link org.latentmpc.worldmodel.Trainer}
 * writes checkpoint folders configured by {@link org.latentmpc.worldmodel.ModelConfig} ({@code
 * sim-configs/models/*.yaml}); {@link org.latentmpc.worldmodel.Evaluator} measures them. The
 * commands {@code train} and {@code eval-model} live in {@code internal.cli}.
 */
package org.latentmpc.worldmodel;
