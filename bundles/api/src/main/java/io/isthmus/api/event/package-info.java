/** Telemetry events: one per application PDU, with its endpoints, protocol operation and decoded fields. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.event;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
