package io.isthmus.model.baseline.internal;

import io.isthmus.api.event.TelemetryEvent;

/**
 * The timing and size checks of one (peer, device, protocol) pair: polling interval, message
 * rate per window and payload size. Learning feeds the statistics; after learning only windows
 * in which no event raised an indicator move them, so flagged traffic never becomes normal.
 */
final class PairTiming {
  static final int MIN_INTERVALS = 20;
  static final int MIN_PAYLOADS = 20;
  static final int MIN_WINDOWS = 3;
  private static final float FAST = 0.2f;
  /** A polling cycle this many times (e-fold of the log) faster or slower than learned is a deviation: ln 3. */
  private static final float LOG_FACTOR = (float) Math.log(3);

  private PairTiming() {}

  /** Updates the pair with {@code e}; returns {@code d} with any timing indicator added. */
  static Deviations check(PeerStats p, TelemetryEvent e, boolean toDevice, boolean learning, Tuning t, Deviations d) {
    // Keep-alives and acknowledgements run on timers of their own: they would blur the polling cycle.
    toDevice = toDevice && !EventFacts.isHousekeeping(e.operation());
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
        float logSeconds = (float) Math.log(Math.max(1e-4, (e.timeMicros() - last) / 1e6));
        if (learning) {
          p.learnInterval(logSeconds);
        } else if (p.intervals >= MIN_INTERVALS) {
          p.intervalEwma += FAST * (logSeconds - p.intervalEwma);
          d = interval(p, e, d);
        }
      }
    }
    return d;
  }

  private static Deviations interval(PeerStats p, TelemetryEvent e, Deviations d) {
    float mean = (float) Math.exp(p.intervalMean);
    float recent = (float) Math.exp(p.intervalEwma);
    float logRatio = Math.abs(p.intervalEwma - p.intervalMean);
    if (logRatio > LOG_FACTOR && logRatio > 3 * p.intervalSd()) {
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
        // After learning, a window with no flagged event moves the averages a little, so slow
        // legitimate drift is followed; flagged traffic never moves them.
        p.rateMean += (float) (t.adaptation() * (count - p.rateMean));
        if (p.intervals >= MIN_INTERVALS) {
          p.intervalMean += (float) (t.adaptation() * (p.intervalEwma - p.intervalMean));
        }
      }
      p.windowStartMicros += (now - p.windowStartMicros) / t.windowMicros() * t.windowMicros();
      p.windowCount = 0;
      p.windowFlagged = false;
    }
    p.windowCount++;
    return d;
  }

  private static String seconds(float s) {
    return s >= 1 ? String.format("%.1f s", s) : String.format("%.0f ms", s * 1000);
  }
}
