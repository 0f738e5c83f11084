/**
 * Protocol decoders: plugins that turn the reassembled bytes of one conversation into telemetry
 * events. The capture layer (files, live interfaces) owns packets, IP and TCP reassembly; a
 * decoder sees only ordered application bytes. {@link io.isthmus.api.decode.CaptureService} lets a
 * bundle replay a capture file through the decoders into a pipeline channel.
 */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.decode;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
