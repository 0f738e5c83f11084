package io.isthmus.audit.internal;

import io.isthmus.api.governance.AuditLog;
import io.isthmus.api.governance.AuditRecord;
import java.io.File;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the head of the audit log every N records or T seconds, on a thread of its own, and once
 * more when stopped. Off where the framework property {@code isthmus.audit.checkpoints} is
 * {@code false} (the {@code isthmus audit} command, which only reads).
 */
@Component(service = {}, configurationPid = "io.isthmus.audit.checkpoint", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CheckpointConfig.class)
public final class CheckpointSigner {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);

  private final AuditLog log;
  private final int everyRecords;
  private final Duration interval;
  private final Clock clock;
  private final @Nullable KeyPair keys;
  private final @Nullable String keyId;
  private final @Nullable ScheduledExecutorService thread;
  private long coveredUpTo = -1;
  private Instant lastSigned = Instant.MIN;

  @Activate
  public CheckpointSigner(BundleContext context, @Reference AuditLog log, CheckpointConfig config) {
    this(log, config.everyRecords(), Duration.ofSeconds(config.intervalSeconds()), Clock.systemUTC(),
        "false".equalsIgnoreCase(context.getProperty("isthmus.audit.checkpoints")) ? null : AuditKeys.directory(dataDir(context)));
    if (keys != null) {
      thread.scheduleWithFixedDelay(this::signIfDueQuietly, config.pollSeconds(), config.pollSeconds(), TimeUnit.SECONDS);
    }
  }

  /** A signer without a thread of its own when {@code keyDirectory} is null or its key cannot be had; tests call {@link #signIfDue}. */
  CheckpointSigner(AuditLog log, int everyRecords, Duration interval, Clock clock, @Nullable Path keyDirectory) {
    this.log = log;
    this.everyRecords = Math.max(1, everyRecords);
    this.interval = interval;
    this.clock = clock;
    KeyPair pair = null;
    if (keyDirectory != null) {
      try {
        pair = AuditKeys.loadOrCreate(keyDirectory);
      } catch (Exception e) {
        LOG.error("audit: no checkpoints will be signed: the key in {} cannot be read or created: {}", keyDirectory, e.toString());
      }
    }
    keys = pair;
    keyId = pair == null ? null : AuditKeys.keyId(pair.getPublic());
    thread = pair == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "isthmus-audit-checkpoints");
      t.setDaemon(true);
      return t;
    });
    if (keyId != null) {
      LOG.info("audit: checkpoints signed with Ed25519 key {} ({}/{})", keyId, keyDirectory, AuditKeys.PUBLIC_FILE);
    }
  }

  @Deactivate
  void stop() throws InterruptedException {
    if (thread == null) {
      return;
    }
    thread.shutdownNow();
    if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("audit: the checkpoint thread did not stop within 10 s");
      return;
    }
    // Seal what was appended since the last checkpoint.
    signIfDue(true);
  }

  private void signIfDueQuietly() {
    try {
      signIfDue(false);
    } catch (RuntimeException e) {
      LOG.warn("audit: checkpoint not written, retrying at the next check: {}", e.toString());
    }
  }

  /** Appends a checkpoint if N records or T seconds passed since the last one (or if {@code force}) and returns it. */
  synchronized Optional<AuditRecord> signIfDue(boolean force) {
    if (keys == null || keyId == null) {
      return Optional.empty();
    }
    if (coveredUpTo < 0) {
      Optional<AuditRecord> lastCheckpoint = log.lastOfType(Checkpoints.TYPE);
      coveredUpTo = lastCheckpoint.map(AuditRecord::sequence).orElse(0L);
      // T seconds count from the last checkpoint, but not from before this signer started.
      Instant started = clock.instant();
      lastSigned = lastCheckpoint.map(AuditRecord::time).filter(started::isBefore).orElse(started);
    }
    Optional<AuditRecord> head = log.last();
    if (head.isEmpty() || head.get().sequence() <= coveredUpTo || Checkpoints.TYPE.equals(head.get().type())) {
      return Optional.empty();
    }
    long uncovered = head.get().sequence() - coveredUpTo;
    boolean due = force || uncovered >= everyRecords || !clock.instant().isBefore(lastSigned.plus(interval));
    if (!due) {
      return Optional.empty();
    }
    String payload;
    try {
      payload = Checkpoints.payload(head.get().sequence(), head.get().hash(), keyId, keys.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException("signing failed: " + e, e);
    }
    AuditRecord checkpoint = log.append(Checkpoints.TYPE, Checkpoints.SUBJECT, Checkpoints.ACTOR, List.of(), payload);
    coveredUpTo = checkpoint.sequence();
    lastSigned = checkpoint.time();
    LOG.debug("audit: checkpoint #{} signs #{}", checkpoint.sequence(), head.get().sequence());
    return Optional.of(checkpoint);
  }

  private static Path dataDir(BundleContext context) {
    String data = context.getProperty("isthmus.data");
    if (data != null && !data.isBlank()) {
      return Path.of(data);
    }
    File area = context.getDataFile("");
    if (area == null) {
      throw new IllegalStateException("no isthmus.data property and the framework has no bundle data area");
    }
    return area.toPath();
  }
}
