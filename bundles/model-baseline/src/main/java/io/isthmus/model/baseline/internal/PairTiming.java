package io.isthmus.model.baseline.internal;

import io.isthmus.api.event.TelemetryEvent;

/**
 * The timing and size checks of one (peer, device, protocol) pair: polling interval, message
 * rate per window and payload size. Learning feeds the statistics; after learning only events
 * that raised no indicator move them (see {@link #adapt}), so flagged traffic never becomes normal.
 */
final class PairTiming {
  static final int MIN_INTERVALS = 20;
  static final int MIN_PAYLOADS = 20;
  static final int MIN_WINDOWS = 3;
  private static final float FAST = 0.2f;

  private PairTiming() {}

  /** Updates the pair with {@code e}; returns {@code d} with any timing indicator added. */
  static Deviations check(PeerStats p, TelemetryEvent e, boolean toDevice, boolean learning, Tuning t, Deviations d) {
    d = window(p, e, learning, t, d);
    int size = e.payloadSize();
    if (learning) {
      p.learnPayload(size);
    } else if (p.payloads >= MIN_PAYLOADS) {
      float tolerance = Math.max(3 * p.payloadSd(), Math.max(8f, 0.25f * p.payloadMax));
      if (size > p.payloadMax + tolerance || size < p.payloadMin - tolerance) {
        d = Deviations.add(d, "payload_size_outlier", 0.3, "A " + e.operation() + " message of " + size
            + " bytes is far outside the " + p.payloadMin + "-" + p.payloadMax + " bytes seen between these two hosts.");
      }
    }
    if (toDevice) {
      long last = p.lastRequestMicros;
      p.lastRequestMicros = e.timeMicros();
      if (last != Long.MIN_VALUE && e.timeMicros() >= last) {
        float seconds = (e.timeMicros() - last) / 1e6f;
        if (learning) {
          p.learnInterval(seconds);
        } else if (p.intervals >= MIN_INTERVALS) {
          p.intervalEwma += FAST * (seconds - p.intervalEwma);
          d = interval(p, e, d);
        }
      }
    }
    return d;
  }

  private static Deviations interval(PeerStats p, TelemetryEvent e, Deviations d) {
    float mean = p.intervalMean;
    float recent = p.intervalEwma;
    boolean far = Math.abs(recent - mean) > 3 * p.intervalSd() + 0.05f * mean;
    if (far && (recent > 3 * mean || recent * 3 < mean)) {
      d = Deviations.add(d, "polling_interval_deviation", 0.3, e.peer().ip() + " now talks to this device every "
          + seconds(recent) + " on average instead of every " + seconds(mean)
          + " as it did while the baseline was learned; a changed polling cycle can mean another program is polling or commanding it.");
    }
    return d;
  }

  private static Deviations window(PeerStats p, TelemetryEvent e, boolean learning, Tuning t, Deviations d) {
    long now = e.timeMicros();
    if (p.windowStartMicros == Long.MIN_VALUE || now < p.windowStartMicros) {
      p.windowStartMicros = now;
      p.windowCount = 0;
      p.windowFlagged = false;
    } else if (now >= p.windowStartMicros + t.windowMicros()) {
      int count = p.windowCount;
      if (learning) {
        p.learnWindow(count);
      } else if (p.rateWindows >= MIN_WINDOWS && count >= 10 && count >= t.floodFactor() * p.rateMean
          && count > 2 * p.rateMax) {
        long times = Math.round(count / Math.max(p.rateMean, 1e-3f));
        boolean mqtt = "mqtt".equals(e.protocol());
        d = Deviations.add(d, (mqtt ? "publish_frequency_" : "message_rate_") + times + "x_baseline",
            Math.min(0.9, 0.4 + 0.05 * times), e.peer().ip() + " sent " + count + " messages in "
            + t.windowMicros() / 1_000_000 + " s, about " + times + " times the " + Math.round(p.rateMean)
            + " it normally sends; a flood like this can overload the device or drown out real readings.",
            Attack.DENIAL_OF_SERVICE);
      } else if (!p.windowFlagged) {
        p.rateMean += (float) (t.adaptation() * (count - p.rateMean));
      }
      p.windowStartMicros += (now - p.windowStartMicros) / t.windowMicros() * t.windowMicros();
      p.windowCount = 0;
      p.windowFlagged = false;
    }
    p.windowCount++;
    return d;
  }

  /** After learning: an unflagged event moves the averages a little, so slow legitimate drift is followed. */
  static void adapt(PeerStats p, TelemetryEvent e, Tuning t) {
    float a = (float) t.adaptation();
    p.payloadMean += a * (e.payloadSize() - p.payloadMean);
    if (p.intervals >= MIN_INTERVALS) {
      p.intervalMean += a * (p.intervalEwma - p.intervalMean);
    }
  }

  private static String seconds(float s) {
    return s >= 1 ? String.format("%.1f s", s) : String.format("%.0f ms", s * 1000);
  }
}
