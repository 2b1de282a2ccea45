package org.latentmpc.worldmodel;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import org.latentmpc.worldmodel.internal.model.CheckpointMetadata;
import org.latentmpc.worldmodel.internal.model.Checkpoints;
import org.latentmpc.worldmodel.internal.model.JepaNetwork;
import org.latentmpc.worldmodel.internal.train.AdamOptimizer;
import org.latentmpc.worldmodel.internal.train.Regularizers;
import org.latentmpc.worldmodel.internal.train.StateTargets;
import org.latentmpc.worldmodel.internal.train.Windows;

/**
 * Trains the JEPA world model: the online encoder encodes every frame of a window {@code o_t ..
 * o_{t+H}}; the predictor rolls out from {@code z_t} with the recorded actions; the loss is the
 * mean squared error to the target latents of {@code o_{t+1..t+H}} (a stop-gradient pass of the
 * online encoder, or an EMA copy) plus the anti-collapse regulariser on the online latents, plus,
 * with {@code state_probe_weight > 0}, the squared error of a linear state probe that reads the
 * robot's state (joint positions and/or the end effector's position, each standardised) off every
 * online latent (training only). Adam, seeded, one progress line every tenth of an epoch, a
 * validation pass and a checkpoint (see {@link WorldModels#load}) after every epoch.
 */
public final class Trainer {

  /** Validation windows evaluated per epoch at most (a seeded sample). */
  public static final int MAX_VALIDATION_WINDOWS = 2048;

  private final ModelConfig config;
  private final Path outDir;
  private final PrintStream progress;
  private final Function<double[], double[]> endEffector;

  /**
   * @param config model and training settings
   * @param outDir the checkpoint folder (created)
   * @param progress where progress lines go
   */
  public Trainer(ModelConfig config, Path outDir, PrintStream progress) {
    this(config, outDir, progress, null);
  }

  /**
   * @param config model and training settings
   * @param outDir the checkpoint folder (created)
   * @param progress where progress lines go
   * @param endEffector forward kinematics from the data's joint positions (rad) to the end
   *     effector's position (m), for a state probe on the end effector; null when not needed
   */
  public Trainer(
      ModelConfig config,
      Path outDir,
      PrintStream progress,
      Function<double[], double[]> endEffector) {
    this.config = Objects.requireNonNull(config);
    this.outDir = Objects.requireNonNull(outDir);
    this.progress = Objects.requireNonNull(progress);
    this.endEffector = endEffector;
  }

  /**
   * One epoch's results.
   *
   * @param epoch 1-based epoch
   * @param trainLoss mean training loss over the epoch
   * @param trainPrediction mean training prediction term
   * @param trainRegularizer mean training regulariser term
   * @param validationLoss validation loss
   * @param validationPrediction validation prediction term
   * @param validationRegularizer validation regulariser term
   * @param trainStateProbe mean training state-probe error (mean square of the standardised state:
   *     1 is no better than its mean; 0 without a probe)
   * @param validationStateProbe validation state-probe error (as above)
   */
  public record EpochResult(
      int epoch,
      double trainLoss,
      double trainPrediction,
      double trainRegularizer,
      double validationLoss,
      double validationPrediction,
      double validationRegularizer,
      double trainStateProbe,
      double validationStateProbe) {}

  /**
   * The result of a training run.
   *
   * @param checkpoint the checkpoint folder
   * @param epochs the epochs run by this call (empty when a resumed run was already complete)
   * @param steps training steps run by this call
   * @param samplesPerSecond training windows per second of wall time (excluding validation)
   * @param firstLoss the first step's training loss of this call
   */
  public record Result(
      Path checkpoint,
      List<EpochResult> epochs,
      long steps,
      double samplesPerSecond,
      double firstLoss) {}

  /**
   * Trains on {@code data} (split by episode), writing a checkpoint to the out folder after every
   * epoch.
   *
   * @param resume continue from the checkpoint in the out folder (same config except epochs, same
   *     data); without it an existing checkpoint there is an error
   * @throws CheckpointException when resuming from a missing, corrupt or mismatching checkpoint
   * @throws IllegalArgumentException when the data does not fit the config
   */
  public Result train(SequenceDataset data, boolean resume) throws IOException {
    return train(data, resume, null);
  }

