package org.latentmpc.worldmodel.internal.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentmpc.worldmodel.ModelConfig;
import org.latentmpc.worldmodel.NormalisationStats;

/**
 * What a checkpoint folder's {@code metadata.json} holds: format and code version, the
 * configuration, the dimensions, the normalisation, the data digest, training progress and the
 * SHA-256 of each parameter file.
 *
 * @param formatVersion the checkpoint format (see {@link Checkpoints#FORMAT_VERSION})
 * @param codeVersion the version of the code that wrote it
 * @param config the model and training configuration
 * @param proprioDim proprioception inputs of the encoder
 * @param actionDim action size
 * @param jointNames joint names of the joint state the model was trained on
 * @param stats input normalisation
 * @param dataDigest digest of the training data
 * @param epoch epochs completed
 * @param globalStep training steps completed
 * @param history per-epoch records (epoch, train and validation losses)
 * @param fileDigests SHA-256 (hex) of each parameter file, by file name
 */
public record CheckpointMetadata(
    int formatVersion,
    String codeVersion,
    ModelConfig config,
    int proprioDim,
    int actionDim,
    List<String> jointNames,
    NormalisationStats stats,
    String dataDigest,
    int epoch,
    long globalStep,
    List<Map<String, Double>> history,
    Map<String, String> fileDigests) {

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  /** The same metadata with other file digests. */
  public CheckpointMetadata withFileDigests(Map<String, String> digests) {
    return new CheckpointMetadata(
        formatVersion,
        codeVersion,
        config,
        proprioDim,
        actionDim,
        jointNames,
        stats,
        dataDigest,
        epoch,
        globalStep,
        history,
        digests);
  }

  /** Pretty-printed JSON. */
  public String toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("format_version", formatVersion);
    o.addProperty("code_version", codeVersion);
    o.add("config", GSON.toJsonTree(config.toMap()));
    o.addProperty("latent_dim", config.latentDim());
    o.addProperty("proprio_dim", proprioDim);
    o.addProperty("action_dim", actionDim);
    o.add("joint_names", GSON.toJsonTree(jointNames));
    JsonObject s = new JsonObject();
    s.add("image_mean", GSON.toJsonTree(stats.imageMean()));
    s.add("image_std", GSON.toJsonTree(stats.imageStd()));
    s.add("proprio_mean", GSON.toJsonTree(stats.proprioMean()));
    s.add("proprio_std", GSON.toJsonTree(stats.proprioStd()));
    s.add("action_mean", GSON.toJsonTree(stats.actionMean()));
    s.add("action_std", GSON.toJsonTree(stats.actionStd()));
    o.add("normalisation", s);
    o.addProperty("data_digest", dataDigest);
    o.addProperty("epoch", epoch);
    o.addProperty("global_step", globalStep);
    o.add("history", GSON.toJsonTree(history));
    o.add("files", GSON.toJsonTree(fileDigests));
    return GSON.toJson(o);
  }

  /**
   * Parses {@link #toJson()} output.
   *
   * @throws IllegalArgumentException naming the missing or malformed field
   */
  public static CheckpointMetadata fromJson(String json) {
    JsonObject o;
    try {
      o = JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    try {
      Map<String, Object> configMap =
          GSON.fromJson(
              field(o, "config"), new TypeToken<LinkedHashMap<String, Object>>() {}.getType());
      ModelConfig config = ModelConfig.fromMap(configMap, "metadata.json");
      int latentDim = field(o, "latent_dim").getAsInt();
      if (latentDim != config.latentDim()) {
        throw new IllegalArgumentException(
            "latent_dim " + latentDim + " disagrees with config latent_dim " + config.latentDim());
      }
      JsonObject s = field(o, "normalisation").getAsJsonObject();
      NormalisationStats stats =
          new NormalisationStats(
              floats(s, "image_mean"),
              floats(s, "image_std"),
              floats(s, "proprio_mean"),
              floats(s, "proprio_std"),
              floats(s, "action_mean"),
              floats(s, "action_std"));
      List<String> names = new ArrayList<>();
      for (JsonElement e : field(o, "joint_names").getAsJsonArray()) {
        names.add(e.getAsString());
      }
      List<Map<String, Double>> history =
          GSON.fromJson(
              field(o, "history"),
              new TypeToken<List<LinkedHashMap<String, Double>>>() {}.getType());
      Map<String, String> files =
          GSON.fromJson(
              field(o, "files"), new TypeToken<LinkedHashMap<String, String>>() {}.getType());
      CheckpointMetadata m =
          new CheckpointMetadata(
              field(o, "format_version").getAsInt(),
              field(o, "code_version").getAsString(),
              config,
              field(o, "proprio_dim").getAsInt(),
              field(o, "action_dim").getAsInt(),
              names,
              stats,
              field(o, "data_digest").getAsString(),
              field(o, "epoch").getAsInt(),
              field(o, "global_step").getAsLong(),
              history,
              files);
      // Normalised proprioception serves the encoder and the predictor: the larger of the two.
      int normalised = Math.max(m.proprioDim, config.predictorProprioDim(names.size()));
      if (stats.proprioMean().length != normalised || stats.actionMean().length != m.actionDim) {
        throw new IllegalArgumentException(
            "normalisation sizes (proprio "
                + stats.proprioMean().length
                + ", action "
                + stats.actionMean().length
                + ") disagree with the "
                + normalised
                + " normalised proprioception inputs and action_dim "
                + m.actionDim);
      }
      return m;
    } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
      throw new IllegalArgumentException("malformed field: " + e.getMessage(), e);
    } catch (com.google.gson.JsonParseException e) {
      throw new IllegalArgumentException("malformed field: " + e.getMessage(), e);
    }
  }

  private static JsonElement field(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return e;
  }

  private static float[] floats(JsonObject o, String name) {
    JsonArray a = field(o, name).getAsJsonArray();
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).getAsFloat();
    }
    return out;
  }
}
