package io.isthmus.api.vuln;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the vulnerability catalog holds.
 *
 * @param cves CVEs loaded (those with at least one CPE match criterion)
 * @param knownExploited KEV entries loaded
 * @param loadedAt when the last feed was loaded, or {@code null} if none was
 * @param rejected feed entries refused as malformed (each logged with its reason)
 */
public record CatalogStatus(long cves, long knownExploited, @Nullable Instant loadedAt, long rejected) {}
