package io.isthmus.api.detection;

import java.util.Objects;

/**
 * A model's learned state as bytes, tagged with the model id, the version that wrote it and the
 * format of the bytes, so a newer version can read or migrate it.
 */
public record ModelState(String modelId, String modelVersion, int formatVersion, byte[] data) {

  public ModelState {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelVersion, "modelVersion");
    data = data.clone();
  }

  public static ModelState empty(String modelId, String modelVersion) {
    return new ModelState(modelId, modelVersion, 0, new byte[0]);
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  /** A copy of the state bytes. */
  @Override
  public byte[] data() {
    return data.clone();
  }
}
