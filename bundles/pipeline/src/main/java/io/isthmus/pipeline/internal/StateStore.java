package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.ModelState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learned state of each active model on disk, one file per model id, so a restart continues
 * from it. A file is written to a temporary name and moved into place, so a crash leaves either
 * the old or the new file. Layout: magic, file format, model id, model version, origin, state
 * format, length, state bytes, then the SHA-256 of everything before it.
 *
 * <p>The origin names the model instance that exported the state (framework UUID and service
 * id): when the pipeline restarts but that instance lives on, it already holds the state and must
 * not import it a second time.
 */
final class StateStore {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
  private static final int MAGIC = 0x49534d53; // "ISMS"
  private static final int FILE_FORMAT = 1;
  private static final int MAX_STATE_BYTES = Integer.MAX_VALUE - 64;
  private static final String ROLES = "active-versions.properties";

  private final Path dir;

  StateStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path fileOf(String modelId) {
    return dir.resolve(safeName(modelId) + ".state");
  }

  /** Model ids are free text: keep letters, digits, dot, dash and underscore, hex-escape the rest. */
  static String safeName(String modelId) {
    StringBuilder b = new StringBuilder();
    for (byte c : modelId.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || (c == '.' && b.length() > 0)) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02x", c & 0xff));
      }
    }
    return b.toString();
  }

  /** A saved state and the model instance it came from ({@code ""} when unknown). */
  record Saved(ModelState state, String origin) {}

  void save(ModelState state) throws IOException {
    save(state, "");
  }

  void save(ModelState state, String origin) throws IOException {
    byte[] data = state.data();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length + 128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(FILE_FORMAT);
      out.writeUTF(state.modelId());
      out.writeUTF(state.modelVersion());
      out.writeUTF(origin);
      out.writeInt(state.formatVersion());
      out.writeInt(data.length);
      out.write(data);
    }
    byte[] body = bytes.toByteArray();
    Files.createDirectories(dir);
    Path target = fileOf(state.modelId());
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        out.write(body);
        out.write(sha256(body));
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * The saved state of {@code modelId}, or empty when there is none. A file that cannot be read or
   * fails its checksum is logged in one line and renamed {@code .bad}; the model then starts fresh.
   */
  Optional<ModelState> load(String modelId) {
    return loadSaved(modelId).map(Saved::state);
  }

  /** As {@link #load}, with the origin of the state. */
  Optional<Saved> loadSaved(String modelId) {
    Path file = fileOf(modelId);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(file, modelId));
    } catch (IOException | RuntimeException e) {
      Path bad = file.resolveSibling(file.getFileName() + ".bad");
      String kept;
      try {
        Files.move(file, bad, StandardCopyOption.REPLACE_EXISTING);
        kept = "kept as " + bad.getFileName();
      } catch (IOException moveFailed) {
        kept = "could not be renamed: " + moveFailed;
      }
      LOG.warn("Saved state of model {} in {} is unreadable ({}); {}; the model starts fresh", modelId, file,
          e.getMessage() == null ? e.toString() : e.getMessage(), kept);
      return Optional.empty();
    }
  }

  private static Saved read(Path file, String modelId) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 32 + 4 * 4) {
      throw new EOFException("file of " + all.length + " bytes is too short");
    }
    byte[] body = Arrays.copyOf(all, all.length - 32);
    if (!MessageDigest.isEqual(sha256(body), Arrays.copyOfRange(all, all.length - 32, all.length))) {
      throw new IOException("checksum mismatch");
    }
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a model state file");
      }
      int fileFormat = in.readInt();
      if (fileFormat != FILE_FORMAT) {
        throw new IOException("file format " + fileFormat + " is not supported");
      }
      String id = in.readUTF();
      if (!id.equals(modelId)) {
        throw new IOException("holds the state of model " + id);
      }
      String version = in.readUTF();
      String origin = in.readUTF();
      int format = in.readInt();
      int length = in.readInt();
      if (length < 0 || length > MAX_STATE_BYTES || length != in.available()) {
        throw new IOException("state length " + length + " does not match the file");
      }
      byte[] data = new byte[length];
      in.readFully(data);
      return new Saved(new ModelState(id, version, format, data), origin);
    }
  }

  /** The version to make active for each model id, as last chosen by promote or rollback. */
  Properties activeVersions() {
    Properties p = new Properties();
    Path file = dir.resolve(ROLES);
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        p.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("Cannot read {} ({}); versions bind in their default roles", file, e.toString());
        p.clear();
      }
    }
    return p;
  }

  void saveActiveVersions(Properties versions) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(ROLES);
    Path tmp = Files.createTempFile(dir, ROLES, ".tmp");
    try {
      try (var out = Files.newOutputStream(tmp)) {
        versions.store(out, "Active version per model id, written by promote and rollback");
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
