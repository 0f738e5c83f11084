/** Writing JSON text (RFC 8259) without a library: a streaming writer and the string escaping it uses. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.json;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
