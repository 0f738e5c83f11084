/** Assets: the devices Isthmus sees, with their context and risk. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.asset;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
