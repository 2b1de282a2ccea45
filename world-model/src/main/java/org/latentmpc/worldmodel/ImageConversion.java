package org.latentmpc.worldmodel;

import org.latentmpc.ros.msgs.sensor_msgs.Image;

/**
 * Converts sensor_msgs/Image messages to the rgb8 layout and size a model takes: rgb8, bgr8, rgba8,
 * bgra8 and mono8 are accepted; other sizes are resampled by averaging the source pixels that fall
 * in each target pixel (or nearest neighbour when upsampling).
 */
public final class ImageConversion {
  private ImageConversion() {}

  /**
   * The image as rgb8 bytes of {@code width x height}.
   *
   * @throws IllegalArgumentException for an unsupported encoding or a data length that does not
   *     match width, height and step
   */
  public static byte[] toRgb8(Image image, int width, int height) {
    String enc = image.getEncoding();
    int channels;
    int[] order;
    switch (enc) {
      case "rgb8" -> {
        channels = 3;
        order = new int[] {0, 1, 2};
      }
      case "bgr8" -> {
        channels = 3;
        order = new int[] {2, 1, 0};
      }
      case "rgba8" -> {
        channels = 4;
        order = new int[] {0, 1, 2};
      }
      case "bgra8" -> {
        channels = 4;
        order = new int[] {2, 1, 0};
      }
      case "mono8", "8UC1" -> {
        channels = 1;
        order = new int[] {0, 0, 0};
      }
      default ->
          throw new IllegalArgumentException(
              "image encoding '" + enc + "' is not supported (rgb8, bgr8, rgba8, bgra8, mono8)");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int step = image.getStep();
    byte[] data = image.getData();
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("image size " + w + "x" + h + " is empty");
    }
    if (step < w * channels || (long) step * h > data.length) {
      throw new IllegalArgumentException(
          "a "
              + enc
              + " image of "
              + w
              + "x"
              + h
              + " with step "
              + step
              + " needs "
              + ((long) step * h)
              + " bytes (step >= "
              + (w * channels)
              + "), got "
              + data.length);
    }
    byte[] out = new byte[width * height * 3];
    if (w == width && h == height) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int src = y * step + x * channels;
          int dst = 3 * (y * w + x);
          out[dst] = data[src + order[0]];
          out[dst + 1] = data[src + order[1]];
          out[dst + 2] = data[src + order[2]];
        }
      }
      return out;
    }
    for (int y = 0; y < height; y++) {
      int y0 = (int) ((long) y * h / height);
      int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * h / height));
      for (int x = 0; x < width; x++) {
        int x0 = (int) ((long) x * w / width);
        int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * w / width));
        int[] sum = new int[3];
        for (int sy = y0; sy < y1; sy++) {
          for (int sx = x0; sx < x1; sx++) {
            int src = sy * step + sx * channels;
            for (int c = 0; c < 3; c++) {
              sum[c] += data[src + order[c]] & 0xff;
            }
          }
        }
        int count = (y1 - y0) * (x1 - x0);
        int dst = 3 * (y * width + x);
        for (int c = 0; c < 3; c++) {
          out[dst + c] = (byte) ((sum[c] + count / 2) / count);
        }
      }
    }
    return out;
  }
}