  /**
   * Trains as {@link #train(SequenceDataset, boolean)}, but a fresh run may start from the weights
   * of another checkpoint (fine-tuning, e.g. after adding a state probe).
   *
   * @param initFrom a checkpoint folder of the same architecture and action size whose encoder,
   *     head and predictor weights (and input normalisation) the run starts from; null for random
   *     weights. Not allowed when resuming an existing checkpoint.
   * @throws CheckpointException when {@code initFrom} is missing, corrupt or does not fit
   */
  public Result train(SequenceDataset data, boolean resume, Path initFrom) throws IOException {
    if (data.width() != config.imageWidth() || data.height() != config.imageHeight()) {
      throw new IllegalArgumentException(
          "the data has "
              + data.width()
              + "x"
              + data.height()
              + " images but the config says "
              + config.imageWidth()
              + "x"
              + config.imageHeight());
    }
    int proprioDim = config.proprioDim(data.jointCount());
    if (config.proprio().equals("positions_velocities") && !data.hasVelocities()) {
      throw new IllegalArgumentException(
          "proprio: positions_velocities, but the data has no joint velocities");
    }
    int stateDim = config.stateProbeDim(data.jointCount());
    if (config.hasStateProbe() || config.predictorTakesPositions()) {
      if (data.jointCount() == 0 || data.jointNames().size() != data.jointCount()) {
        throw new IllegalArgumentException(
            "state_probe_weight > 0 and predictor_proprio: positions need named joint positions in"
                + " the data (it has "
                + data.jointNames().size()
                + " joint names and "
                + data.jointCount()
                + " positions per frame)");
      }
      if (config.predictorTakesPositions() && data.actionDim() != data.jointCount()) {
        throw new IllegalArgumentException(
            "predictor_proprio: positions adds each action to the joint positions, but the data"
                + " has "
                + data.actionDim()
                + " action entries for "
                + data.jointCount()
                + " joints");
      }
      if (config.stateProbeUsesEndEffector() && endEffector == null) {
        throw new IllegalArgumentException(
            "state_probe: " + config.stateProbe() + " needs the robot model (train --robot)");
      }
    }
    SequenceDataset.Split split = data.split(config.validationFraction(), config.seed());
    StateTargets targets =
        stateDim > 0
            ? StateTargets.fit(split.train(), StateTargets.raw(config.stateProbe(), endEffector))
            : null;
    Windows train =
        new Windows(
            split.train(), config.horizon(), targets == null ? null : targets.of(split.train()));
    Windows val =
        new Windows(
            split.validation(),
            config.horizon(),
            targets == null ? null : targets.of(split.validation()));
    CheckpointMetadata previous = null;
    if (Checkpoints.exists(outDir)) {
      if (initFrom != null) {
        throw new IllegalArgumentException(
            "--init-from starts a new run, but " + outDir + " already holds a checkpoint");
      }
      if (!resume) {
        throw new IllegalArgumentException(
            outDir + " already holds a checkpoint: pass --resume to continue it, or another --out");
      }
      previous = Checkpoints.readMetadata(outDir);
      checkResumable(previous, data, proprioDim);
    } else if (resume) {
      progress.println("no checkpoint in " + outDir + " yet: starting from scratch");
    }
    CheckpointMetadata init = null;
    if (initFrom != null) {
      init = Checkpoints.readMetadata(initFrom);
      if (init.proprioDim() != proprioDim || init.actionDim() != data.actionDim()) {
        throw new CheckpointException(
            "cannot start from "
                + initFrom
                + ": its proprioception/action sizes "
                + init.proprioDim()
                + "/"
                + init.actionDim()
                + " differ from "
                + proprioDim
                + "/"
                + data.actionDim());
      }
    }
    NormalisationStats stats;
    if (previous != null) {
      stats = previous.stats();
    } else if (init != null) {
      // The encoder's weights expect the image normalisation they were trained with; the
      // proprioception may be new (e.g. joint positions added to the predictor).
      NormalisationStats own = NormalisationStats.of(split.train(), config);
      NormalisationStats theirs = init.stats();
      stats =
          new NormalisationStats(
              theirs.imageMean(),
              theirs.imageStd(),
              own.proprioMean(),
              own.proprioStd(),
              theirs.actionMean(),
              theirs.actionStd());
    } else {
      stats = NormalisationStats.of(split.train(), config);
    }
    Engine engine = Engine.getEngine("PyTorch");
    engine.setRandomSeed((int) config.seed());
    try (NDManager base = engine.newBaseManager()) {
      int joints = data.jointCount();
      JepaNetwork net = new JepaNetwork(base, config, proprioDim, data.actionDim(), joints);
      JepaNetwork target =
          config.emaTarget()
              ? new JepaNetwork(base, config, proprioDim, data.actionDim(), joints)
              : null;
      int startEpoch = 0;
      long globalStep = 0;
      List<Map<String, Double>> history = new ArrayList<>();
      if (previous != null) {
        Checkpoints.loadParameters(outDir, previous, base, net, target);
        startEpoch = previous.epoch();
        globalStep = previous.globalStep();
        history.addAll(previous.history());
      } else {
        if (init != null) {
          try (NDManager scratch = base.newSubManager();
              JepaNetwork from =
                  new JepaNetwork(
                      scratch,
                      init.config(),
                      init.proprioDim(),
                      init.actionDim(),
                      init.jointNames().size())) {
            Checkpoints.loadParameters(initFrom, init, scratch, from, null);
            String copied;
            try {
              copied = net.copyWeightsFrom(from);
            } catch (IllegalArgumentException e) {
              throw new CheckpointException(
                  "cannot start from " + initFrom + ": " + e.getMessage(), e);
            }
            progress.printf(
                Locale.ROOT,
                "starting from the weights of %s (epoch %d): %s%n",
                initFrom,
                init.epoch(),
                copied);
          }
        }
        if (target != null) {
          target.copyEncoderFrom(net);
        }
      }
      net.attachGradients();
      AdamOptimizer adam = new AdamOptimizer((float) config.learningRate());
      Map<String, Parameter> params = net.parameters();
      Map<String, NDArray> weights = new LinkedHashMap<>();
      params.forEach((id, p) -> weights.put(id, p.getArray()));
      if (previous != null) {
        boolean restored =
            Checkpoints.readOptimizerState(outDir, previous, in -> adam.load(in, weights));
        progress.printf(
            Locale.ROOT,
            "resuming %s at epoch %d, step %d (%s)%n",
            outDir,
            startEpoch,
            globalStep,
            restored
                ? "Adam moments restored from step " + adam.steps()
                : "its checkpoint has no optimizer state: Adam moments restart from zero");
      }
      int stepsPerEpoch =
          config.stepsPerEpoch() > 0
              ? config.stepsPerEpoch()
              : Math.max(1, train.size() / config.batchSize());
      int batch = Math.min(config.batchSize(), train.size());
      progress.printf(
          Locale.ROOT,
          "training on %d episodes (%d windows), validating on %d episodes (%d windows); "
              + "%d steps/epoch, batch %d, horizon %d, latent %d, %s%s%s%n",
          split.train().episodes().size(),
          train.size(),
          split.validation().episodes().size(),
          val.size(),
          stepsPerEpoch,
          batch,
          config.horizon(),
          config.latentDim(),
          config.regularizer(),
          config.emaTarget() ? ", EMA target" : "",
          stateDim > 0
              ? ", state probe on " + config.stateProbe() + " (" + stateDim + " outputs)"
              : "");
      Random rng = new Random(config.seed() * 31 + startEpoch);
      List<EpochResult> results = new ArrayList<>();
      long steps = 0;
      double firstLoss = Double.NaN;
      long trainNanos = 0;
      int totalEpochs = config.epochs();
      long runStart = System.nanoTime();
      for (int epoch = startEpoch + 1; epoch <= totalEpochs; epoch++) {
        double sumLoss = 0;
        double sumPred = 0;
        double sumReg = 0;
        double sumState = 0;
        int reportEvery = Math.max(1, stepsPerEpoch / 10);
        for (int s = 0; s < stepsPerEpoch; s++) {
          long t0 = System.nanoTime();
          int[] idx = new int[batch];
          for (int i = 0; i < batch; i++) {
            idx[i] = rng.nextInt(train.size());
          }
          Windows.Batch b = train.pack(idx, stats);
          double[] terms;
          try (NDManager step = base.newSubManager()) {
            try (GradientCollector gc = engine.newGradientCollector()) {
              NDArray[] loss = loss(step, net, target, b, rng, true);
              gc.backward(loss[0]);
              terms =
                  new double[] {
                    loss[0].getFloat(), loss[1].getFloat(), loss[2].getFloat(), loss[3].getFloat()
                  };
            }
            adam.step();
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
              NDArray w = e.getValue().getArray();
              try (NDArray g = w.getGradient()) {
                adam.update(e.getKey(), w, g);
                g.muli(0f);
              }
            }
          }
          if (target != null) {
            emaUpdate(target, net, config.emaDecay());
          }
          if (!Double.isFinite(terms[0])) {
            throw new IllegalStateException(
                "the training loss became "
                    + terms[0]
                    + " at step "
                    + (globalStep + 1)
                    + ": lower learning_rate");
          }
          trainNanos += System.nanoTime() - t0;
          steps++;
          globalStep++;
          if (Double.isNaN(firstLoss)) {
            firstLoss = terms[0];
          }
          sumLoss += terms[0];
          sumPred += terms[1];
          sumReg += terms[2];
          sumState += terms[3];
          if ((s + 1) % reportEvery == 0 || s + 1 == stepsPerEpoch) {
            long doneSteps = (long) (epoch - startEpoch - 1) * stepsPerEpoch + s + 1;
            long totalSteps = (long) (totalEpochs - startEpoch) * stepsPerEpoch;
            double elapsedS = (System.nanoTime() - runStart) / 1e9;
            double etaS = elapsedS / doneSteps * (totalSteps - doneSteps);
            progress.printf(
                Locale.ROOT,
                "epoch %d/%d step %d/%d (global %d) loss %.5f pred %.5f %s %.5f%s lr %.1e "
                    + "%.0f samples/s ETA %s%n",
                epoch,
                totalEpochs,
                s + 1,
                stepsPerEpoch,
                globalStep,
                terms[0],
                terms[1],
                config.regularizer(),
                terms[2],
                stateDim > 0 ? String.format(Locale.ROOT, " state %.5f", terms[3]) : "",
                config.learningRate(),
                steps * batch / (trainNanos / 1e9),
                duration(etaS));
          }
        }
        double[] v = validate(base, engine, net, target, val, stats);
        EpochResult r =
            new EpochResult(
                epoch,
                sumLoss / stepsPerEpoch,
                sumPred / stepsPerEpoch,
                sumReg / stepsPerEpoch,
                v[0],
                v[1],
                v[2],
                sumState / stepsPerEpoch,
                v[3]);
        results.add(r);
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("epoch", (double) epoch);
        h.put("train_loss", r.trainLoss());
        h.put("train_prediction", r.trainPrediction());
        h.put("train_regularizer", r.trainRegularizer());
        h.put("val_loss", r.validationLoss());
        h.put("val_prediction", r.validationPrediction());
        h.put("val_regularizer", r.validationRegularizer());
        if (stateDim > 0) {
          h.put("train_state_probe", r.trainStateProbe());
          h.put("val_state_probe", r.validationStateProbe());
        }
        history.add(h);
        progress.printf(
            Locale.ROOT,
            "epoch %d/%d done: train loss %.5f, validation loss %.5f (pred %.5f, %s %.5f%s)%n",
            epoch,
            totalEpochs,
            r.trainLoss(),
            v[0],
            v[1],
            config.regularizer(),
            v[2],
            stateDim > 0 ? String.format(Locale.ROOT, ", state probe %.5f", v[3]) : "");
        CheckpointMetadata meta =
            new CheckpointMetadata(
                Checkpoints.FORMAT_VERSION,
                Checkpoints.CODE_VERSION,
                config,
                proprioDim,
                data.actionDim(),
                data.jointNames(),
                stats,
                data.digest(),
                epoch,
                globalStep,
                history,
                Map.of());
        Checkpoints.write(outDir, net, target, out -> adam.save(out, weights), meta);
        progress.println("checkpoint written to " + outDir);
      }
      double sps = trainNanos == 0 ? 0 : steps * batch / (trainNanos / 1e9);
      return new Result(outDir, results, steps, sps, firstLoss);
    }
  }

  private void checkResumable(CheckpointMetadata m, SequenceDataset data, int proprioDim) {
    Map<String, Object> mine = config.toMap();
    Map<String, Object> theirs = m.config().toMap();
    for (String key : mine.keySet()) {
      if (key.equals("epochs")) {
        continue;
      }
      if (!Objects.equals(String.valueOf(mine.get(key)), String.valueOf(theirs.get(key)))) {
        throw new CheckpointException(
            "cannot resume "
                + outDir
                + ": config key '"
                + key
                + "' is "
                + theirs.get(key)
                + " in the checkpoint but "
                + mine.get(key)
                + " now");
      }
    }
    if (!m.dataDigest().equals(data.digest())) {
      throw new CheckpointException(
          "cannot resume "
              + outDir
              + ": it was trained on data "
              + m.dataDigest()
              + ", not "
              + data.digest());
    }
    if (m.proprioDim() != proprioDim || m.actionDim() != data.actionDim()) {
      throw new CheckpointException(
          "cannot resume " + outDir + ": dimensions differ from the data's");
    }
  }

  /** Returns {loss, prediction, regulariser, state probe error} as scalars on {@code m}. */
  private NDArray[] loss(
      NDManager m,
      JepaNetwork net,
      JepaNetwork target,
      Windows.Batch b,
      Random rng,
      boolean training) {
    int h = config.horizon();
    int d = config.latentDim();
    int frames = h + 1;
    int bs = b.size();
    int a = net.actionDim();
    Shape imageShape = new Shape((long) bs * frames, 3, config.imageHeight(), config.imageWidth());
    NDArray images = m.create(b.images(), imageShape);
    int p = b.proprio().length / (bs * frames);
    NDArray allProprio = p > 0 ? m.create(b.proprio(), new Shape(bs, frames, p)) : null;
    NDArray proprio =
        net.proprioDim() > 0 ? allProprio.reshape((long) bs * frames, net.proprioDim()) : null;
    NDArray actions = m.create(b.actions(), new Shape(bs, h, a));
    int qDim = net.predictorJointDim();
    NDArray zFlat = net.encode(images, proprio, training);
    NDArray zAll = zFlat.reshape(bs, frames, d);
    NDArray targets;
    if (target != null) {
      targets = target.encode(images, proprio, false).stopGradient().reshape(bs, frames, d);
    } else {
      targets = zAll.stopGradient();
    }
    NDArray z = zAll.get(new NDIndex(":, 0, :"));
    NDArray pred = null;
    for (int k = 0; k < h; k++) {
      NDArray control = actions.get(new NDIndex(":, {}, :", k));
      if (qDim > 0) {
        // The recorded joint positions before step k (normalised): at run time the rollout
        // adds each action to the current positions instead (the arm tracks the deltas).
        control = control.concat(allProprio.get(new NDIndex(":, {}, 0:{}", k, qDim)), 1);
      }
      z = net.predict(z, control, training);
      NDArray err = z.sub(targets.get(new NDIndex(":, {}, :", k + 1))).square().mean();
      pred = pred == null ? err : pred.add(err);
    }
    pred = pred.div(h);
    NDArray reg =
        config.regularizer().equals("sigreg")
            ? Regularizers.sigreg(zFlat, config.sigregProjections(), config.sigregKnots(), rng)
            : Regularizers.vicreg(
                zFlat, config.vicregVarianceWeight(), config.vicregCovarianceWeight());
    double weight = config.regularizer().equals("sigreg") ? config.sigregWeight() : 1.0;
    NDArray total = pred.add(reg.mul((float) weight));
    NDArray state;
    if (net.stateDim() > 0) {
      NDArray wanted = m.create(b.state(), new Shape((long) bs * frames, net.stateDim()));
      state = net.probeState(zFlat, training).sub(wanted).square().mean();
      total = total.add(state.mul((float) config.stateProbeWeight()));
    } else {
      state = m.zeros(new Shape());
    }
    return new NDArray[] {total, pred, reg, state};
  }

  private double[] validate(
      NDManager base,
      Engine engine,
      JepaNetwork net,
      JepaNetwork target,
      Windows val,
      NormalisationStats stats) {
    // A seeded shuffle: consecutive windows of one episode in a batch would look non-Gaussian
    // to the regulariser and inflate its validation value.
    List<Integer> order = new ArrayList<>(val.size());
    for (int i = 0; i < val.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(config.seed() + 7));
    int n = Math.min(val.size(), MAX_VALIDATION_WINDOWS);
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = order.get(i);
    }
    int batch = Math.max(2, Math.min(config.batchSize(), n));
    double[] sum = new double[4];
    int batches = 0;
    for (int start = 0; start + 2 <= n; start += batch) {
      int len = Math.min(batch, n - start);
      if (len < 2) {
        break;
      }
      int[] idx = new int[len];
      System.arraycopy(all, start, idx, 0, len);
      Windows.Batch b = val.pack(idx, stats);
      try (NDManager m = base.newSubManager()) {
        NDArray[] l = loss(m, net, target, b, new Random(config.seed() + batches), false);
        for (int i = 0; i < 4; i++) {
          sum[i] += l[i].getFloat();
        }
      }
      batches++;
    }
    for (int i = 0; i < 4; i++) {
      sum[i] /= Math.max(1, batches);
    }
    return sum;
  }

  private static void emaUpdate(JepaNetwork target, JepaNetwork online, double decay) {
    List<Parameter> t = target.encoderParameters();
    List<Parameter> o = online.encoderParameters();
    for (int i = 0; i < t.size(); i++) {
      NDArray tw = t.get(i).getArray();
      try (NDArray scaled = o.get(i).getArray().mul((float) (1 - decay))) {
        tw.muli((float) decay).addi(scaled);
      }
    }
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
  }
}
