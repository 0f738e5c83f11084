package io.isthmus.capture.internal.live;

/** Why a live capture cannot run, in one line fit for the log and the health report. */
final class LiveCaptureException extends Exception {
  private static final long serialVersionUID = 1L;

  LiveCaptureException(String oneLine) {
    super(oneLine, null, false, false);
  }
}
