package io.isthmus.capture.internal.service;

import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.decode.NotACaptureException;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.ReplaySummary;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.capture.internal.StreamReplay;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Replays capture files for other bundles ({@code isthmus analyze}) through {@link StreamReplay},
 * the reader, reassembly and routing that {@code isthmus decode} and the replay component use.
 * Every event carries the requested sensor name; weirds are only counted.
 */
@Component(service = CaptureService.class)
public final class CaptureReplayService implements CaptureService {
  private final List<ProtocolDecoder> decoders = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  void addDecoder(ProtocolDecoder decoder) {
    decoders.add(decoder);
  }

  void removeDecoder(ProtocolDecoder decoder) {
    decoders.remove(decoder);
  }

  @Override
  public ReplaySummary replay(Path file, String sensor, EventChannel channel, LongConsumer bytesRead)
      throws IOException {
    Map<String, Long> weirds = new TreeMap<>();
    long[] notAccepted = {0};
    InputStream in = new CountingInput(Files.newInputStream(file), bytesRead);
    StreamReplay.Stats stats;
    try {
      // StreamReplay names the sensor after the name it is given, so the sensor is that name.
      stats = StreamReplay.run(in, sensor, List.copyOf(decoders), (TelemetryEvent event) -> {
        if (!channel.publish(event)) {
          notAccepted[0]++;
        }
      }, (time, name, detail, uid) -> weirds.merge(name, 1L, Long::sum), Thread.currentThread()::isInterrupted);
    } catch (StreamReplay.NotACaptureException e) {
      throw new NotACaptureException(namingFile(String.valueOf(e.getMessage()), sensor, file));
    }
    return new ReplaySummary(stats.packets(), stats.conversations(), stats.events(), notAccepted[0], weirds);
  }

  /** The reader's message names the capture by the sensor name; a user knows it by its path. */
  static String namingFile(String message, String sensor, Path file) {
    return message.startsWith(sensor) ? file + message.substring(sensor.length()) : file + ": " + message;
  }

  /** Reports the bytes read so far after every read (the reader reads in large windows). */
  private static final class CountingInput extends FilterInputStream {
    private final LongConsumer bytesRead;
    private long count;

    CountingInput(InputStream in, LongConsumer bytesRead) {
      super(in);
      this.bytesRead = bytesRead;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        bytesRead.accept(++count);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        count += n;
        bytesRead.accept(count);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = in.skip(n);
      count += skipped;
      bytesRead.accept(count);
      return skipped;
    }
  }
}
