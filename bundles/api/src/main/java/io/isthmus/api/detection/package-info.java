/** Detection models and the findings they emit. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.detection;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
