package org.latentmpc.worldmodel.internal.model;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentmpc.worldmodel.CheckpointException;

/**
 * Checkpoint folders: {@code model.params} (DJL parameter format: encoder, head, predictor),
 * optionally {@code target.params} (the EMA target network) and {@code optimizer.state} (the
 * optimizer's moments, for resuming training), and {@code metadata.json} written last, holding the
 * SHA-256 of each parameter file so a truncated or modified file is detected.
 */
public final class Checkpoints {

  /** The checkpoint format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The version of this code, stored in every checkpoint. */
  public static final String CODE_VERSION = "latent-mpc world-model 0.1.0";

  /** File of the online network's parameters. */
  public static final String MODEL_FILE = "model.params";

  /** File of the EMA target network's parameters. */
  public static final String TARGET_FILE = "target.params";

  /** File of the optimizer state (written by training, read when it resumes). */
  public static final String OPTIMIZER_FILE = "optimizer.state";

  /** Writes one extra checkpoint file's content. */
  @FunctionalInterface
  public interface StreamWriter {
    /** Writes the content to {@code out}. */
    void write(DataOutputStream out) throws IOException;
  }

  /** Reads one extra checkpoint file's content. */
  @FunctionalInterface
  public interface StreamReader {
    /** Reads the content from {@code in}. */
    void read(DataInputStream in) throws IOException;
  }

  /** File of the metadata. */
  public static final String METADATA_FILE = "metadata.json";

  private Checkpoints() {}

  /** Whether {@code dir} holds a checkpoint's metadata file. */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(METADATA_FILE));
  }

  /**
   * Writes {@code network} (and {@code target} when not null) and the metadata into {@code dir},
   * replacing files one by one atomically, metadata last.
   */
  public static void write(
      Path dir, JepaNetwork network, JepaNetwork target, CheckpointMetadata metadata)
      throws IOException {
    write(dir, network, target, null, metadata);
  }

  /**
   * As {@link #write(Path, JepaNetwork, JepaNetwork, CheckpointMetadata)}, plus {@code
   * optimizer.state} from {@code optimizer} when not null (else any old one is removed).
   */
  public static void write(
      Path dir,
      JepaNetwork network,
      JepaNetwork target,
      StreamWriter optimizer,
      CheckpointMetadata metadata)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put(MODEL_FILE, writeParams(dir, MODEL_FILE, network));
    if (target != null) {
      digests.put(TARGET_FILE, writeParams(dir, TARGET_FILE, target));
    } else {
      Files.deleteIfExists(dir.resolve(TARGET_FILE));
    }
    if (optimizer != null) {
      digests.put(OPTIMIZER_FILE, writeFile(dir, OPTIMIZER_FILE, optimizer));
    } else {
      Files.deleteIfExists(dir.resolve(OPTIMIZER_FILE));
    }
    String json = metadata.withFileDigests(digests).toJson();
    Path tmp = dir.resolve(METADATA_FILE + ".tmp");
    Files.writeString(tmp, json, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        dir.resolve(METADATA_FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  private static String writeParams(Path dir, String name, JepaNetwork network) throws IOException {
    return writeFile(dir, name, network::save);
  }

  private static String writeFile(Path dir, String name, StreamWriter writer) throws IOException {
    Path tmp = dir.resolve(name + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
      writer.write(out);
    }
    String digest = sha256(tmp);
    Files.move(
        tmp,
        dir.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return digest;
  }

  /**
   * Reads and validates {@code dir}'s metadata.
   *
   * @throws CheckpointException naming the folder and what is wrong
   */
  public static CheckpointMetadata readMetadata(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CheckpointException("no checkpoint folder at " + dir);
    }
    Path file = dir.resolve(METADATA_FILE);
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(
          dir + " is not a checkpoint folder: " + METADATA_FILE + " is missing");
    }
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
    CheckpointMetadata m;
    try {
      m = CheckpointMetadata.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new CheckpointException(file + ": corrupt metadata: " + e.getMessage(), e);
    }
    if (m.formatVersion() != FORMAT_VERSION) {
      throw new CheckpointException(
          file
              + ": checkpoint format "
              + m.formatVersion()
              + " (written by "
              + m.codeVersion()
              + "), this code reads format "
              + FORMAT_VERSION);
    }
    if (!m.fileDigests().containsKey(MODEL_FILE)) {
      throw new CheckpointException(file + ": no digest for " + MODEL_FILE);
    }
    return m;
  }

  /**
   * Loads {@code dir}'s parameters into {@code network} (built from the metadata's config and
   * dimensions) after checking the file digest.
   *
   * @param target also load {@code target.params} into this network (null: skip)
   * @throws CheckpointException when a file is missing, corrupt, or its shapes do not match
   */
  public static void loadParameters(
      Path dir,
      CheckpointMetadata metadata,
      NDManager manager,
      JepaNetwork network,
      JepaNetwork target) {
    loadParams(dir, MODEL_FILE, metadata, manager, network);
    if (target != null) {
      if (metadata.fileDigests().containsKey(TARGET_FILE)) {
        loadParams(dir, TARGET_FILE, metadata, manager, target);
      } else {
        target.copyEncoderFrom(network);
      }
    }
  }

  /**
   * Reads {@code optimizer.state} with {@code reader} after checking its digest.
   *
   * @return false when the checkpoint has none (written before optimizer states were saved)
   * @throws CheckpointException when the file is missing, corrupt or {@code reader} rejects it
   */
  public static boolean readOptimizerState(
      Path dir, CheckpointMetadata metadata, StreamReader reader) {
    if (!metadata.fileDigests().containsKey(OPTIMIZER_FILE)) {
      return false;
    }
    Path file = dir.resolve(OPTIMIZER_FILE);
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": optimizer state file is missing");
    }
    try {
      checkDigest(file, metadata.fileDigests().get(OPTIMIZER_FILE));
      try (InputStream raw = Files.newInputStream(file);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
        reader.read(in);
      }
    } catch (IOException e) {
      throw new CheckpointException(
          file + ": cannot load the optimizer state: " + e.getMessage(), e);
    }
    return true;
  }

  private static void checkDigest(Path file, String expected) throws IOException {
    String digest = sha256(file);
    if (!digest.equals(expected)) {
      throw new CheckpointException(
          file
              + ": SHA-256 "
              + digest
              + " differs from "
              + expected
              + " in "
              + METADATA_FILE
              + " (the file is corrupt or was modified)");
    }
  }

  private static void loadParams(
      Path dir, String name, CheckpointMetadata metadata, NDManager manager, JepaNetwork network) {
    Path file = dir.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new CheckpointException(file + ": parameter file is missing");
    }
    try {
      checkDigest(file, metadata.fileDigests().get(name));
      try (InputStream raw = Files.newInputStream(file);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
        network.load(manager, in);
      }
    } catch (IOException | MalformedModelException | RuntimeException e) {
      if (e instanceof CheckpointException ce) {
        throw ce;
      }
      throw new CheckpointException(
          file + ": cannot load parameters (corrupt or not matching the config): " + e.getMessage(),
          e);
    }
  }

  /** SHA-256 of a file, lowercase hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
