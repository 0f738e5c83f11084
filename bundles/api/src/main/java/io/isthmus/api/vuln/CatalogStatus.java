package io.isthmus.api.vuln;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the vulnerability catalog holds, and how far a (re)load has got.
 *
 * @param cves CVEs loaded (those with at least one CPE match criterion)
 * @param knownExploited KEV entries loaded
 * @param loadedAt when the last feed was loaded, or {@code null} if none was
 * @param rejected feed entries refused as malformed (each logged with its reason)
 * @param loading whether a load is under way (the previous catalog answers meanwhile)
 * @param filesLoaded feed files read so far in the current load, or in the last one when idle
 * @param filesTotal feed files the current (or last) load covers
 */
public record CatalogStatus(long cves, long knownExploited, @Nullable Instant loadedAt, long rejected,
    boolean loading, int filesLoaded, int filesTotal) {

  /** A catalog that is not loading. */
  public CatalogStatus(long cves, long knownExploited, @Nullable Instant loadedAt, long rejected) {
    this(cves, knownExploited, loadedAt, rejected, false, 0, 0);
  }
}
