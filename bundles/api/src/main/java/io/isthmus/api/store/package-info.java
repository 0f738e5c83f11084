/** Persistence of what Isthmus learns: the asset inventory. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.store;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
