/** The pipeline service every source pushes events into, with its backpressure contract and status. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.pipeline;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
