/**
 * Protocol decoders: plugins that turn the reassembled bytes of one conversation into telemetry
 * events. The capture layer (files, live interfaces) owns packets, IP and TCP reassembly; a
 * decoder sees only ordered application bytes.
 */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.decode;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
