/** Alerts: findings triaged, enriched with the asset, de-duplicated and grouped. */
@Export
@Version("1.0.0")
@NullMarked
package io.isthmus.api.alert;

import org.jspecify.annotations.NullMarked;
import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
